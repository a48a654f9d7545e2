/**
 * Python source (standard library only) of the book's data ordering, split and seeded draws, ported
 * bit-exactly: mulberry32 with 32-bit integer arithmetic (src/data/rng.ts), Fisher–Yates, the
 * folder scan and class mapping (folder-scan.ts, class-mapping.ts), largest-remainder counts and
 * the stratified split (split.ts), epochOrder (train/batches.ts), limitSplit (runs/train-limit.ts)
 * and the seeded inits (train/cnn.ts initTorchState, model.ts initLinear, resnet18-init.ts).
 */

/** The constants the port shares with the TypeScript (a test checks them against the sources). */
export const PORTED_CONSTANTS = {
  mulberryIncrement: 0x6d2b79f5,
  epochMultiplier: 0x9e3779b1,
  imageExtensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'],
  hiddenNames: ['__macosx', 'thumbs.db', 'desktop.ini'],
  wildlifeClasses: [
    'amur_leopard',
    'amur_tiger',
    'birds',
    'black_bear',
    'brown_bear',
    'dog',
    'roe_deer',
    'sika_deer',
    'wild_boar',
    'people',
  ],
};

const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;
const list = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

/** The data part of the script: importable and runnable without torch. */
export const PY_DATA = String.raw`
# ---------------------------------------------------------------------------------------------
# The book's data ordering and split, ported bit-exactly (standard library only, no torch).
# ---------------------------------------------------------------------------------------------
MASK32 = 0xFFFFFFFF
IMAGE_EXTENSIONS = ${list(PORTED_CONSTANTS.imageExtensions)}
HIDDEN_NAMES = ${list(PORTED_CONSTANTS.hiddenNames)}
RUSSIAN_WILDLIFE_CLASSES = ${list(PORTED_CONSTANTS.wildlifeClasses)}
SPLIT_KEYS = ("train", "val", "test")


def to_uint32(x):
    """JavaScript's x >>> 0 for a finite number: truncate towards zero, then modulo 2**32."""
    return int(math.trunc(x)) % 4294967296


def imul(a, b):
    """Math.imul: the low 32 bits of a * b (as an unsigned integer)."""
    return (a * b) & MASK32


def mulberry32(seed):
    """The book's generator (src/data/rng.ts): uniform floats in [0, 1), same stream for the same seed."""
    state = [to_uint32(seed)]

    def rng():
        a = (state[0] + ${hex(PORTED_CONSTANTS.mulberryIncrement)}) & MASK32
        state[0] = a
        t = imul(a ^ (a >> 15), a | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK32
        return ((t ^ (t >> 14)) & MASK32) / 4294967296

    return rng


def shuffle_in_place(items, rng):
    """Fisher-Yates from the end, j = floor(rng() * (i + 1)), as shuffleInPlace."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor(rng() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def split_counts(n, fractions):
    """Largest-remainder counts (ties: larger fraction first, then train/val/test order), as splitCounts."""
    quotas = [n * fractions[k] for k in SPLIT_KEYS]
    counts = [math.floor(q + 1e-9) for q in quotas]
    left = n - sum(counts)

    def cmp(a, b):
        ra = quotas[a] - counts[a]
        rb = quotas[b] - counts[b]
        if abs(ra - rb) > 1e-9:
            return -1 if rb - ra < 0 else 1
        fa, fb = fractions[SPLIT_KEYS[a]], fractions[SPLIT_KEYS[b]]
        if fa != fb:
            return -1 if fb - fa < 0 else 1
        return a - b

    order = sorted([0, 1, 2], key=functools.cmp_to_key(cmp))
    i = 0
    while left > 0:
        counts[order[i]] += 1
        i = (i + 1) % 3
        left -= 1
    return {"total": n, "train": counts[0], "val": counts[1], "test": counts[2]}


def stratified_split(labels, num_classes, seed, fractions):
    """Per class (in label order) one shared mulberry32 stream shuffles, then cuts train/val/test; indices ascending."""
    by_class = [[] for _ in range(num_classes)]
    for i, y in enumerate(labels):
        by_class[y].append(i)
    rng = mulberry32(seed)
    out = {"train": [], "val": [], "test": []}
    for indices in by_class:
        shuffle_in_place(indices, rng)
        c = split_counts(len(indices), fractions)
        out["train"] += indices[:c["train"]]
        out["val"] += indices[c["train"]:c["train"] + c["val"]]
        out["test"] += indices[c["train"] + c["val"]:]
    for k in SPLIT_KEYS:
        out[k].sort()
    return out


def limit_split(split, limit):
    """Each split cut to at most limit images, evenly spaced (the book's --limit), as limitSplit."""
    if limit is None:
        return split

    def cut(idx):
        if len(idx) <= limit:
            return idx
        return [idx[math.floor((i * len(idx)) / limit)] for i in range(limit)]

    return {k: cut(split[k]) for k in SPLIT_KEYS}


def epoch_order(indices, seed, epoch):
    """Train order of one epoch (0-based), as epochOrder: mulberry32((seed ^ imul(epoch + 1, golden)) >>> 0)."""
    rng = mulberry32((to_uint32(seed) ^ imul(epoch + 1, ${hex(PORTED_CONSTANTS.epochMultiplier)})) & MASK32)
    return shuffle_in_place(list(indices), rng)


def code_unit_key(s):
    """JavaScript's string order (UTF-16 code units), which differs from Python's beyond the BMP."""
    return s.encode("utf-16-be", "surrogatepass")


def path_segments(path):
    return [s for s in path.replace("\\", "/").split("/") if s not in ("", ".")]


def is_image_name(name):
    dot = name.rfind(".")
    return dot > 0 and name[dot + 1:].lower() in IMAGE_EXTENSIONS


def class_mapping(names):
    """The homework's fixed Russian Wildlife order when the folders are exactly those ten (any case), else sorted by code unit."""
    lower = {n.lower(): n for n in names}
    if len(names) == len(RUSSIAN_WILDLIFE_CLASSES) and len(lower) == len(names) and all(c in lower for c in RUSSIAN_WILDLIFE_CLASSES):
        return [lower[c] for c in RUSSIAN_WILDLIFE_CLASSES]
    return sorted(names, key=code_unit_key)


def list_folder(root):
    """Entries (relative path with '/', size) of a folder, as the book's CLI lists it; empty folders end in '/'."""
    entries = []

    def walk(d, rel):
        items = sorted(os.scandir(d), key=lambda e: e.name)
        if not items and rel:
            entries.append((rel + "/", 0))
        for it in items:
            r = it.name if not rel else rel + "/" + it.name
            if it.is_dir(follow_symlinks=False):
                walk(it.path, r)
            elif it.is_file(follow_symlinks=False):
                entries.append((r, it.stat().st_size))

    walk(root, "")
    return entries


def scan_folder(entries):
    """Classes and candidate images of a file list, as scanFolder: (classes, [(path, label)], skipped, empty_classes)."""
    skipped = []
    files = []
    dirs = []
    for path, size in entries:
        segs = path_segments(path)
        if not segs:
            continue
        is_dir = path.endswith("/") or path.endswith("\\")
        if any(s.startswith(".") or s.lower() in HIDDEN_NAMES for s in segs):
            if not is_dir:
                skipped.append((path, "hidden"))
        elif is_dir:
            dirs.append(segs)
        else:
            files.append([path, size, segs])
    while True:
        nested = [f for f in files if len(f[2]) >= 2]
        if not nested:
            break
        first = nested[0][2][0]
        if not all(f[2][0] == first for f in nested) or not any(len(f[2]) >= 3 for f in nested):
            break
        for f in files:
            f[2] = f[2][1:] if len(f[2]) >= 2 else []
        dirs = [d[1:] if d[0] == first else [] for d in dirs]
    folders = {}
    for d in dirs:
        if d and d[0] not in folders:
            folders[d[0]] = []
    for path, size, segs in files:
        if len(segs) <= 1:
            skipped.append((path, "stray-file"))
            continue
        folders.setdefault(segs[0], [])
        if not is_image_name(segs[-1]):
            skipped.append((path, "not-image"))
        elif size == 0:
            skipped.append((path, "empty-file"))
        else:
            folders[segs[0]].append(path)
    empty = sorted((n for n, l in folders.items() if not l), key=code_unit_key)
    usable = [n for n, l in folders.items() if l]
    if len(usable) < 2:
        raise SystemExit("error: found %d class folder(s) with images; need at least 2 (one sub-folder per class, e.g. wildlife/amur_tiger/*.jpg)" % len(usable))
    classes = class_mapping(usable)
    out = []
    for label, name in enumerate(classes):
        for p in sorted(folders[name], key=code_unit_key):
            out.append((p, label))
    return classes, out, skipped, empty


def relabel(classes, kept):
    """After decoding drops files: classes that lost every image are dropped and the mapping recomputed, as packFolder."""
    present = set(classes[label] for _, label in kept)
    alive = [c for c in classes if c in present]
    if len(alive) < 2:
        raise SystemExit("error: after decoding, fewer than 2 classes have usable images")
    new_classes = classes if len(alive) == len(classes) else class_mapping(alive)
    index = {c: i for i, c in enumerate(new_classes)}
    return new_classes, [(p, index[classes[label]]) for p, label in kept]


def book_init(shapes, seed):
    """The book's seeded init (initTorchState): U(+-1/sqrt(fan_in)) for every weight and bias, state_dict order, one stream."""
    rng = mulberry32(seed)
    weights = dict(shapes)
    out = []
    for name, shape in shapes:
        w = weights[name[:-len(".bias")] + ".weight"] if name.endswith(".bias") else shape
        fan_in = 1
        for d in w[1:]:
            fan_in *= d
        bound = 1 / math.sqrt(fan_in)
        n = 1
        for d in shape:
            n *= d
        out.append((name, shape, [(rng() * 2 - 1) * bound for _ in range(n)]))
    return out


def mulberry32_block(seed, start, n):
    """Draws start .. start + n - 1 of mulberry32(seed) at once: its state after k draws is seed + k * increment."""
    try:
        import numpy as np
    except ImportError:
        rng = mulberry32(seed)
        for _ in range(start):
            rng()
        return [rng() for _ in range(n)]
    a = (np.uint64(to_uint32(seed)) + np.arange(start + 1, start + n + 1, dtype=np.uint64) * np.uint64(${hex(PORTED_CONSTANTS.mulberryIncrement)})) & np.uint64(MASK32)
    m = np.uint64(MASK32)
    t = ((a ^ (a >> np.uint64(15))) * (a | np.uint64(1))) & m
    t ^= (t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & m)) & m
    return ((t ^ (t >> np.uint64(14))) & m).astype(np.float64) / 4294967296.0


def book_resnet18_init(shapes, seed):
    """The book's seeded torchvision init of resnet18 (resnet18-init.ts): every 4-d weight kaiming-normal (fan_out, ReLU),
    std sqrt(2 / (out * kh * kw)), Box-Muller from one mulberry32 stream in state_dict order, two normals (cos, sin)
    from each pair of uniforms. Returns {name: values}."""
    out = {}
    pos = 0
    for name, shape in shapes:
        if len(shape) != 4:
            continue
        n = shape[0] * shape[1] * shape[2] * shape[3]
        pairs = (n + 1) // 2
        r = mulberry32_block(seed, pos, 2 * pairs)
        pos += 2 * pairs
        std = math.sqrt(2 / (shape[0] * shape[2] * shape[3]))
        try:
            import numpy as np
            rad = np.sqrt(-2 * np.log(1 - np.asarray(r[0::2], dtype=np.float64))) * std
            ang = 2 * math.pi * np.asarray(r[1::2], dtype=np.float64)
            vals = np.empty(2 * pairs)
            vals[0::2] = rad * np.cos(ang)
            vals[1::2] = rad * np.sin(ang)
            out[name] = vals[:n]
        except ImportError:
            vals = []
            for i in range(pairs):
                rad = math.sqrt(-2 * math.log(1 - r[2 * i])) * std
                ang = 2 * math.pi * r[2 * i + 1]
                vals.append(rad * math.cos(ang))
                vals.append(rad * math.sin(ang))
            out[name] = vals[:n]
    return out


def book_init_linear(in_features, out_features, seed):
    """torch.nn.Linear's init drawn from mulberry32 (initLinear): weight then bias."""
    rng = mulberry32(seed)
    bound = 1 / math.sqrt(in_features)
    w = [(rng() * 2 - 1) * bound for _ in range(out_features * in_features)]
    b = [(rng() * 2 - 1) * bound for _ in range(out_features)]
    return w, b
`;
