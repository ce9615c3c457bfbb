"""Fit + sample time of Weighted Calibration Balancing on a 9,000 x 300 latent matrix (thesis MNIST counts, to 40,000).

The input is the sampler benchmark's (overlapping Gaussian classes on a 10-d subspace of R^300, plus noise).
Goal: under 15 s on 2 cores. Prints a markdown table with the median of `--repeats` runs per covariance estimator.

    python benchmarks/bench_calibration.py [--repeats 3] [--json FILE]
"""
import argparse, json, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(__file__))
from bench_samplers import make_input
from latent_imbalance.calibration import WeightedCalibration

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
    print('| covariance | fit + sample (s) | components | rows out |')
    print('|---|---|---|---|')
    for r in rows: print(f"| {r['covariance']} | {r['seconds']:.1f} | {r['components']} | {r['rows']} |")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(rows, f, indent=1)

if __name__ == '__main__': main()
