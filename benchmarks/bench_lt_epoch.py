"""Seconds an epoch of the CIFAR-10-LT recipe (ResNet-32, batch 128, SGD, crops and flips; bf16 autocast on CUDA and
where the processor runs it natively) on this machine's device, for the two training-set sizes the benchmark's rows
train on: 12,406 images (the ratio-100 split, the one-stage rows) and 50,000 (every class raised to the majority's
5,000, the thesis's method). Random uint8 images of CIFAR's shape: the time does not depend on the pixels. The first
epoch includes warm-up; a row of the `lt` profile is 200 epochs.

    OMP_NUM_THREADS=1 python benchmarks/bench_lt_epoch.py [--epochs 3] [--sizes 12406 50000] [--device auto] [--json FILE]

Measured on one NVIDIA H200 (bf16): 1.3-1.9 s an epoch over 12,406 images, 6.6-7.2 s over 50,000; one core of an
Intel Xeon with AMX (bf16) trains the 12,406-image epoch in about 30 s.
"""
import argparse, json, time

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--epochs', type=int, default=3)
    p.add_argument('--sizes', type=int, nargs='+', default=[12406, 50000])
    p.add_argument('--device', default='auto', help="'auto' (CUDA when present), 'cpu', 'cuda' or 'cuda:N'")
    p.add_argument('--json', default=None)
    a = p.parse_args(argv)
    import torch
    from dataclasses import replace
    from latent_imbalance.core import machine, pick_device
    from latent_imbalance.classifiers import build_classifier, fit_classifier, recipe
    dev = pick_device(a.device); rows = []
    for n in a.sizes:
        g = torch.Generator().manual_seed(0)
        X = torch.randint(0, 256, (n, 3, 32, 32), dtype=torch.uint8, generator=g); y = torch.randint(0, 10, (n,), generator=g)
        cfg = replace(recipe('resnet32', 'lt').train, budget_epochs=a.epochs, device=str(dev))
        t0 = time.perf_counter(); h = fit_classifier(build_classifier('resnet32', (3, 32, 32), 10), X, y, cfg)
        rows.append(dict(images=n, epochs=[round(e['seconds'], 3) for e in h], total=round(time.perf_counter() - t0, 2)))
    print(f"{machine()}, {torch.get_num_threads()} thread(s), {dev}\n| images | seconds per epoch | 200 epochs (min) |\n|---|---|---|")
    for r in rows: print(f"| {r['images']:,} | {', '.join(f'{s:.2f}' for s in r['epochs'])} | {200 * min(r['epochs']) / 60:.0f} |")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(dict(machine=machine(), device=str(dev), rows=rows), f, indent=1)

if __name__ == '__main__': main()
