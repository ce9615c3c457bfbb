"""The digits `smoke` table (every method, two seeds) with the local executor against a local Ray instance with 2
workers, in one invocation, each from an empty autoencoder cache and results folder. Prints the wall times and
the overhead ratio Ray / local (< 1: Ray is faster, because rows run side by side). The Ray time includes starting
the instance. Rows run with one thread each in both cases (OMP_NUM_THREADS=1), so their numbers agree.

    OMP_NUM_THREADS=1 python benchmarks/bench_ray.py [--seeds 0 1] [--json FILE]
"""
import argparse, json, os, tempfile, time
from pathlib import Path

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--seeds', type=int, nargs='+', default=[0, 1])
    p.add_argument('--workers', type=int, default=2)
    p.add_argument('--json', default=None)
    a = p.parse_args(argv)
    from latent_imbalance.experiments import run_table, METRICS
    from latent_imbalance.cluster import RayExecutor
    tmp, res = Path(tempfile.mkdtemp()), {}
    for name in ('local', 'ray'):
        os.environ['LATENT_IMBALANCE_CACHE'] = str(tmp/f'cache-{name}')
        ex = RayExecutor(num_cpus=a.workers) if name == 'ray' else None
        t0 = time.perf_counter()
        if ex: ex.connect(); res['ray_start'] = time.perf_counter() - t0
        df = run_table('digits', seeds=a.seeds, profile='smoke', results=tmp/name, log=None, executor=ex)
        res[name] = dict(seconds=time.perf_counter() - t0, rows=len(df))
        if ex: ex.shutdown()
        res[name]['f1'] = df.sort_values(['method', 'seed']).macro_f1.tolist()
    same = max(abs(x - y) for x, y in zip(res['local']['f1'], res['ray']['f1']))
    print(f"digits smoke table, {res['local']['rows']} rows (seeds {a.seeds})")
    print('| executor | seconds |\n|---|---|')
    print(f"| local (one process) | {res['local']['seconds']:.1f} |\n| Ray, {a.workers} workers (start included) | {res['ray']['seconds']:.1f} |")
    print(f"Ray instance start: {res['ray_start']:.1f} s; without it Ray / local = {(res['ray']['seconds'] - res['ray_start']) / res['local']['seconds']:.2f}x")
    print(f"overhead ratio Ray / local: {res['ray']['seconds'] / res['local']['seconds']:.2f}x; largest macro F1 difference {same:.1e}")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
