"""The digits `smoke` table (every method, two seeds) with the local executor against Ray with 2 workers, in one
invocation, each from an empty autoencoder cache and results folder, in three ways:

- local: one process, rows one after the other;
- Ray, start included: `RayExecutor()` starts a local instance (what `run --executor ray` does without `--address`);
- Ray, running instance: an instance started beforehand with `ray start --head` (as on a cluster, where the
  instance is up before any table runs), joined with `--address`.

Prints the wall times and the overhead ratios Ray / local (< 1: Ray is faster, because rows run side by side).
Rows run with one thread each in every case (OMP_NUM_THREADS=1), so their numbers agree.

    OMP_NUM_THREADS=1 python benchmarks/bench_ray.py [--seeds 0 1] [--json FILE]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

def _ray_cli():
    exe = Path(sys.executable).with_name('ray')
    return str(exe) if exe.exists() else shutil.which('ray')

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--seeds', type=int, nargs='+', default=[0, 1])
    p.add_argument('--workers', type=int, default=2)
    p.add_argument('--port', type=int, default=6391, help='port of the instance started beforehand')
    p.add_argument('--json', default=None)
    a = p.parse_args(argv)
    from latent_imbalance.experiments import run_table
    from latent_imbalance.cluster import RayExecutor, private_token
    tmp, res = Path(tempfile.mkdtemp()), {}
    for name in ('local', 'ray', 'ray-running'):
        os.environ['LATENT_IMBALANCE_CACHE'] = str(tmp/f'cache-{name}')
        ex = None
        if name == 'ray-running':          # started before the clock; workers at normal priority, as RayExecutor's own
            auth = dict(RAY_AUTH_MODE='token', RAY_AUTH_TOKEN_PATH=str(private_token(tmp/'token')))   # never an open cluster
            subprocess.run([_ray_cli(), 'start', '--head', f'--port={a.port}', f'--num-cpus={a.workers}',
                            '--include-dashboard=false', '--system-config={"worker_niceness": 0}', '--disable-usage-stats'],
                           check=True, capture_output=True, env={**os.environ, **auth})
            os.environ.update(auth)        # the driver joins with the same token
            ex = RayExecutor(address=f'127.0.0.1:{a.port}')
        elif name == 'ray': ex = RayExecutor(num_cpus=a.workers)
        try:
            t0 = time.perf_counter()
            if ex: ex.connect(); res[f'{name}_connect'] = time.perf_counter() - t0
            df = run_table('digits', seeds=a.seeds, profile='smoke', results=tmp/name, log=None, executor=ex)
            res[name] = dict(seconds=time.perf_counter() - t0, rows=len(df))
        finally:
            if ex: ex.shutdown()
            if name == 'ray-running':
                subprocess.run([_ray_cli(), 'stop'], capture_output=True)
                for k in ('RAY_AUTH_MODE', 'RAY_AUTH_TOKEN_PATH'): os.environ.pop(k, None)
        res[name]['f1'] = df.sort_values(['method', 'seed']).macro_f1.tolist()
    same = max(abs(x - y) for n in ('ray', 'ray-running') for x, y in zip(res['local']['f1'], res[n]['f1']))
    loc = res['local']['seconds']
    print(f"digits smoke table, {res['local']['rows']} rows (seeds {a.seeds}), {a.workers} Ray workers")
    print('| executor | seconds | Ray / local |\n|---|---|---|')
    print(f"| local (one process) | {loc:.1f} | |")
    print(f"| Ray, local instance started by the run | {res['ray']['seconds']:.1f} | {res['ray']['seconds'] / loc:.2f}x |")
    print(f"| the same, less the instance start ({res['ray_connect']:.1f} s) | {res['ray']['seconds'] - res['ray_connect']:.1f} | {(res['ray']['seconds'] - res['ray_connect']) / loc:.2f}x |")
    print(f"| Ray, joining a running instance (connect {res['ray-running_connect']:.1f} s included) | {res['ray-running']['seconds']:.1f} | {res['ray-running']['seconds'] / loc:.2f}x |")
    print(f"largest macro F1 difference to the local run: {same:.1e}")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
