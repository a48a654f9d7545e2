/**
 * Python source of the models and weights: reading weights from .safetensors (read here, no extra
 * package) or .pth, each registered model's own builder (src/train/models/: the homework CNN with
 * the book's seeded init, torchvision's ResNet-18 with fc replaced, frozen or fully fine-tuned), the
 * dispatch on SPEC["model"], the input normalisation and the training mode of BatchNorm.
 */
import { MODELS, MODEL_KINDS } from '../train/models';

const PY_WEIGHTS = String.raw`
# ---------------------------------------------------------------------------------------------
# Models and weights (torch, torchvision).
# ---------------------------------------------------------------------------------------------
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
`;

const PY_INPUTS = String.raw`
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def make_normalize(torch, device):
    """The model's input normalisation after scaling to [0, 1] (SPEC["normalization"]): ImageNet mean/std, or none."""
    if SPEC["normalization"] != "imagenet":
        return lambda x: x
    mean = torch.tensor(IMAGENET_MEAN, device=device).view(1, 3, 1, 1)
    std = torch.tensor(IMAGENET_STD, device=device).view(1, 3, 1, 1)
    return lambda x: (x - mean) / std


def train_mode(nn, model):
    """Training forward passes: BatchNorm (where the model has it) uses running statistics when the backbone is frozen or the run says 'eval'."""
    model.train()
    if SPEC["frozenBackbone"] or SPEC["batchNorm"] == "eval":
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.eval()
`;

/** `build_model`: the builder of SPEC["model"], one entry a registered model; the models whose runs carry fine-tuning settings. */
const PY_DISPATCH = String.raw`
MODEL_BUILDERS = {${MODEL_KINDS.map((k) => `"${k}": build_${k}_model`).join(', ')}}
FINE_TUNED_MODELS = {${MODEL_KINDS.filter((k) => MODELS[k].fineTunes)
  .map((k) => `"${k}"`)
  .join(', ')}}


def build_model(torch, nn, classes, weights_path):
    """The run's model, its weights loaded, and the parameters Adam updates."""
    return MODEL_BUILDERS[SPEC["model"]](torch, nn, classes, weights_path)
`;

/** The models-and-weights part of the script. */
export const PY_MODEL = [PY_WEIGHTS, ...MODEL_KINDS.map((k) => MODELS[k].python), PY_DISPATCH, PY_INPUTS].join('\n');
