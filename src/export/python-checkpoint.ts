/**
 * Python source of the script's checkpoints: after every epoch rank 0 writes the model, optimiser,
 * epoch, every process's random state and the metrics so far, atomically (a temporary file in the
 * same folder, flushed, then renamed over the old one); a later start with the same command resumes
 * from it (rank 0 reads it and shares it), `--fresh` starts over. Files written by the script go
 * through the same write-then-rename, so a job stopped at any moment leaves no half-written file.
 */
export const PY_CHECKPOINT = String.raw`
# ---------------------------------------------------------------------------------------------
# Checkpoints and resume.
# ---------------------------------------------------------------------------------------------
CHECKPOINT_FORMAT = "dlcv-hw1-pytorch-checkpoint"


def write_atomic(path, write):
    """Calls write(file) on a temporary file beside path, flushes it to disk and renames it over path."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, ".%s.%d.tmp" % (os.path.basename(path), os.getpid()))
    try:
        with open(tmp, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def default_checkpoint(out):
    """The checkpoint beside the run record: run.json -> run.ckpt.pt."""
    return os.path.splitext(out)[0] + ".ckpt.pt"


def run_key(classes, split, limit):
    """What a checkpoint must match to be resumed: the run's settings, the classes and the split."""
    data = json.dumps({"spec": SPEC, "classes": classes, "split": {k: split[k] for k in SPLIT_KEYS}, "limit": limit}, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def random_state(torch, device):
    """This process's torch generators (CPU, and its CUDA device when it trains on one)."""
    return {"cpu": torch.get_rng_state(), "cuda": torch.cuda.get_rng_state(device) if str(device).startswith("cuda") else None}


def set_random_state(torch, state, device):
    torch.set_rng_state(state["cpu"])
    if state.get("cuda") is not None and str(device).startswith("cuda"):
        torch.cuda.set_rng_state(state["cuda"], device)


def save_checkpoint(torch, procs, path, state, device):
    """Every process's random state gathered, then rank 0 writes state to path atomically."""
    states = procs.gather(random_state(torch, device))
    if procs.rank == 0:
        write_atomic(path, lambda f: torch.save(dict(state, format=CHECKPOINT_FORMAT, random=states, worldSize=procs.world), f))


def load_checkpoint(torch, procs, path, key, fresh):
    """The checkpoint to resume from on every process (rank 0 reads it), or None: none there, --fresh, or a finished file of another run (an error)."""
    found = None
    if procs.rank == 0:
        if fresh and os.path.exists(path):
            log("starting over (--fresh): %s will be replaced after the first epoch" % path)
        elif os.path.exists(path):
            try:
                found = torch.load(path, map_location="cpu")
            except Exception as e:
                found = {"error": "%s cannot be read (%s); start over with --fresh" % (path, e)}
            if "error" not in found and (found.get("format") != CHECKPOINT_FORMAT or found.get("key") != key):
                found = {"error": "%s is the checkpoint of another run (other settings, classes or split); start over with --fresh or pass --checkpoint" % path}
    found = procs.broadcast(found)
    if found is not None and "error" in found:
        raise SystemExit("error: " + found["error"])
    return found
`;
