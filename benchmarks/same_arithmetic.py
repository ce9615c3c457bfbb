"""Does this processor, with PyTorch's CPU kernels capped at an instruction set, compute exactly what another processor
computed? Runs one committed row again here, under the cap, in the committed row's precision and with one thread, and
compares every recorded figure (the metrics of the selected and of the last epoch, and the number of epochs) with the
committed row. The comparison is written into benchmarks/same_arithmetic.csv (one line per table, method, seed,
processor and kernels; a new check replaces the old one), which backs the pairs in `results.SAME_ARITHMETIC`.

    OMP_NUM_THREADS=1 python benchmarks/same_arithmetic.py --table mnist-thesis-mnist-cpu --method baseline --seed 0
    OMP_NUM_THREADS=1 python benchmarks/same_arithmetic.py --table mnist-thesis-mnist-cpu-cnn --method baseline --seed 0
    OMP_NUM_THREADS=1 python benchmarks/same_arithmetic.py --table cifar10-thesis-cifar10-cpu --method baseline --seed 1

The row runs through `latent-imbalance run` in a fresh process (the cap must be set before the first computation)
into --work (default: a new temporary folder); a --work folder that already holds the row resumes it, or reuses it
if the row records its kernels. The row trains everything it needs (its classifiers, its autoencoder) in a cache of its
own inside --work, never loading a model that another run trained: a check that loaded one would compare nothing.
"""
import argparse, os, subprocess, sys, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--table', required=True, help='a committed table, by name: results/<table>.csv')
    p.add_argument('--method', required=True)
    p.add_argument('--seed', type=int, required=True)
    p.add_argument('--isa', default='avx2', help='the instruction set cap (core.cap_isa)')
    p.add_argument('--results', default=str(HERE.parent/'results'), help='the folder of the committed tables')
    p.add_argument('--work', default=None, help='where the row is run (default: a new temporary folder)')
    p.add_argument('--out', default=str(HERE/'same_arithmetic.csv'))
    a = p.parse_args(argv)
    import pandas as pd
    from latent_imbalance.core import atomic_write, machine
    from latent_imbalance.results import read_table, CHECKED_FIGURES
    ref = read_table(Path(a.results)/f'{a.table}.csv')
    ref = ref[(ref.method == a.method) & (ref.seed == a.seed)]
    if len(ref) != 1: sys.exit(f"{a.table} has no row of {a.method}, seed {a.seed}: name a committed row")
    ref = ref.iloc[0]
    if int(ref.threads) != 1: sys.exit(f"the committed row ran with {int(ref.threads)} threads; this check runs one")
    here = machine()
    if here == ref.machine: print(f"note: this is the committed row's own processor ({here}); the check shows the cap changes nothing there")
    work = a.work or tempfile.mkdtemp(prefix='same-arithmetic-')
    args = ['--dataset', ref.dataset, '--imbalance', ref.imbalance, '--profile', ref.profile, '--classifier', ref.classifier,
            '--methods', a.method, '--seeds', str(a.seed), '--results', work, '--isa', a.isa, '--precision', ref.precision]
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1', 'LATENT_IMBALANCE_CACHE': str(Path(work)/'cache')}   # nothing trained elsewhere
    code = "import sys; from latent_imbalance.cli import main; sys.exit(main(sys.argv[1:]))"
    r = subprocess.run([sys.executable, '-c', code, 'run', *args], env=env)
    if r.returncode: sys.exit(f"the row failed (exit status {r.returncode}); see above")
    mine = [t for t in Path(work).glob('*.csv') if not t.stem.endswith('-failures')]
    mine = read_table(mine[0]); mine = mine[(mine.method == a.method) & (mine.seed == a.seed)].iloc[0]
    if mine.config_hash != ref.config_hash: sys.exit(f"the row here has configuration {mine.config_hash}, the committed one {ref.config_hash}: not the same row")
    if not isinstance(mine.get('isa'), str): sys.exit(f"the row in {work} does not record its kernels (made before rows had an isa column); run the check in a new --work folder")
    kernels = mine['isa']
    line = dict(table=a.table, method=a.method, seed=a.seed, config_hash=ref.config_hash, reference_machine=ref.machine,
                machine=mine.machine, isa=kernels, precision=mine.precision, threads=int(mine.threads),
                **{k: mine[k] for k in CHECKED_FIGURES}, **{f'{k}_reference': ref[k] for k in CHECKED_FIGURES},
                identical=all(float(mine[k]) == float(ref[k]) for k in CHECKED_FIGURES), seconds=mine.seconds, torch_version=mine.torch_version)
    out = Path(a.out)
    old = pd.read_csv(out) if out.exists() else pd.DataFrame(columns=list(line))
    key = ['table', 'method', 'seed', 'machine', 'isa']
    old = old[~(old[key].astype(str) == pd.Series({k: str(line[k]) for k in key})).all(axis=1)]
    new = pd.concat([old, pd.DataFrame([line])], ignore_index=True).sort_values(key)
    with atomic_write(out, 'w') as f: new.to_csv(f, index=False)
    print(f"{a.table} {a.method} seed {a.seed}: {ref.machine} (committed) against {mine.machine}, {line['isa']}")
    for k in CHECKED_FIGURES: print(f"  {k:24s} {ref[k]!s:>10s} {mine[k]!s:>10s}  {'same' if float(mine[k]) == float(ref[k]) else 'DIFFERENT'}")
    print('identical' if line['identical'] else 'NOT identical')
    return 0 if line['identical'] else 1

if __name__ == '__main__': sys.exit(main())
