"""Time latent_imbalance's SMOTE and ADASYN against imbalanced-learn's on the same input, in one run.

Input: a 9,000 x 300 float32 matrix (overlapping Gaussian classes on a 10-d subspace) with the thesis MNIST counts
[4000, 2000, 1000, 750, 500, 350, 200, 100, 60, 40], balanced to 40,000 rows. Prints a markdown table of the
median wall time of `--repeats` runs and the ratio imbalanced-learn / ours (> 1: ours is faster).

Sparse case: a 1,000 x 20,000 CSR matrix with 10,000 non-zeros (two classes, 900 and 100 rows), balanced to 1,800
rows, timed the same way, with the peak memory of one fit_resample traced by `tracemalloc` (NumPy and SciPy buffers).

    python benchmarks/bench_samplers.py [--repeats 3] [--json benchmarks/results/samplers.json]
"""
import argparse, json, time, platform, tracemalloc
import numpy as np
from scipy import sparse
from imblearn.over_sampling import SMOTE as ImbSMOTE, ADASYN as ImbADASYN
from latent_imbalance.smote import SMOTE
from latent_imbalance.adasyn import ADASYN
from latent_imbalance.data import PROFILES
from latent_imbalance.core import atomic_write

def make_input(seed=0, d=300, d_latent=10):
    "Overlapping classes on a 10-dimensional subspace of R^300 (like autoencoder codes), plus a little noise."
    rng = np.random.default_rng(seed)
    counts = PROFILES['thesis-mnist']
    centers, W = rng.normal(0, 1.0, size=(len(counts), d_latent)), rng.normal(0, 1.0, size=(d_latent, d))
    Z = np.vstack([rng.normal(c, 1.0, size=(n, d_latent)) for c, n in zip(centers, counts)])
    X = (Z @ W + rng.normal(0, 0.1, size=(len(Z), d))).astype(np.float32)
    return X, np.repeat(np.arange(len(counts)), counts)

def make_sparse_input(seed=0, n=1000, d=20000, nnz=10000, minority=100):
    "A CSR matrix of n x d with nnz non-zeros (uniform positions), and labels: n - minority of class 0, minority of class 1."
    X = sparse.random_array((n, d), density=nnz / (n * d), format='csr', rng=seed)
    return X, np.repeat([0, 1], [n - minority, minority])

def peak_mb(fn):
    "Peak memory (MB) traced while fn runs."
    tracemalloc.start(); tracemalloc.reset_peak()
    try: fn(); return tracemalloc.get_traced_memory()[1] / 2**20
    finally: tracemalloc.stop()

def median_time(fn, repeats):
    ts = []
    for _ in range(repeats):
        t = time.perf_counter(); out = fn(); ts.append(time.perf_counter() - t)
    return float(np.median(ts)), out

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--json', default=None, help='also write the figures to this JSON file')
    a = p.parse_args(argv)
    def side_by_side(X, y):
        "Both samplers, ours and imbalanced-learn's, on one input: (name, median s ours, median s theirs, outputs ours, theirs)."
        for name, ours, ref in [('SMOTE', SMOTE(random_state=0), ImbSMOTE(random_state=0)),
                                ('ADASYN', ADASYN(random_state=0), ImbADASYN(random_state=0))]:
            (t_ours, out_ours), (t_ref, out_ref) = (median_time(lambda s=s: s.fit_resample(X, y), a.repeats) for s in (ours, ref))
            yield name, ours, ref, t_ours, t_ref, out_ours, out_ref
    X, y = make_input()
    rows = [dict(sampler=name, ours_s=round(t_o, 3), imblearn_s=round(t_r, 3), ratio=round(t_r / t_o, 2), ours_rows=len(o[1]), imblearn_rows=len(r[1]))
            for name, _, _, t_o, t_r, o, r in side_by_side(X, y)]
    Xs, ys = make_sparse_input()
    sparse_rows = []
    for name, ours, ref, t_o, t_r, o, r in side_by_side(Xs, ys):
        m_ours, m_ref = peak_mb(lambda: ours.fit_resample(Xs, ys)), peak_mb(lambda: ref.fit_resample(Xs, ys))
        sparse_rows.append(dict(sampler=name, ours_s=round(t_o, 4), imblearn_s=round(t_r, 4), time_ratio=round(t_o / t_r, 2),
                                ours_mb=round(m_ours, 2), imblearn_mb=round(m_ref, 2), memory_ratio=round(m_ours / m_ref, 2),
                                ours_type=type(o[0]).__name__, ours_nnz=int(o[0].nnz), imblearn_nnz=int(r[0].nnz)))
    print('| sampler | ours (s) | imbalanced-learn (s) | imbalanced-learn / ours | rows out (ours / imblearn) |')
    print('|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['sampler']} | {r['ours_s']:.2f} | {r['imblearn_s']:.2f} | {r['ratio']:.2f}x | {r['ours_rows']} / {r['imblearn_rows']} |")
    print()
    print('Sparse 1,000 x 20,000 CSR, 10,000 non-zeros, to 1,800 rows:')
    print()
    print('| sampler | ours (s) | imbalanced-learn (s) | time ours / imblearn | peak ours (MB) | peak imblearn (MB) | memory ours / imblearn | output |')
    print('|---|---|---|---|---|---|---|---|')
    for r in sparse_rows:
        print(f"| {r['sampler']} | {r['ours_s']:.3f} | {r['imblearn_s']:.3f} | {r['time_ratio']:.2f}x | {r['ours_mb']:.2f} | "
              f"{r['imblearn_mb']:.2f} | {r['memory_ratio']:.2f}x | {r['ours_type']}, {r['ours_nnz']} non-zeros ({r['imblearn_nnz']}) |")
    if a.json:
        with atomic_write(a.json, 'w') as f:
            json.dump(dict(rows=rows, sparse_rows=sparse_rows, input='9000x300 float32, thesis-mnist counts, to 40000',
                           sparse_input='1000x20000 CSR, 10000 non-zeros, 900/100, to 1800', repeats=a.repeats,
                           machine=platform.machine(), cpus=__import__('os').cpu_count()), f, indent=1)

if __name__ == '__main__': main()
