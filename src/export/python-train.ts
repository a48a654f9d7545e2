/**
 * Python source of the script's images, training loop, metrics, run record and command line:
 * decoding and resizing as the book's packer and trainer do, Adam with the run's lr and eps, the
 * epoch order and dropped last train batch of the book's trainer, evaluation in batches, and a run
 * record in the book's format (backend "pytorch") that the book imports.
 */
export const PY_TRAIN = String.raw`
# ---------------------------------------------------------------------------------------------
# Images: decoded and resized as the book does it.
# ---------------------------------------------------------------------------------------------
def crop_rect(src_w, src_h, dst_w, dst_h):
    """The centred crop with the target's aspect (src/data/center-crop.ts): offset = floor of half the excess."""
    if src_w * dst_h > src_h * dst_w:
        width = max(1, min(src_w, math.floor(src_h * dst_w / dst_h + 0.5)))
        return (math.floor((src_w - width) / 2), 0, width, src_h)
    height = max(1, min(src_h, math.floor(src_w * dst_h / dst_w + 0.5)))
    return (0, math.floor((src_h - height) / 2), src_w, height)


def load_image(path, size, source_size):
    """One image as size x size RGB: crop, then antialiased bilinear resize (src/data/resize.ts).

    Differences from the book, all within about one grey level: Pillow decodes (the book uses the
    browser's or its own decoders), rounds to 8 bits between its horizontal and vertical passes (the
    book keeps floats), and applies neither EXIF orientation nor colour profiles (nor does the book's
    packer). torchvision's Resize + CenterCrop would crop after resizing, so the crop is done first.
    """
    from PIL import Image
    bilinear = getattr(Image, "Resampling", Image).BILINEAR
    with Image.open(path) as im:
        im.seek(0)
        img = im.convert("RGB")
    first = source_size or size
    x, y, w, h = crop_rect(img.width, img.height, first, first)
    img = img.crop((x, y, x + w, y + h)).resize((first, first), bilinear)
    if first != size:
        img = img.resize((size, size), bilinear)
    return img


def decodable(data_dir, files, size, source_size, keep=None):
    """Files the decoder can read (the book drops the others before splitting), with their pixels when keep is a list."""
    kept = []
    for path, label in files:
        try:
            img = load_image(os.path.join(data_dir, *path.split("/")), size, source_size)
        except Exception as e:
            print("skipped %s: could not decode (%s)" % (path, e), file=sys.stderr)
            continue
        kept.append((path, label))
        if keep is not None:
            keep.append(img)
    return kept


def dataset_split(data_dir, limit, images=None):
    """Scan, decode check, labels and the book's stratified split of an image folder (no torch needed)."""
    classes, files, skipped, empty = scan_folder(list_folder(data_dir))
    for path, why in skipped:
        print("skipped %s: %s" % (path, why), file=sys.stderr)
    try:
        import PIL  # noqa: F401
        have_pil = True
    except ImportError:
        have_pil = False
    if have_pil:
        files = decodable(data_dir, files, SPEC["imageSize"], SPEC["sourceSize"], images)
        classes, files = relabel(classes, files)
    elif images is not None:
        raise SystemExit("error: training needs Pillow (python3-pil) to decode images")
    else:
        print("note: Pillow is not installed, so undecodable files were not looked for (the book drops them)", file=sys.stderr)
    labels = [label for _, label in files]
    split = limit_split(stratified_split(labels, len(classes), SPEC["seed"], SPEC["fractions"]), limit)
    return classes, files, split


# ---------------------------------------------------------------------------------------------
# Metrics (src/train/metrics.ts): zero_division=0, macro and support-weighted F1.
# ---------------------------------------------------------------------------------------------
def metrics_from_confusion(conf):
    k = len(conf)
    total = sum(sum(r) for r in conf)
    correct = sum(conf[i][i] for i in range(k))
    col = [sum(conf[t][p] for t in range(k)) for p in range(k)]
    div = lambda a, b: 0 if b == 0 else a / b
    per = []
    for c in range(k):
        support = sum(conf[c])
        precision = div(conf[c][c], col[c])
        recall = div(conf[c][c], support)
        per.append({"precision": precision, "recall": recall, "f1": div(2 * precision * recall, precision + recall), "support": support})
    return {
        "accuracy": div(correct, total),
        "macroF1": sum(m["f1"] for m in per) / k,
        "weightedF1": div(sum(m["f1"] * m["support"] for m in per), total),
        "perClass": per,
    }


# ---------------------------------------------------------------------------------------------
# Training (src/train/trainer.ts).
# ---------------------------------------------------------------------------------------------
def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def batch_of(torch, pixels, idx, device):
    """uint8 CHW images -> float in [0, 1] (pixel / 255, no mean/std normalisation, as the book)."""
    return pixels[torch.as_tensor(idx, device=pixels.device)].to(device=device, dtype=torch.float32).div_(255)


def evaluate(torch, F, model, normalize, pixels, labels, indices, bs, device):
    """Mean cross-entropy, accuracy and predictions over indices, in batches of bs (eval mode)."""
    model.eval()
    loss_sum, correct, predicted = 0.0, 0, []
    with torch.no_grad():
        for i in range(0, len(indices), bs):
            idx = indices[i:i + bs]
            y = labels[torch.as_tensor(idx, device=labels.device)].to(device)
            logits = model(normalize(batch_of(torch, pixels, idx, device)))
            loss_sum += float(F.cross_entropy(logits, y, reduction="sum"))
            p = logits.argmax(1)
            correct += int((p == y).sum())
            predicted += p.tolist()
    n = len(indices)
    return (loss_sum / n if n else float("nan")), (correct / n if n else float("nan")), predicted


def train(args):
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from torchvision.transforms.functional import pil_to_tensor

    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("error: --device cuda but torch sees no CUDA device")
    epochs = args.epochs or SPEC["epochs"]
    bs = SPEC["batchSize"]
    images = []
    classes, files, split = dataset_split(args.data, args.limit, images)
    if SPEC["dataset"] and (classes != SPEC["dataset"]["classes"] or any(len(split[k]) != SPEC["dataset"]["counts"][k] for k in SPLIT_KEYS)):
        print("note: this folder gives classes %s and a %d/%d/%d split; the exported run had %s and %d/%d/%d, so the images differ from the run's" % (
            classes, len(split["train"]), len(split["val"]), len(split["test"]), SPEC["dataset"]["classes"],
            SPEC["dataset"]["counts"]["train"], SPEC["dataset"]["counts"]["val"], SPEC["dataset"]["counts"]["test"]), file=sys.stderr)
    if len(split["train"]) < bs:
        raise SystemExit("error: the train split has %d images, fewer than one batch of %d" % (len(split["train"]), bs))
    if not split["val"]:
        raise SystemExit("error: the validation split is empty")
    print("data %s: %d images, %d classes; split %d/%d/%d; device %s; torch %s" % (
        args.data, len(files), len(classes), len(split["train"]), len(split["val"]), len(split["test"]), device, torch.__version__))

    started = time.perf_counter()
    created_at = now_iso()
    pixels = torch.stack([pil_to_tensor(im) for im in images])
    del images
    if device == "cuda" and pixels.numel() < (4 << 30):
        pixels = pixels.to(device)  # uint8 on the GPU: one copy, no host transfer per batch
    labels = torch.tensor([label for _, label in files], dtype=torch.long, device=pixels.device)
    if args.weights and SPEC["weights"] and file_sha256(args.weights) != SPEC["weights"]["sha256"]:
        print("note: %s is not the file the run started from (%s, SHA-256 %s...)" % (args.weights, SPEC["weights"]["source"], SPEC["weights"]["sha256"][:12]), file=sys.stderr)
    elif SPEC["weights"] and not args.weights:
        print("note: the run started from %s; pass it with --weights to start from the same numbers" % SPEC["weights"]["source"], file=sys.stderr)
    torch.manual_seed(SPEC["seed"])
    model, trainable = build_model(torch, nn, len(classes), args.weights)
    model.to(device)
    optimiser = torch.optim.Adam(trainable, lr=SPEC["learningRate"], eps=SPEC["adamEpsilon"])
    augment = make_augment()
    normalize = make_normalize(torch, device)

    steps_per_epoch = len(split["train"]) // bs
    step_every = max(1, math.ceil(steps_per_epoch * epochs / 2000))
    record_epochs, steps = [], []
    stopped = None
    train_seconds, train_images, global_step = 0.0, 0, 0
    try:
        for epoch in range(epochs):
            t0 = time.perf_counter()
            loss_sum, correct, seen = 0.0, 0, 0
            order = epoch_order(split["train"], SPEC["seed"], epoch)
            for b in range(steps_per_epoch):
                idx = order[b * bs:(b + 1) * bs]
                s0 = time.perf_counter()
                x = batch_of(torch, pixels, idx, device)
                if augment is not None:
                    x = torch.stack([augment(img) for img in x])
                x = normalize(x)
                y = labels[torch.as_tensor(idx, device=labels.device)].to(device)
                train_mode(nn, model)
                logits = model(x)
                loss_t = F.cross_entropy(logits, y)
                optimiser.zero_grad(set_to_none=True)
                loss_t.backward()
                optimiser.step()
                loss = float(loss_t)
                hits = int((logits.detach().argmax(1) == y).sum())
                train_seconds += time.perf_counter() - s0
                train_images += bs
                global_step += 1
                if not math.isfinite(loss):
                    stopped = "nan-loss"
                    break
                if global_step % step_every == 0:
                    steps.append({"step": global_step, "loss": loss})
                loss_sum += loss * bs
                correct += hits
                seen += bs
                if global_step % 10 == 0:
                    print("epoch %d step %d loss %.4f" % (epoch + 1, global_step, loss))
            if stopped:
                break
            val_loss, val_acc, _ = evaluate(torch, F, model, normalize, pixels, labels, split["val"], bs, device)
            m = {"epoch": epoch + 1, "trainLoss": loss_sum / seen, "trainAccuracy": correct / seen,
                 "valLoss": val_loss, "valAccuracy": val_acc, "seconds": time.perf_counter() - t0}
            record_epochs.append(m)
            print("epoch %d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | %.1f s" % (
                m["epoch"], m["trainLoss"], m["trainAccuracy"], m["valLoss"], m["valAccuracy"], m["seconds"]))
    except KeyboardInterrupt:
        stopped = "stopped"
    test = None
    if not stopped and split["test"]:
        _, _, predicted = evaluate(torch, F, model, normalize, pixels, labels, split["test"], bs, device)
        all_labels = labels.tolist()
        truth = [all_labels[i] for i in split["test"]]
        conf = [[0] * len(classes) for _ in classes]
        for t, p in zip(truth, predicted):
            conf[t][p] += 1
        test = dict(metrics_from_confusion(conf), confusion=conf,
                    misclassified=[{"index": i, "trueLabel": t, "predicted": p} for i, (t, p) in enumerate(zip(truth, predicted)) if t != p])
    if args.weights_out:
        torch.save(model.state_dict(), args.weights_out)
    config = {
        "model": SPEC["model"], "question": SPEC["question"], "imageSize": SPEC["imageSize"], "epochs": epochs,
        "batchSize": bs, "learningRate": SPEC["learningRate"], "adamEpsilon": SPEC["adamEpsilon"], "seed": SPEC["seed"],
        "augmentations": SPEC["augmentations"],
        "pretrained": os.path.basename(args.weights) if args.weights else SPEC["pretrained"],
    }
    if args.weights:
        config["weights"] = {"source": os.path.basename(args.weights), "sha256": file_sha256(args.weights)}
    if SPEC["model"] == "resnet18":
        config.update(fineTuning="frozen" if SPEC["frozenBackbone"] else "full", batchNorm=SPEC["batchNorm"], normalization=SPEC["normalization"])
    return {
        "format": "dlcv-hw1-run", "version": 2,
        "id": "%s-%s-%s" % (SPEC["model"], SPEC["seed"], created_at),
        "createdAt": created_at, "config": config, "backend": "pytorch",
        "dataset": {"name": os.path.basename(os.path.normpath(args.data)), "hash": "", "classes": classes,
                    "counts": {k: len(split[k]) for k in SPLIT_KEYS}},
        "epochs": record_epochs, "steps": steps, "test": test,
        "timings": {"totalSeconds": time.perf_counter() - started,
                    "imagesPerSecond": train_images / train_seconds if train_seconds > 0 else 0},
        "stopped": stopped,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="image folder, one sub-folder per class (as chapter 2.1 reads it)")
    ap.add_argument("--epochs", type=int, default=None, help="epochs (default: the run's, %d)" % SPEC["epochs"])
    ap.add_argument("--out", default="run.json", help="run record to write (import it in the book's runs list)")
    ap.add_argument("--weights", default=None, help="start from these weights (.pth or .safetensors, PyTorch names)")
    ap.add_argument("--device", choices=["cuda", "cpu"], default=None, help="default: cuda when available")
    ap.add_argument("--limit", type=int, default=SPEC["limit"], help="cut each split to at most this many images, as the book's --limit")
    ap.add_argument("--weights-out", default=None, help="also save the trained state_dict (.pth)")
    ap.add_argument("--print-split", action="store_true", help="print the classes, files and split as JSON and stop (needs no torch)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.data):
        ap.error("--data %s is not a folder" % args.data)
    if args.epochs is not None and not 1 <= args.epochs <= 1000:
        ap.error("--epochs must be from 1 to 1000")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be a positive integer")
    if args.print_split:
        classes, files, split = dataset_split(args.data, args.limit)
        json.dump({"classes": classes, "files": [p for p, _ in files], "labels": [l for _, l in files], "split": split}, sys.stdout)
        sys.stdout.write("\n")
        return 0
    record = train(args)
    with open(args.out, "w") as f:
        json.dump(record, f, allow_nan=False)
        f.write("\n")
    t = record["test"]
    if t:
        print("test accuracy %.4f, macro F1 %.4f" % (t["accuracy"], t["macroF1"]))
    print("wrote %s: import it in the book's runs list (Import a run)" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
