"""Reference throughput of the homework CNN in PyTorch (CPU or CUDA), for `npm run bench`'s table.

Run where PyTorch is installed (Debian: apt-get install python3-torch):
    python3 bench/pytorch_cnn.py --sizes 64,128 --steps 10 --threads 2
"""
import argparse
import resource
import time

import torch
from torch import nn


def homework_cnn(size: int) -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(4, 4),
        nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(64, 128, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(128 * (size // 16) ** 2, 10),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="64,128")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: PyTorch's default)")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    print(f"PyTorch {torch.__version__}, device {a.device}, threads {torch.get_num_threads()}, batch {a.batch}")
    print("| size | images/s | ms/step |")
    print("|---|---|---|")
    for size in map(int, a.sizes.split(",")):
        model = homework_cnn(size).to(a.device)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        x = torch.rand(a.batch, 3, size, size, device=a.device)
        y = torch.randint(0, 10, (a.batch,), device=a.device)
        loss_fn = nn.CrossEntropyLoss()

        def step() -> None:
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()

        step()
        if a.device == "cuda":
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        for _ in range(a.steps):
            step()
        if a.device == "cuda":
            torch.cuda.synchronize()
        dt = (time.perf_counter() - t0) / a.steps
        print(f"| {size} | {a.batch / dt:.1f} | {dt * 1000:.1f} |")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
