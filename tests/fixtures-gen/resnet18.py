"""Generates tests/fixtures/resnet18/ with Debian's PyTorch (python3-torch, python3-torchvision).

Run once from the repository root:  /usr/bin/python3 tests/fixtures-gen/resnet18.py
Inputs: ../shared/fixtures/resnet18/weights.safetensors (torchvision resnet18, bf16-rounded weights).
Outputs (small, committed; the tests never run Python):
  embed-cases.safetensors   x_<HxW> for odd, non-square and small sizes, with
                            logits_eval_*, features_eval_*, logits_train_*, features_train_*.
  step-<case>.safetensors   a train-step case: x (NCHW), labels (I64), and PyTorch's logits, loss,
                            after_step.<bn>.running_mean / running_var after one train-mode step;
                            for parameters of at most 4096 values grad.<p> and after_adam.<p> in full,
                            for larger ones idx.<p> (I64, 512 flat indices) with grad_at.<p> and
                            after_adam_at.<p> at those indices, and grad_norm.<p> (L2 norm of the whole gradient).
  partial.pth               torch.save of a few real state_dict entries in F16, BF16, F32 and I64 and a
                            non-contiguous view, to test the .pth reader on torchvision-named tensors.
"""
import json
import os
import struct

import numpy as np
import torch
import torch.nn.functional as F
import torchvision

SRC = "../shared/fixtures/resnet18/weights.safetensors"
OUT = "tests/fixtures/resnet18"
FULL_MAX = 4096
SAMPLES = 512
DTYPES = {"F32": np.float32, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        arr = np.frombuffer(data[b:e], dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": metadata}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        t = t.detach().contiguous()
        if t.dtype == torch.int64:
            dtype, arr = "I64", t.numpy().astype("<i8")
        else:
            dtype, arr = "F32", t.float().numpy().astype("<f4")
        b = arr.tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    h += b" " * ((8 - (8 + len(h)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def model():
    m = torchvision.models.resnet18()
    m.load_state_dict(read_safetensors(SRC))
    return m


def embed_cases(gen):
    out = {}
    # batch 8 at the small sizes: the last BatchNorm then sees 8 values per channel in train mode, as at
    # 37x45 with batch 2 (with 2 or 3 values, train-mode BatchNorm is too ill-conditioned to compare in float32)
    for (n, h, w) in [(2, 37, 45), (8, 32, 32), (8, 16, 20)]:
        x = torch.randn(n, 3, h, w, generator=gen)
        key = f"{h}x{w}"
        out[f"x_{key}"] = x
        for mode in ["eval", "train"]:
            m = model()
            m.train(mode == "train")
            with torch.no_grad():
                feats = torch.flatten(m.avgpool(backbone(m, x)), 1)
                out[f"features_{mode}_{key}"] = feats
                out[f"logits_{mode}_{key}"] = m.fc(feats)
    write_safetensors(f"{OUT}/embed-cases.safetensors", out, {"x_layout": "NCHW float32, standard normal", "torch": torch.__version__})


def backbone(m, x):
    x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
    return m.layer4(m.layer3(m.layer2(m.layer1(x))))


def step_case(name, n, h, w, gen):
    m = model()
    m.train()
    x = torch.randn(n, 3, h, w, generator=gen)
    labels = torch.randint(0, 1000, (n,), generator=gen)
    opt = torch.optim.Adam(m.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    logits = m(x)
    loss = F.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    grads = {k: p.grad.detach().clone() for k, p in m.named_parameters()}
    opt.step()
    out = {"x": x, "labels": labels, "logits": logits, "loss": loss.reshape(1)}
    for k, p in m.named_parameters():
        g = grads[k]
        if g.numel() <= FULL_MAX:
            out[f"grad.{k}"] = g
            out[f"after_adam.{k}"] = p
        else:
            idx = torch.randint(0, g.numel(), (SAMPLES,), generator=gen)
            out[f"idx.{k}"] = idx
            out[f"grad_at.{k}"] = g.flatten()[idx]
            out[f"after_adam_at.{k}"] = p.detach().flatten()[idx]
            out[f"grad_norm.{k}"] = g.norm().reshape(1)
    for k, b in m.named_buffers():
        if k.endswith("running_mean") or k.endswith("running_var"):
            out[f"after_step.{k}"] = b
    meta = {"case": f"{n}x3x{h}x{w}", "optimizer": "torch.optim.Adam lr=1e-3 betas=(0.9,0.999) eps=1e-8, one step",
            "loss": "F.cross_entropy mean", "mode": "train (BatchNorm batch statistics)", "torch": torch.__version__}
    write_safetensors(f"{OUT}/step-{name}.safetensors", out, meta)


def partial_pth():
    s = read_safetensors(SRC)
    sd = {
        "conv1.weight": s["conv1.weight"].half(),
        "bn1.weight": s["bn1.weight"],
        "bn1.running_var": s["bn1.running_var"],
        "bn1.num_batches_tracked": s["bn1.num_batches_tracked"],
        "layer1.0.conv1.weight": s["layer1.0.conv1.weight"].bfloat16(),
        "layer2.0.downsample.0.weight": s["layer2.0.downsample.0.weight"],
        "fc.bias": s["fc.bias"],
        # a non-contiguous view with an offset: rows 8..23 of fc.weight transposed, (512, 16) with strides (1, 512),
        # in a storage of fc.weight's first 64 rows
        "fc.weight_t16": s["fc.weight"][:64].clone()[8:24].t(),
    }
    torch.save(sd, f"{OUT}/partial.pth")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(2)
    gen = torch.Generator().manual_seed(20261201)
    embed_cases(gen)
    step_case("2x37x45", 2, 37, 45, gen)
    step_case("8x16x20", 8, 16, 20, gen)
    partial_pth()


if __name__ == "__main__":
    main()
