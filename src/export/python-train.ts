/**
 * Python source of the script's training loop (src/train/trainer.ts): Adam with the run's lr and eps,
 * the epoch order and dropped last train batch of the book's trainer, evaluation in batches, on one
 * process or several under torchrun (DistributedDataParallel; SyncBatchNorm when BatchNorm trains on
 * GPUs), with a checkpoint after every epoch and resume. With one process the numbers are the
 * one-process script's: the distributed pieces are skipped, not approximated.
 */
export const PY_TRAIN = String.raw`
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


def evaluate_sums(torch, F, model, normalize, pixels, labels, indices, bs, device):
    """Summed cross-entropy, number right and predictions over indices, in batches of bs (eval mode)."""
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
    return loss_sum, correct, predicted


def evaluate(torch, F, model, normalize, pixels, labels, indices, bs, device):
    """Mean cross-entropy, accuracy and predictions over indices, in batches of bs (eval mode)."""
    loss_sum, correct, predicted = evaluate_sums(torch, F, model, normalize, pixels, labels, indices, bs, device)
    n = len(indices)
    return (loss_sum / n if n else float("nan")), (correct / n if n else float("nan")), predicted


def class_key(name):
    """A class name as npm run unpack-dataset spells its folder, without the order prefix: "0-T-shirt_top" and "T-shirt/top" agree."""
    head, sep, tail = name.partition("-")
    name = tail if sep and head.isdigit() else name
    out, bad = [], False
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in " ._-"):
            out.append(ch)
            bad = False
        elif not bad:
            out.append("_")
            bad = True
    return "".join(out).strip(" .") or "class"


def trains_batch_norm():
    """True when the run's training passes use BatchNorm's batch statistics (a fine-tuned model such as ResNet-18, full fine-tuning, BatchNorm 'train')."""
    return SPEC["model"] in FINE_TUNED_MODELS and not SPEC["frozenBackbone"] and SPEC["batchNorm"] == "train"


def distribute(torch, nn, net, trainable, procs, device):
    """Several processes: SyncBatchNorm where BatchNorm trains (GPUs), DistributedDataParallel around the model. Returns (model, trainable, sync)."""
    if procs.world == 1:
        return net, trainable, False
    sync = trains_batch_norm() and device == "cuda"
    if sync:
        net = nn.SyncBatchNorm.convert_sync_batchnorm(net)
        trainable = [p for p in net.parameters() if p.requires_grad]
        log("BatchNorm: SyncBatchNorm, batch statistics over the global batch of %d across %d processes" % (SPEC["batchSize"], procs.world))
    elif trains_batch_norm():
        log("BatchNorm: per-process batch statistics over %d images (SyncBatchNorm needs CUDA; on CPU each process normalises its own slice)" % procs.per_batch)
    from torch.nn.parallel import DistributedDataParallel
    net.to(procs.device)
    model = DistributedDataParallel(net, device_ids=[procs.local_rank] if device == "cuda" else None)
    return model, trainable, sync


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
    procs = Processes(torch, device, bs)
    dev = procs.device
    images = []
    classes, files, split = dataset_split(args.data, args.limit, images)
    if SPEC["dataset"] and ([class_key(c) for c in classes] != [class_key(c) for c in SPEC["dataset"]["classes"]] or any(len(split[k]) != SPEC["dataset"]["counts"][k] for k in SPLIT_KEYS)):
        log("note: this folder gives classes %s and a %d/%d/%d split; the exported run had %s and %d/%d/%d, so the images differ from the run's" % (
            classes, len(split["train"]), len(split["val"]), len(split["test"]), SPEC["dataset"]["classes"],
            SPEC["dataset"]["counts"]["train"], SPEC["dataset"]["counts"]["val"], SPEC["dataset"]["counts"]["test"]), file=sys.stderr)
    if len(split["train"]) < bs:
        raise SystemExit("error: the train split has %d images, fewer than one batch of %d" % (len(split["train"]), bs))
    if not split["val"]:
        raise SystemExit("error: the validation split is empty")
    log("data %s: %d images, %d classes; split %d/%d/%d; device %s; torch %s" % (
        args.data, len(files), len(classes), len(split["train"]), len(split["val"]), len(split["test"]), device, torch.__version__))
    if procs.world > 1:
        log("%d processes (%s): batch %d = %d per process" % (procs.world, "nccl" if device == "cuda" else "gloo", bs, procs.per_batch))

    started = time.perf_counter()
    created_at = now_iso()
    pixels = torch.stack([pil_to_tensor(im) for im in images])
    del images
    if device == "cuda" and pixels.numel() < (4 << 30):
        pixels = pixels.to(dev)  # uint8 on the GPU: one copy, no host transfer per batch
    labels = torch.tensor([label for _, label in files], dtype=torch.long, device=pixels.device)
    if args.weights and SPEC["weights"] and file_sha256(args.weights) != SPEC["weights"]["sha256"]:
        log("note: %s is not the file the run started from (%s, SHA-256 %s...)" % (args.weights, SPEC["weights"]["source"], SPEC["weights"]["sha256"][:12]), file=sys.stderr)
    elif SPEC["weights"] and not args.weights:
        log("note: the run started from %s; pass it with --weights to start from the same numbers" % SPEC["weights"]["source"], file=sys.stderr)
    checkpoint = args.checkpoint or default_checkpoint(args.out)
    resume = load_checkpoint(torch, procs, checkpoint, run_key(classes, split, args.limit), args.fresh)
    torch.manual_seed(SPEC["seed"])
    net, trainable = build_model(torch, nn, len(classes), args.weights)
    if resume:
        net.load_state_dict(resume["model"])
    net.to(dev)
    model, trainable, sync_bn = distribute(torch, nn, net, trainable, procs, device)
    net = model.module if procs.world > 1 else model
    optimiser = torch.optim.Adam(trainable, lr=SPEC["learningRate"], eps=SPEC["adamEpsilon"])
    augment = make_augment()
    normalize = make_normalize(torch, dev)
    if resume:
        optimiser.load_state_dict(resume["optimiser"])
        saved = resume["random"]
        if procs.rank < len(saved):
            set_random_state(torch, saved[procs.rank], dev)
        else:
            torch.manual_seed(SPEC["seed"] + procs.rank + 1000 * resume["epoch"])
        log("resuming from %s: %d of %d epochs done (saved by %d process%s)" % (checkpoint, resume["epoch"], epochs, resume["worldSize"], "" if resume["worldSize"] == 1 else "es"))
    elif procs.rank > 0:
        torch.manual_seed(SPEC["seed"] + procs.rank)  # each process draws its own augmentations; rank 0 keeps the one-process stream

    sampler = BookBatchSampler(split["train"], bs, SPEC["seed"], procs)
    steps_per_epoch = len(sampler)
    step_every = max(1, math.ceil(steps_per_epoch * epochs / 2000))
    progress = resume["progress"] if resume else {"epochs": [], "steps": [], "trainSeconds": 0.0, "trainImages": 0, "globalStep": 0, "elapsed": 0.0, "createdAt": created_at}
    record_epochs, steps = progress["epochs"], progress["steps"]
    train_seconds, train_images, global_step = progress["trainSeconds"], progress["trainImages"], progress["globalStep"]
    before = progress["elapsed"]  # seconds spent by the starts before this one
    stopped = None
    catch_stop_signals(procs)
    try:
        for epoch in range(len(record_epochs), epochs):
            t0 = time.perf_counter()
            loss_sum, correct, seen = 0.0, 0, 0
            sampler.set_epoch(epoch)
            for idx in sampler:
                s0 = time.perf_counter()
                x = batch_of(torch, pixels, idx, dev)
                if augment is not None:
                    x = torch.stack([augment(img) for img in x])
                x = normalize(x)
                y = labels[torch.as_tensor(idx, device=labels.device)].to(dev)
                train_mode(nn, model)
                logits = model(x)
                loss_t = F.cross_entropy(logits, y)
                optimiser.zero_grad(set_to_none=True)
                loss_t.backward()
                optimiser.step()
                if procs.world == 1:
                    loss = float(loss_t)
                    hits = int((logits.detach().argmax(1) == y).sum())
                    signalled = STOP["signal"] is not None
                else:
                    total = procs.sum([float(loss_t) * len(idx), float((logits.detach().argmax(1) == y).sum()), 0.0 if STOP["signal"] is None else 1.0])
                    loss, hits, signalled = total[0] / bs, int(round(total[1])), total[2] > 0
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
                    log("epoch %d step %d loss %.4f" % (epoch + 1, global_step, loss))
                if signalled:
                    stopped = "signal"
                    break
            if stopped:
                break
            val_loss, val_acc, _ = evaluate_all(torch, F, net, normalize, pixels, labels, split["val"], bs, dev, procs)
            m = {"epoch": epoch + 1, "trainLoss": loss_sum / seen, "trainAccuracy": correct / seen,
                 "valLoss": val_loss, "valAccuracy": val_acc, "seconds": time.perf_counter() - t0}
            record_epochs.append(m)
            progress.update(trainSeconds=train_seconds, trainImages=train_images, globalStep=global_step, elapsed=before + time.perf_counter() - started)
            save_checkpoint(torch, procs, checkpoint, {"key": run_key(classes, split, args.limit), "epoch": epoch + 1, "model": net.state_dict(),
                                                       "optimiser": optimiser.state_dict(), "progress": progress}, dev)
            log("epoch %d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | %.1f s" % (
                m["epoch"], m["trainLoss"], m["trainAccuracy"], m["valLoss"], m["valAccuracy"], m["seconds"]))
    except KeyboardInterrupt:
        stopped = "stopped"
    if stopped == "signal":
        kept = "%s holds epoch %d: run the same command to resume" % (checkpoint, len(record_epochs)) if record_epochs else "no epoch had ended, so there is nothing to resume"
        log("stopped by signal %d in epoch %d; %s" % (STOP["signal"], len(record_epochs) + 1, kept), file=sys.stderr)
        procs.close()
        raise SystemExit(128 + int(STOP["signal"]))
    test = None
    if not stopped and split["test"]:
        _, _, predicted = evaluate_all(torch, F, net, normalize, pixels, labels, split["test"], bs, dev, procs)
        test = test_metrics(labels.tolist(), split["test"], predicted, len(classes))
    if args.weights_out and procs.rank == 0:
        write_atomic(args.weights_out, lambda f: torch.save(net.state_dict(), f))
    procs.close()
    if procs.rank > 0:
        return None
    runtime = {"worldSize": procs.world, "device": device, "torchVersion": torch.__version__, "syncBatchNorm": sync_bn}
    seconds = {"totalSeconds": before + time.perf_counter() - started,
               "imagesPerSecond": train_images / train_seconds if train_seconds > 0 else 0}
    return run_record(args, epochs, classes, split, progress["createdAt"], record_epochs, steps, test, seconds, stopped, runtime)
`;
