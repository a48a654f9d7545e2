/**
 * Python source of the script's run record (the book's format, backend "pytorch", how it ran: world
 * size, device, torch version) and its command line, for plain `python3 train.py` and torchrun alike.
 */
export const PY_MAIN = String.raw`
# ---------------------------------------------------------------------------------------------
# The run record and the command line.
# ---------------------------------------------------------------------------------------------
def test_metrics(all_labels, test_indices, predicted, num_classes):
    """Test metrics, confusion matrix and misclassified images of the predictions over the test split."""
    truth = [all_labels[i] for i in test_indices]
    conf = [[0] * num_classes for _ in range(num_classes)]
    for t, p in zip(truth, predicted):
        conf[t][p] += 1
    return dict(metrics_from_confusion(conf), confusion=conf,
                misclassified=[{"index": i, "trueLabel": t, "predicted": p} for i, (t, p) in enumerate(zip(truth, predicted)) if t != p])


def run_record(args, epochs, classes, split, created_at, record_epochs, steps, test, timings, stopped, runtime):
    """The run record the book imports (format dlcv-hw1-run, version 2, backend pytorch)."""
    config = {
        "model": SPEC["model"], "question": SPEC["question"], "imageSize": SPEC["imageSize"], "epochs": epochs,
        "batchSize": SPEC["batchSize"], "learningRate": SPEC["learningRate"], "adamEpsilon": SPEC["adamEpsilon"], "seed": SPEC["seed"],
        "augmentations": SPEC["augmentations"],
        "pretrained": os.path.basename(args.weights) if args.weights else SPEC["pretrained"],
    }
    if args.weights:
        config["weights"] = {"source": os.path.basename(args.weights), "sha256": file_sha256(args.weights)}
    if SPEC["model"] in FINE_TUNED_MODELS:
        config.update(fineTuning="frozen" if SPEC["frozenBackbone"] else "full", batchNorm=SPEC["batchNorm"], normalization=SPEC["normalization"])
    return {
        "format": "dlcv-hw1-run", "version": 2,
        "id": "%s-%s-%s" % (SPEC["model"], SPEC["seed"], created_at),
        "createdAt": created_at, "config": config, "backend": "pytorch",
        "dataset": {"name": os.path.basename(os.path.normpath(args.data)), "hash": "", "classes": classes,
                    "counts": {k: len(split[k]) for k in SPLIT_KEYS}},
        "epochs": record_epochs, "steps": steps, "test": test, "timings": timings, "stopped": stopped,
        "runtime": runtime,
    }


MULTI_PROCESS_HELP = """
Several processes (DistributedDataParallel: NCCL on GPUs, gloo with --device cpu), the same script:
  torchrun --standalone --nproc_per_node=4 train.py --data DIR --out run.json
2 nodes x 4 GPUs (the first line on node 0, the second on node 1; NODE0 is node 0's address):
  torchrun --nnodes=2 --nproc_per_node=4 --node_rank=0 --master_addr=NODE0 --master_port=29500 train.py --data DIR --out run.json
  torchrun --nnodes=2 --nproc_per_node=4 --node_rank=1 --master_addr=NODE0 --master_port=29500 train.py --data DIR --out run.json
The global batch stays the run's (per-process batch = batch / processes, which must divide it): every global batch
is the one-process batch, in the one-process order, cut into one contiguous slice per process. What differs from
one process: the per-image augmentation draws (each process has its own generator), the order gradients are
summed in, and on CPU BatchNorm's batch statistics (per process; SyncBatchNorm on GPUs). Every node needs
DIR at the same path; rank 0 (on node 0) writes --out and the checkpoint and reads the checkpoint to resume.
After every epoch a checkpoint (default: --out with .ckpt.pt) is written; the same command resumes from it,
--fresh starts over. SIGTERM stops at the next step and leaves the last checkpoint; nothing is half-written.
"""


def data_help():
    """What --data must be for this run, and for the book's default data set how to write it as a folder."""
    d = SPEC["dataset"]
    if d and d["name"] == "default":
        return ("image folder, one sub-folder per class. This run used the book's default data set (" + str(sum(d["counts"].values()))
                + " Fashion-MNIST images, 28x28 grayscale); write it as an image folder with 'npm run unpack-dataset -- --out DIR'"
                + " in the book's repository and pass that DIR")
    return "image folder, one sub-folder per class (as chapter 2.1 reads it): the folder, or the unzipped .zip, the run's data set was loaded from"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, epilog=MULTI_PROCESS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help=data_help())
    ap.add_argument("--epochs", type=int, default=None, help="epochs (default: the run's, %d)" % SPEC["epochs"])
    ap.add_argument("--out", default="run.json", help="run record to write (import it in the book's runs list)")
    ap.add_argument("--weights", default=None, help="start from these weights (.pth or .safetensors, PyTorch names)")
    ap.add_argument("--device", choices=["cuda", "cpu"], default=None, help="default: cuda when available")
    ap.add_argument("--limit", type=int, default=SPEC["limit"], help="cut each split to at most this many images, as the book's --limit")
    ap.add_argument("--weights-out", default=None, help="also save the trained state_dict (.pth)")
    ap.add_argument("--checkpoint", default=None, help="checkpoint written after every epoch and resumed from (default: --out with .ckpt.pt); removed when the run ends")
    ap.add_argument("--fresh", action="store_true", help="start over even when a checkpoint of this run exists")
    ap.add_argument("--print-split", action="store_true", help="print the classes, files and split as JSON and stop (needs no torch)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.data):
        ap.error("--data %s is not a folder; --data is the %s" % (args.data, data_help()))
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
    if record is None:
        return 0
    text = json.dumps(record, allow_nan=False) + "\n"
    write_atomic(args.out, lambda f: f.write(text.encode("utf-8")))
    checkpoint = args.checkpoint or default_checkpoint(args.out)
    if record["stopped"] != "stopped" and os.path.exists(checkpoint):
        os.remove(checkpoint)
    t = record["test"]
    if t:
        print("test accuracy %.4f, macro F1 %.4f" % (t["accuracy"], t["macroF1"]))
    print("wrote %s: import it in the book's runs list (Import a run)" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
