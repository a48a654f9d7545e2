/**
 * torchvision's ResNet-18 (q2.3, q2.4) as a model of the registry: fine-tuned from given weights (or
 * a seeded init), its fc replaced to fit the classes, a frozen backbone or full fine-tuning,
 * BatchNorm in train or eval mode, ImageNet normalisation.
 */
import { RESNET18_FEATURES, checkResnet18State, resnet18FromTorch, resnet18Shapes } from '../resnet18';
import { initResnet18State } from '../resnet18-init';
import type { ModelDefinition } from './model-definition';

/** BatchNorm buffers are in the state_dict but are not trained. */
const BUFFER_SUFFIXES = ['.running_mean', '.running_var', '.num_batches_tracked'];

/** Trainable parameters of torchvision's ResNet-18 with a `classes`-way head (11,181,642 for 10). */
export function resnet18ParameterCount(classes: number): number {
  let n = 0;
  for (const [name, shape] of resnet18Shapes(classes)) {
    if (BUFFER_SUFFIXES.some((s) => name.endsWith(s))) continue;
    n += shape.reduce((a, b) => a * b, 1);
  }
  return n;
}

/** ResNet-18's head replacement and builder in the exported script (torchvision's module, the book's seeded init). */
const PYTHON = String.raw`
def replace_head(torch, nn, model, classes, seed):
    """fc replaced by a classes-way torch.nn.Linear with the book's seeded init (initLinear)."""
    fc = nn.Linear(model.fc.in_features, classes)
    w, b = book_init_linear(model.fc.in_features, classes, seed)
    with torch.no_grad():
        fc.weight.copy_(torch.tensor(w, dtype=torch.float32).reshape(classes, model.fc.in_features))
        fc.bias.copy_(torch.tensor(b, dtype=torch.float32))
    model.fc = fc


def build_resnet18_model(torch, nn, classes, weights_path):
    """torchvision's ResNet-18 from --weights, ImageNet weights or the book's seeded init, fc fitted to the classes; Adam updates fc alone with a frozen backbone."""
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
`;

/** torchvision's ResNet-18. */
export const resnet18: ModelDefinition<'resnet18'> = {
  kind: 'resnet18',
  name: 'ResNet-18',
  label: 'ResNet-18',
  title: "torchvision's ResNet-18",
  question: 'q2.3',
  fineTunes: true,
  normalization: 'imagenet',
  inputSizeFixedBy: null,
  imageSizeProblem: () => null,
  build: (tf, state, opts) => resnet18FromTorch(tf, state, opts),
  init: (_imageSize, classes, seed) => initResnet18State(classes, seed),
  checkState: (state) => checkResnet18State(state),
  settle(config) {
    const fineTuning = config.fineTuning ?? 'full';
    const batchNorm = fineTuning === 'frozen' ? 'eval' : (config.batchNorm ?? 'train');
    return { ...config, fineTuning, batchNorm, normalization: config.normalization ?? 'imagenet' };
  },
  buildOptions: (config, classes) => ({
    classes,
    headSeed: config.seed,
    frozenBackbone: config.fineTuning === 'frozen',
    batchNorm: config.batchNorm,
  }),
  parameterCount: (_imageSize, classes) => resnet18ParameterCount(classes),
  trainedParameterCount: (config, classes) =>
    config.fineTuning === 'frozen' ? RESNET18_FEATURES * classes + classes : resnet18ParameterCount(classes),
  describeScript: (s) =>
    `torchvision's ResNet-18 at ${s.imageSize}x${s.imageSize}, fc replaced by a ${s.classes}-way layer, ${s.frozenBackbone ? 'frozen backbone (only fc trains)' : 'full fine-tuning'}, BatchNorm in ${s.batchNorm} mode, inputs ${s.normalization === 'imagenet' ? "normalised with ImageNet's mean and std" : 'in [0, 1] without normalisation'}`,
  python: PYTHON,
};
