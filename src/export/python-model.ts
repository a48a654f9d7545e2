/**
 * Python source of the models and weights: the homework CNN exactly as src/train/cnn.ts builds it
 * (PyTorch layout, the book's seeded init), torchvision's ResNet-18 with fc replaced by a
 * classes-way layer (src/train/resnet18.ts: frozen backbone or full fine-tuning, BatchNorm mode),
 * and weights from .safetensors (read here, no extra package) or .pth.
 */
export const PY_MODEL = String.raw`
# ---------------------------------------------------------------------------------------------
# Models and weights (torch, torchvision).
# ---------------------------------------------------------------------------------------------
def build_cnn(nn, classes, image_size):
    """The homework CNN (q2.2): 3x3 convs (stride 1, padding 1) with 32, 64, 128 maps, ReLU, max-pools 4, 2, 2, flatten (C, H, W), linear."""

    class HomeworkCnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
            self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
            self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
            self.fc = nn.Linear(128 * (image_size // 16) ** 2, classes)

        def forward(self, x):
            import torch.nn.functional as F
            x = F.max_pool2d(F.relu(self.conv1(x)), 4)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = F.max_pool2d(F.relu(self.conv3(x)), 2)
            return self.fc(x.flatten(1))

    return HomeworkCnn()


SAFETENSORS_DTYPES = {"F64": "float64", "F32": "float32", "F16": "float16", "BF16": "bfloat16", "I64": "int64", "I32": "int32", "I16": "int16", "I8": "int8", "U8": "uint8", "BOOL": "bool"}


def read_safetensors(torch, path):
    """A .safetensors file as {name: tensor} (the format: 8-byte little-endian header length, JSON header, raw data)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise SystemExit("error: %s is too short to be a .safetensors file" % path)
    n = int.from_bytes(data[:8], "little")
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except ValueError as e:
        raise SystemExit("error: %s has no readable safetensors header (%s)" % (path, e))
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = getattr(torch, SAFETENSORS_DTYPES.get(info.get("dtype"), ""), None)
        if dtype is None:
            raise SystemExit("error: %s: tensor %s has unsupported dtype %s" % (path, name, info.get("dtype")))
        start, end = info["data_offsets"]
        raw = bytearray(data[base + start:base + end])
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.zeros(0, dtype=dtype)
        out[name] = t.reshape(info["shape"]).clone()
    return out


def read_weights(torch, path):
    """A state_dict from .safetensors or .pth/.pt (a state_dict, {"state_dict": ...}, or a whole module)."""
    if not os.path.isfile(path):
        raise SystemExit("error: --weights %s does not exist" % path)
    if path.endswith(".safetensors"):
        return read_safetensors(torch, path)
    obj = torch.load(path, map_location="cpu")
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if hasattr(obj, "state_dict") and not isinstance(obj, dict):
        obj = obj.state_dict()
    if not isinstance(obj, dict):
        raise SystemExit("error: %s holds no state_dict" % path)
    return {k[len("module."):] if k.startswith("module.") else k: v for k, v in obj.items()}


def load_state(model, state, path):
    missing, unexpected = [], []
    own = model.state_dict()
    for k, v in own.items():
        if k not in state:
            missing.append(k)
        elif tuple(state[k].shape) != tuple(v.shape):
            raise SystemExit("error: %s: %s has shape %s but the model needs %s" % (path, k, list(state[k].shape), list(v.shape)))
    unexpected = [k for k in state if k not in own]
    if missing or unexpected:
        raise SystemExit("error: %s does not fit the model: missing %s, unexpected %s" % (path, missing[:5], unexpected[:5]))
    model.load_state_dict({k: state[k].to(own[k].dtype) for k in own})


def set_book_init(torch, model, seed):
    """Copies the book's seeded init into the CNN, so both start from the same numbers."""
    shapes = [(k, list(v.shape)) for k, v in model.state_dict().items()]
    with torch.no_grad():
        for name, shape, values in book_init(shapes, seed):
            model.state_dict()[name].copy_(torch.tensor(values, dtype=torch.float32).reshape(shape))


def replace_head(torch, nn, model, classes, seed):
    """fc replaced by a classes-way torch.nn.Linear with the book's seeded init (initLinear)."""
    fc = nn.Linear(model.fc.in_features, classes)
    w, b = book_init_linear(model.fc.in_features, classes, seed)
    with torch.no_grad():
        fc.weight.copy_(torch.tensor(w, dtype=torch.float32).reshape(classes, model.fc.in_features))
        fc.bias.copy_(torch.tensor(b, dtype=torch.float32))
    model.fc = fc


def build_model(torch, nn, classes, weights_path):
    """The run's model, its weights loaded, and the parameters Adam updates."""
    if SPEC["model"] == "cnn":
        model = build_cnn(nn, classes, SPEC["imageSize"])
        if weights_path:
            load_state(model, read_weights(torch, weights_path), weights_path)
        else:
            set_book_init(torch, model, SPEC["seed"])
        return model, list(model.parameters())
    import torchvision
    if weights_path:
        state = read_weights(torch, weights_path)
        head = state.get("fc.weight")
        model = torchvision.models.resnet18(weights=None, num_classes=int(head.shape[0]) if head is not None else 1000)
        load_state(model, state, weights_path)
    elif SPEC["pretrained"]:
        try:
            model = torchvision.models.resnet18(weights=torchvision.models.ResNet18_Weights.IMAGENET1K_V1)
        except Exception as e:
            raise SystemExit("error: could not download torchvision's ImageNet weights (%s); pass --weights resnet18.pth or .safetensors" % e)
    else:
        # From scratch: the book's seeded version of torchvision's init (BatchNorm 1/0, convs
        # kaiming-normal from mulberry32, fc as nn.Linear from its own stream).
        model = torchvision.models.resnet18(weights=None)
        replace_head(torch, nn, model, classes, to_uint32(SPEC["seed"]) ^ 0x5F3759DF)
        state = model.state_dict()
        with torch.no_grad():
            for name, values in book_resnet18_init([(k, list(v.shape)) for k, v in state.items()], SPEC["seed"]).items():
                state[name].copy_(torch.as_tensor(values, dtype=torch.float64).reshape(state[name].shape))
    if model.fc.out_features != classes:
        replace_head(torch, nn, model, classes, SPEC["headSeed"])
    if SPEC["frozenBackbone"]:
        for name, p in model.named_parameters():
            p.requires_grad_(name.startswith("fc."))
    return model, [p for p in model.parameters() if p.requires_grad]


IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def make_normalize(torch, device):
    """The model's input normalisation after scaling to [0, 1]: ImageNet mean/std for ResNet-18, none for the CNN."""
    if SPEC["normalization"] != "imagenet":
        return lambda x: x
    mean = torch.tensor(IMAGENET_MEAN, device=device).view(1, 3, 1, 1)
    std = torch.tensor(IMAGENET_STD, device=device).view(1, 3, 1, 1)
    return lambda x: (x - mean) / std


def train_mode(nn, model):
    """Training forward passes: BatchNorm uses running statistics when the backbone is frozen or the run says 'eval'."""
    model.train()
    if SPEC["model"] == "resnet18" and (SPEC["frozenBackbone"] or SPEC["batchNorm"] == "eval"):
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.eval()
`;
