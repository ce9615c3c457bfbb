"""The cost of a CIFAR-10 row, side by side: the ResNet-18 (cpu-profile width 16) training step and the colour
denoising autoencoder's step (cpu-profile width 32), and the MNIST denoising autoencoder's step (`mnist-ae`, 28x28x1), each under every precision / layout / compiler / thread
setting worth trying on a CPU. All variants run in one invocation, each in its own process (so one variant's
threads or compiled kernels do not affect the next), on the same random 32x32x3 batches of 128 (ResNet, with the
training recipe's crop-and-flip augmentation) or 100 (autoencoder). The first `--warmup` steps are not timed
(torch.compile compiles there). Prints a markdown table of seconds per step and the ratio to plain fp32 with the
same thread count (> 1: faster).

    python benchmarks/bench_cifar.py [--steps 20] [--threads 1 2] [--json FILE]
"""
import argparse, json, subprocess, sys, time

VARIANTS = ['fp32', 'fp32+channels_last', 'bf16', 'bf16+channels_last', 'bf16+channels_last+compile']

def child(model_name, variant, threads, steps, warmup):
    import torch, torch.nn.functional as F
    torch.set_num_threads(threads)
    from latent_imbalance.classifiers import CifarResNet18, augment_batch
    from latent_imbalance.autoencoders import DenoisingAE
    torch.manual_seed(0); g = torch.Generator().manual_seed(0)
    bf16, cl, comp = 'bf16' in variant, 'channels_last' in variant, 'compile' in variant
    fmt = torch.channels_last if cl else torch.contiguous_format
    if model_name == 'resnet18':
        model, bs = CifarResNet18(width=16).to(memory_format=fmt), 128
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
        def step(x, y):
            x = augment_batch(x, g).contiguous(memory_format=fmt)
            with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16): loss = F.cross_entropy(fwd(x).float(), y)
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    else:
        shape = (1, 28, 28) if model_name == 'mnist-ae' else (3, 32, 32)
        model, bs = DenoisingAE(shape, dim_h=32).to(memory_format=fmt), 100
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        def step(x, y):
            x = x.contiguous(memory_format=fmt)
            with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16): loss, _ = lossf(x, y, g)
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    model.train()
    fwd = torch.compile(model) if comp else model
    lossf = (torch.compile(model.loss) if comp else model.loss) if hasattr(model, 'loss') else None
    shape = (1, 28, 28) if model_name == 'mnist-ae' else (3, 32, 32)
    X, Y = torch.rand(steps + warmup, bs, *shape, generator=g) * 2 - 1, torch.randint(10, (steps + warmup, bs), generator=g)
    for i in range(warmup): step(X[i], Y[i])
    t0 = time.perf_counter()
    for i in range(warmup, warmup + steps): step(X[i], Y[i])
    print(json.dumps(dict(model=model_name, variant=variant, threads=threads, seconds=(time.perf_counter() - t0) / steps)))

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=20)
    p.add_argument('--warmup', type=int, default=3)
    p.add_argument('--threads', type=int, nargs='+', default=[1, 2])
    p.add_argument('--models', nargs='+', default=['resnet18', 'denoising-ae', 'mnist-ae'])
    p.add_argument('--variants', nargs='+', default=VARIANTS)
    p.add_argument('--json', default=None)
    p.add_argument('--child', nargs=3, default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child: return child(a.child[0], a.child[1], int(a.child[2]), a.steps, a.warmup)
    rows = []
    for m in a.models:
        for t in a.threads:
            for v in a.variants:
                out = subprocess.run([sys.executable, __file__, '--child', m, v, str(t), '--steps', str(a.steps), '--warmup', str(a.warmup)],
                                     capture_output=True, text=True)
                if out.returncode: rows.append(dict(model=m, variant=v, threads=t, seconds=None, error=out.stderr.strip().splitlines()[-1][:80]))
                else: rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    from latent_imbalance.core import machine
    print(f"processor: {machine()}")
    print('| model | threads | variant | s / step | ratio to fp32 |')
    print('|---|---|---|---|---|')
    for r in rows:
        base = next(b['seconds'] for b in rows if b['model'] == r['model'] and b['threads'] == r['threads'] and b['variant'] == 'fp32')
        s = f"{r['seconds']:.3f} | {base / r['seconds']:.2f}x" if r['seconds'] else f"failed: {r['error']} | -"
        print(f"| {r['model']} | {r['threads']} | {r['variant']} | {s} |")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(rows, f, indent=1)

if __name__ == '__main__': main()
