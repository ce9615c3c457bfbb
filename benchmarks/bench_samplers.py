"""Time latent_imbalance's SMOTE and ADASYN against imbalanced-learn's on the same input, in one run.

Input: a 9,000 x 300 float32 matrix (overlapping Gaussian classes on a 10-d subspace) with the thesis MNIST counts
[4000, 2000, 1000, 750, 500, 350, 200, 100, 60, 40], balanced to 40,000 rows. Prints a markdown table of the
median wall time of `--repeats` runs and the ratio imbalanced-learn / ours (> 1: ours is faster).

    python benchmarks/bench_samplers.py [--repeats 3] [--json benchmarks/results/samplers.json]
"""
import argparse, json, time, platform
import numpy as np
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
    X, y = make_input()
    rows = []
    for name, ours, ref in [('SMOTE', SMOTE(random_state=0), ImbSMOTE(random_state=0)),
                            ('ADASYN', ADASYN(random_state=0), ImbADASYN(random_state=0))]:
        t_ours, (Xo, yo) = median_time(lambda: ours.fit_resample(X, y), a.repeats)
        t_ref, (Xr, yr) = median_time(lambda: ref.fit_resample(X, y), a.repeats)
        rows.append(dict(sampler=name, ours_s=round(t_ours, 3), imblearn_s=round(t_ref, 3), ratio=round(t_ref / t_ours, 2),
                         ours_rows=len(yo), imblearn_rows=len(yr)))
    print('| sampler | ours (s) | imbalanced-learn (s) | imbalanced-learn / ours | rows out (ours / imblearn) |')
    print('|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['sampler']} | {r['ours_s']:.2f} | {r['imblearn_s']:.2f} | {r['ratio']:.2f}x | {r['ours_rows']} / {r['imblearn_rows']} |")
    if a.json:
        with atomic_write(a.json, 'w') as f:
            json.dump(dict(rows=rows, input='9000x300 float32, thesis-mnist counts, to 40000', repeats=a.repeats,
                           machine=platform.machine(), cpus=__import__('os').cpu_count()), f, indent=1)

if __name__ == '__main__': main()
