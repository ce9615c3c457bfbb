"""One training epoch of the DeepSMOTE autoencoder: this project's trainer against a plain fp32 PyTorch loop.

Same architecture (thesis width, 28x28, n_z=300), same loss (reconstruction + paper permutation penalty), same
data: the thesis MNIST split (9,000 images) when MNIST is under $LATENT_IMBALANCE_DATA, else 9,000 random images
of the same shape. Batch 100, Adam lr 3e-4. Each variant runs in its own process, so the peak RSS figures are
separate. Prints a markdown table; the speed-up is plain / ours (> 1: ours is faster).

    python benchmarks/bench_trainer.py [--epochs 1] [--json FILE]
"""
import argparse, json, resource, subprocess, sys, time

def _data():
    import torch
    from latent_imbalance.data import load_dataset, imbalanced_indices, to_unit_range, data_root
    if (data_root()/'MNIST'/'raw'/'train-images-idx3-ubyte').exists():
        d = load_dataset('MNIST'); idx = imbalanced_indices(d.labels, 'thesis-mnist', seed=0)
        return to_unit_range(d.images[idx]), torch.as_tensor(d.labels[idx]), 'thesis-mnist split of MNIST'
    g = torch.Generator().manual_seed(0)
    return torch.rand(9000, 1, 28, 28, generator=g) * 2 - 1, torch.randint(10, (9000,), generator=g), 'random 28x28 images'

def child(variant, epochs):
    import torch
    from latent_imbalance.autoencoders import DeepSMOTE
    from latent_imbalance.train import fit_autoencoder, TrainConfig
    X, y, what = _data()
    torch.manual_seed(0)
    model = DeepSMOTE((1, 28, 28))
    t0 = time.perf_counter()
    if variant == 'ours':
        h = fit_autoencoder(model, X, y, TrainConfig(max_epochs=epochs, bf16=True, channels_last=True, progress=False))
        loss = h[-1]['loss']
    else:  # the plain loop a researcher would write: DataLoader, fp32, default layout
        from torch.utils.data import DataLoader, TensorDataset
        model.on_train_start(X, y)
        opt = torch.optim.Adam(model.parameters(), lr=3e-4)
        dl = DataLoader(TensorDataset(X, y), batch_size=100, shuffle=True)
        for _ in range(epochs):
            tot = n = 0
            for xb, yb in dl:
                loss, _ = model.loss(xb, yb)
                opt.zero_grad(); loss.backward(); opt.step()
                tot += loss.item() * len(xb); n += len(xb)
        loss = tot / n
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(dict(variant=variant, seconds=secs / epochs, peak_rss_mb=peak_mb, loss=loss, data=what,
                          threads=torch.get_num_threads())))

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--epochs', type=int, default=1)
    p.add_argument('--json', default=None)
    p.add_argument('--child', default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child: return child(a.child, a.epochs)
    res = {}
    for v in ['plain', 'ours']:
        out = subprocess.run([sys.executable, __file__, '--child', v, '--epochs', str(a.epochs)], capture_output=True, text=True, check=True)
        res[v] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"data: {res['ours']['data']}; {res['ours']['threads']} threads")
    print('| loop | seconds / epoch | peak RSS (MB) | mean training loss |')
    print('|---|---|---|---|')
    names = {'plain': 'plain fp32 PyTorch loop', 'ours': 'fit_autoencoder (bf16 autocast, channels-last)'}
    for v in ['plain', 'ours']:
        r = res[v]; print(f"| {names[v]} | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} | {r['loss']:.4f} |")
    print(f"speed-up (plain / ours): {res['plain']['seconds'] / res['ours']['seconds']:.2f}x")
    if a.json:
        from latent_imbalance.core import atomic_write
        with atomic_write(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
