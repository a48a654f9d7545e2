/**
 * Python source of the script's processes: one (`python3 train.py`) or several under torchrun with
 * DistributedDataParallel (NCCL on GPUs, gloo on CPU). The training set is sharded by a sampler that
 * cuts each of the book's global batches into one contiguous slice per process, evaluation is split
 * across the processes and gathered, stop signals are agreed on at step boundaries, and only rank 0
 * prints. Standard library at module level; torch is imported inside.
 */
export const PY_PROCESSES = String.raw`
# ---------------------------------------------------------------------------------------------
# Processes: one (python3 train.py) or several under torchrun (DistributedDataParallel).
# ---------------------------------------------------------------------------------------------
RANK = 0  # this process's global rank; only rank 0 prints progress and writes files
STOP = {"signal": None}  # the stop signal received (SIGTERM; SIGINT too with several processes)


def log(*args, **kwargs):
    """print() on rank 0 only."""
    if RANK == 0:
        print(*args, **kwargs)


def world_size():
    """The number of processes torchrun started (WORLD_SIZE), 1 for plain python3."""
    try:
        n = int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        raise SystemExit("error: WORLD_SIZE=%r is not a number" % os.environ.get("WORLD_SIZE"))
    if n < 1:
        raise SystemExit("error: WORLD_SIZE must be at least 1")
    return n


def per_process_batch(batch_size, world):
    """The per-process batch: the run's (global) batch divided by the number of processes, which must divide it."""
    if batch_size % world:
        raise SystemExit("error: the run's batch of %d images cannot be shared by %d processes: start torchrun with a --nproc_per_node x --nnodes that divides %d" % (batch_size, world, batch_size))
    return batch_size // world


class Processes:
    """The process group torchrun describes in the environment (WORLD_SIZE, RANK, LOCAL_RANK), or a single process."""

    def __init__(self, torch, device_kind, batch_size):
        global RANK
        self.torch = torch
        self.world = world_size()
        self.per_batch = per_process_batch(batch_size, self.world)
        self.rank = int(os.environ.get("RANK", "0")) if self.world > 1 else 0
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0")) if self.world > 1 else 0
        RANK = self.rank
        self.dist = None
        self.device = device_kind
        self.comm = torch.device("cpu")
        if self.world == 1:
            return
        import torch.distributed as dist
        if device_kind == "cuda":
            if self.local_rank >= torch.cuda.device_count():
                raise SystemExit("error: local rank %d but torch sees %d CUDA device(s): start at most that many processes per node" % (self.local_rank, torch.cuda.device_count()))
            torch.cuda.set_device(self.local_rank)
            self.device = "cuda:%d" % self.local_rank
            self.comm = torch.device(self.device)
        dist.init_process_group("nccl" if device_kind == "cuda" else "gloo")
        self.dist = dist

    def sum(self, values):
        """Element-wise sums of a list of floats over all processes (float64)."""
        if self.world == 1:
            return list(values)
        t = self.torch.tensor(values, dtype=self.torch.float64, device=self.comm)
        self.dist.all_reduce(t)
        return t.tolist()

    def gather(self, obj):
        """Every process's obj, in rank order (picklable values)."""
        if self.world == 1:
            return [obj]
        out = [None] * self.world
        self.dist.all_gather_object(out, obj)
        return out

    def broadcast(self, obj):
        """Rank 0's obj on every process."""
        if self.world == 1:
            return obj
        box = [obj]
        self.dist.broadcast_object_list(box, src=0)
        return box[0]

    def sync_buffers(self, net):
        """Copies rank 0's buffers (BatchNorm running statistics) to every process, so all evaluate one model."""
        if self.world > 1:
            for b in net.buffers():
                self.dist.broadcast(b, 0)

    def close(self):
        """Ends the group once every process got here: the barrier lets the last collectives finish (releasing the group
        while one is still being cleaned up can deadlock torch 1.13's gloo)."""
        if self.dist is not None and self.dist.is_initialized():
            self.dist.barrier()
            self.dist.destroy_process_group()


class BookBatchSampler:
    """The training set in the book's seeded order, sharded across processes; call set_epoch() before each epoch.

    Epoch e's order is the one-process order, epoch_order(train, seed, e). Global batch b is order[b*B:(b+1)*B]
    (the last partial batch dropped, as the book does), and process r takes the r-th contiguous slice of B/N
    images of it. The N processes together see exactly the one-process batches in the one-process order;
    what differs is who computes which image (so the per-image augmentation draws, taken from each process's
    own torch generator), the order the gradient sums are added in, and, without SyncBatchNorm, BatchNorm's
    batch statistics (over B/N images instead of B).
    """

    def __init__(self, indices, batch_size, seed, procs):
        self.indices, self.batch_size, self.seed = list(indices), batch_size, seed
        self.rank, self.per = procs.rank, procs.per_batch
        self.epoch = 0

    def set_epoch(self, epoch):
        self.epoch = epoch

    def __len__(self):
        return len(self.indices) // self.batch_size

    def __iter__(self):
        order = epoch_order(self.indices, self.seed, self.epoch)
        for b in range(len(self)):
            start = b * self.batch_size + self.rank * self.per
            yield order[start:start + self.per]


def evaluate_all(torch, F, net, normalize, pixels, labels, indices, bs, device, procs):
    """evaluate() over all processes: process r takes positions r, r + N, ...; loss, accuracy and predictions are combined in split order."""
    if procs.world == 1:
        return evaluate(torch, F, net, normalize, pixels, labels, indices, bs, device)
    procs.sync_buffers(net)
    mine = indices[procs.rank::procs.world]
    loss_sum, correct, predicted = evaluate_sums(torch, F, net, normalize, pixels, labels, mine, bs, device)
    parts = procs.gather((loss_sum, correct, predicted))
    n = len(indices)
    merged = [0] * n
    for r, (_, _, p) in enumerate(parts):
        merged[r::procs.world] = p
    loss = sum(p[0] for p in parts)
    hits = sum(p[1] for p in parts)
    return (loss / n if n else float("nan")), (hits / n if n else float("nan")), merged


def on_stop_signal(signum, frame):
    STOP["signal"] = signum


def catch_stop_signals(procs):
    """SIGTERM (a cluster's pre-emption) stops training at the next step boundary, agreed by every process; so does
    Ctrl-C with several processes (one process keeps KeyboardInterrupt: it writes the epochs so far as a stopped run)."""
    signal.signal(signal.SIGTERM, on_stop_signal)
    if procs.world > 1:
        signal.signal(signal.SIGINT, on_stop_signal)
`;
