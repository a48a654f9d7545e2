/**
 * Python source of the script's images and metrics: decoding and resizing as the book's packer and
 * trainer do, the decode check and split of an image folder (no torch needed), and the test metrics
 * of src/train/metrics.ts. Every process of a torchrun job reads the same split; only rank 0 prints.
 */
export const PY_IMAGES = String.raw`
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
            log("skipped %s: could not decode (%s)" % (path, e), file=sys.stderr)
            continue
        kept.append((path, label))
        if keep is not None:
            keep.append(img)
    return kept


def dataset_split(data_dir, limit, images=None):
    """Scan, decode check, labels and the book's stratified split of an image folder (no torch needed)."""
    classes, files, skipped, empty = scan_folder(list_folder(data_dir))
    for path, why in skipped:
        log("skipped %s: %s" % (path, why), file=sys.stderr)
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
        log("note: Pillow is not installed, so undecodable files were not looked for (the book drops them)", file=sys.stderr)
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
`;
