"""Fit + sample time of Weighted Calibration Balancing on a 9,000 x 300 latent matrix (thesis MNIST counts, to 40,000).

The input is the sampler benchmark's (overlapping Gaussian classes on a 10-d subspace of R^300, plus noise).
Goal: under 15 s on 2 cores. Prints a markdown table with the median of `--repeats` runs per covariance estimator.

Memory: 300-d codes, a minority class of 40 grown to 4,000 beside a class of 4,000; the peak memory of one
fit_resample (traced by `tracemalloc`) of Weighted Calibration against SMOTE's on the same input, in the same run.
Goal: within 3x SMOTE's.

    python benchmarks/bench_calibration.py [--repeats 3] [--json FILE]
"""
import argparse, json, os, sys, time, tracemalloc
import numpy as np
sys.path.insert(0, os.path.dirname(__file__))
from bench_samplers import make_input
from latent_imbalance.calibration import WeightedCalibration
from latent_imbalance.smote import SMOTE

def memory_input(seed=0, d=300, n_major=4000, n_minor=40):
    "Two overlapping classes of 300-d codes on a 10-d subspace: n_major and n_minor rows."
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(10, d))
    Z = np.vstack([rng.normal(0, 1, (n_major, 10)), rng.normal(1.5, 1, (n_minor, 10))])
    return Z @ W + rng.normal(0, 0.1, (len(Z), d)), np.repeat([0, 1], [n_major, n_minor])

def peak_mb(fn):
    "Peak traced memory (MB) while fn runs, and fn's output."
    tracemalloc.start()
    try: out = fn(); return tracemalloc.get_traced_memory()[1] / 2**20, out
    finally: tracemalloc.stop()

def process_peak_mb(sampler:str) -> float:
    "Peak resident memory (MB) of one fit_resample in a fresh process, above the process's resident size just before it (Linux)."
    import subprocess
    code = (f"import sys; sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r}); "
            "from bench_calibration import memory_input; from latent_imbalance.calibration import WeightedCalibration; "
            "from latent_imbalance.smote import SMOTE; X, y = memory_input()\n"
            "def kb(key): return int([l for l in open('/proc/self/status') if l.startswith(key)][0].split()[1])\n"
            "open('/proc/self/clear_refs', 'w').write('5'); base = kb('VmRSS:')\n"     # resets the peak (VmHWM) to now
            f"{sampler}(random_state=0).fit_resample(X, y); print((kb('VmHWM:') - base) / 1024)")
    return float(subprocess.run([sys.executable, '-c', code], check=True, capture_output=True, text=True).stdout.split()[-1])

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--covariances', nargs='+', default=['ledoit-wolf', 'diag'])
    p.add_argument('--json', default=None)
    a = p.parse_args(argv)
    X, y = make_input()
    rows = []
    for cov in a.covariances:
        ts = []
        for r in range(a.repeats):
            w = WeightedCalibration(covariance=cov, random_state=r)
            t = time.perf_counter(); Xr, yr = w.fit_resample(X, y); ts.append(time.perf_counter() - t)
        rows.append(dict(covariance=cov, seconds=float(np.median(ts)), rows=len(yr), components=len(w.means_)))
    Xm, ym = memory_input()
    mem = {}
    for name, s in [('SMOTE', SMOTE(random_state=0)), ('WeightedCalibration', WeightedCalibration(random_state=0))]:
        mb, (Xr, yr) = peak_mb(lambda: s.fit_resample(Xm, ym))
        mem[name] = dict(peak_mb=round(mb, 1), process_peak_mb=round(process_peak_mb(name), 1), rows=len(yr))
    print('| sampler | peak of its allocations, tracemalloc (MB) | peak resident memory above the process before it (MB) | rows out |')
    print('|---|---|---|---|')
    for k, v in mem.items(): print(f"| {k} | {v['peak_mb']:.1f} | {v['process_peak_mb']:.1f} | {v['rows']} |")
    w, s_ = mem['WeightedCalibration'], mem['SMOTE']
    print(f"Weighted Calibration / SMOTE: {w['peak_mb'] / s_['peak_mb']:.2f}x its allocations, "
          f"{w['process_peak_mb'] / s_['process_peak_mb']:.2f}x resident (goal: at most 3x)")
    print()
    print('| covariance | fit + sample (s) | components | rows out |')
    print('|---|---|---|---|')
    for r in rows: print(f"| {r['covariance']} | {r['seconds']:.1f} | {r['components']} | {r['rows']} |")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(dict(time=rows, memory=mem), f, indent=1)

if __name__ == '__main__': main()
