"""Does a row depend on the thread count? The MNIST MLP baseline (cpu profile) run with one thread and with two.

Each (threads, seed) runs `run_one` in a fresh process with its own empty cache, so nothing is shared between
them. The goal of the protocol: the selected model's and the last epoch's macro F1 agree within 0.01 per seed.
Needs MNIST under $LATENT_IMBALANCE_DATA. Prints a markdown table (and writes it as JSON with --json).

    python benchmarks/check_threads.py [--seeds 0 1 2] [--method baseline] [--json FILE]
"""
import argparse, json, os, subprocess, sys, tempfile

CHILD = """
import json, sys, torch
from latent_imbalance.experiments import run_spec, run_one
torch.set_num_threads(int(sys.argv[1]))
row, _ = run_one(run_spec('mnist'), sys.argv[3], int(sys.argv[2]))
print(json.dumps({k: row[k] for k in ('macro_f1', 'macro_f1_last', 'threads', 'machine', 'precision', 'seconds', 'epochs')}))
"""

def run(threads, seed, method):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), LATENT_IMBALANCE_CACHE=tempfile.mkdtemp())
    out = subprocess.run([sys.executable, '-c', CHILD, str(threads), str(seed), method], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--method', default='baseline')
    ap.add_argument('--json', default=None)
    a = ap.parse_args()
    rows = []
    for s in a.seeds:
        r1, r2 = run(1, s, a.method), run(2, s, a.method)
        rows.append(dict(seed=s, f1_1=r1['macro_f1'], f1_2=r2['macro_f1'], last_1=r1['macro_f1_last'], last_2=r2['macro_f1_last'],
                         machine=r1['machine'], precision=r1['precision']))
    print(f"{a.method}, MNIST MLP, cpu profile, {rows[0]['machine']}, {rows[0]['precision']}\n")
    print('| seed | selected, 1 thread | selected, 2 threads | difference | last epoch, 1 thread | last epoch, 2 threads | difference |')
    print('|---|---|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['seed']} | {r['f1_1']:.4f} | {r['f1_2']:.4f} | {r['f1_2'] - r['f1_1']:+.4f} | {r['last_1']:.4f} | {r['last_2']:.4f} | {r['last_2'] - r['last_1']:+.4f} |")
    worst = max(max(abs(r['f1_2'] - r['f1_1']), abs(r['last_2'] - r['last_1'])) for r in rows)
    print(f"\nlargest difference {worst:.4f}: {'within' if worst <= 0.01 else 'NOT within'} 0.01")
    if a.json:
        with open(a.json, 'w') as f: json.dump(rows, f, indent=1)

if __name__ == '__main__': main()
