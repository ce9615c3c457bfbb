"""What a table costs, from its real rows, against the goals; and how much of the processor a ResNet step uses.

1. Per table and seed, from the results files: the rows' own seconds (`seconds`: a two-stage row's second stage,
   the baseline row's training; autoencoders charged to the row that trained them), summed over the asked-for
   methods, with the processors and precisions the rows ran in. With two processes sharing a 2-core machine the
   wall time of a seed is about half the sum. Goals: a CIFAR-10 cpu seed of the protocol's 14 rows in at most 2
   hours on 2 cores of a bf16 processor (4 without); an MNIST MLP seed of every row in at most 30 minutes.
2. The ResNet-18 step (cpu-profile width 16, batch 128, bf16 autocast where `use_bf16('auto')` says so, channels
   last): its floating-point operations (forward and backward, counted by `torch.utils.flop_counter`), its time,
   and the rate of a large matrix product in the same precision on the same threads, the most this processor
   delivers to PyTorch: the step's share of that rate.

    python benchmarks/bench_table_cost.py [--results results] [--steps 10] [--threads 1] [--json FILE]
"""
import argparse, json, time
from pathlib import Path

def step_share(steps, threads):
    import torch, torch.nn.functional as F
    from torch.utils.flop_counter import FlopCounterMode
    from latent_imbalance.classifiers import CifarResNet18, augment_batch
    from latent_imbalance.train import use_bf16
    torch.set_num_threads(threads); torch.manual_seed(0); g = torch.Generator().manual_seed(0)
    bf16, fmt = use_bf16('auto', torch.device('cpu')), torch.channels_last
    model = CifarResNet18(width=16).to(memory_format=fmt).train()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
    x, y = torch.rand(128, 3, 32, 32) * 2 - 1, torch.randint(10, (128,))
    def step():
        xb = augment_batch(x, g).contiguous(memory_format=fmt)
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16): loss = F.cross_entropy(model(xb).float(), y)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    with FlopCounterMode(display=False) as fc: step()
    flops = fc.get_total_flops()
    for _ in range(3): step()
    t0 = time.perf_counter()
    for _ in range(steps): step()
    t_step = (time.perf_counter() - t0) / steps
    dt = torch.bfloat16 if bf16 else torch.float32
    a, b = torch.randn(2048, 2048, dtype=dt), torch.randn(2048, 2048, dtype=dt)
    for _ in range(2): a @ b
    t0 = time.perf_counter(); n = 5
    for _ in range(n): a @ b
    gemm = 2 * 2048 ** 3 * n / (time.perf_counter() - t0)
    return dict(precision='bf16' if bf16 else 'fp32', threads=threads, gflop_per_step=flops / 1e9, seconds_per_step=t_step,
                step_gflops=flops / t_step / 1e9, gemm_gflops=gemm / 1e9, share=flops / t_step / gemm)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--results', default='results'); ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--threads', type=int, default=1); ap.add_argument('--json', default=None)
    a = ap.parse_args()
    from latent_imbalance.experiments import run_spec, table_path
    from latent_imbalance.methods import METHODS, CIFAR_PROTOCOL_ROWS
    res = {}
    for label, spec, methods, goal in [('CIFAR-10 cpu, the 14 protocol rows', run_spec('cifar10'), CIFAR_PROTOCOL_ROWS, '2 h (bf16) / 4 h (fp32)'),
                                       ('MNIST MLP cpu, every row', run_spec('mnist'), list(METHODS), '0.5 h')]:
        p = table_path(spec, a.results)
        if not Path(p).exists(): print(f"{label}: no table at {p}\n"); continue
        from latent_imbalance.experiments import read_table
        from latent_imbalance.report import seed_costs
        sc = seed_costs(read_table(p), methods); res[label] = sc.reset_index().to_dict('records')
        print(f"{label} (goal per seed on 2 cores: {goal})\n\n| seed | rows | core-hours | hours on 2 cores | processors | precision |\n|---|---|---|---|---|---|")
        for seed, r in sc.iterrows():
            print(f"| {seed} | {r.rows} of {r['of']} | {r.core_hours:.2f} | {r.hours:.2f} | {r.machines} | {r.precision} |")
        print()
    s = step_share(a.steps, a.threads); res['resnet_step'] = s
    print(f"ResNet-18 (width 16) step, batch 128, {s['precision']}, channels last, {s['threads']} thread(s): {s['gflop_per_step']:.1f} GFLOP "
          f"in {s['seconds_per_step']:.3f} s = {s['step_gflops']:.1f} GFLOP/s; a 2048x2048 matrix product in the same precision: "
          f"{s['gemm_gflops']:.1f} GFLOP/s; the step reaches {s['share']:.0%} of it")
    if a.json:
        with open(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
