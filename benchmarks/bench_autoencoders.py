"""Training-step time of the thesis-future-work autoencoders against the denoising autoencoder, side by side in one
run: the same backbone width (the cpu profile's dim_h=32), the same random batches of 100 images, for MNIST-sized
(1x28x28, 300-d code) and CIFAR-sized (3x32x32, 600-d code) images, fp32. Each model runs `--steps` timed steps
after `--warmup` untimed ones; the ratio is the model's time over the denoising autoencoder's (the goal: <= 1.3x).

    OMP_NUM_THREADS=1 python benchmarks/bench_autoencoders.py [--steps 20] [--json FILE]
"""
import argparse, json, time

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=20)
    p.add_argument('--warmup', type=int, default=3)
    p.add_argument('--json', default=None)
    a = p.parse_args(argv)
    import torch
    from latent_imbalance.train import build_autoencoder
    rows = []
    for shape in [(1, 28, 28), (3, 32, 32)]:
        base = None
        for kind in ['denoising', 'beta-tcvae', 'wae', 'beta-vae']:
            torch.manual_seed(0); g = torch.Generator().manual_seed(0)
            m = build_autoencoder(kind, shape, dim_h=32); opt = torch.optim.Adam(m.parameters(), lr=1e-3); m.train()
            X = torch.rand(a.steps + a.warmup, 100, *shape, generator=g) * 2 - 1
            for i in range(a.steps + a.warmup):
                if i == a.warmup: t0 = time.perf_counter()
                loss, _ = m.loss(X[i], None, g); opt.zero_grad(); loss.backward(); opt.step()
            s = (time.perf_counter() - t0) / a.steps
            base = base or s
            rows.append(dict(shape='x'.join(map(str, shape)), model=kind, seconds=s, ratio=s / base))
    print(f"{torch.get_num_threads()} thread(s)\n| images | autoencoder | s / step | ratio to denoising |\n|---|---|---|---|")
    for r in rows: print(f"| {r['shape']} | {r['model']} | {r['seconds']:.3f} | {r['ratio']:.2f}x |")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(rows, f, indent=1)

if __name__ == '__main__': main()
