/** The homework CNN (q2.2) as a model of the registry: trained from scratch at a fixed input side (a multiple of 16). */
import { checkState, describeStateCheck, stateCheckOk } from '../model';
import { cnnFromTorch, initTorchState, torchShapes } from '../cnn';
import { parameterCount } from '../shape-table';
import type { ModelDefinition } from './model-definition';

/** The CNN's input side implied by its fc.weight ([classes, 128·(s/16)²]), or null. */
export function cnnImageSize(state: ReadonlyMap<string, { shape: number[] }>): number | null {
  const s = state.get('fc.weight')?.shape;
  if (s?.length !== 2) return null;
  const side = Math.sqrt(s[1] / 128);
  return Number.isInteger(side) && side >= 1 ? side * 16 : null;
}

/** The CNN's PyTorch module, its seeded init and its builder in the exported script. */
const PYTHON = String.raw`
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


def set_book_init(torch, model, seed):
    """Copies the book's seeded init into the CNN, so both start from the same numbers."""
    shapes = [(k, list(v.shape)) for k, v in model.state_dict().items()]
    with torch.no_grad():
        for name, shape, values in book_init(shapes, seed):
            model.state_dict()[name].copy_(torch.tensor(values, dtype=torch.float32).reshape(shape))


def build_cnn_model(torch, nn, classes, weights_path):
    """The CNN at the run's input side, from --weights or the book's seeded init; Adam updates every parameter."""
    model = build_cnn(nn, classes, SPEC["imageSize"])
    if weights_path:
        load_state(model, read_weights(torch, weights_path), weights_path)
    else:
        set_book_init(torch, model, SPEC["seed"])
    return model, list(model.parameters())
`;

/** The homework CNN. */
export const cnn: ModelDefinition<'cnn'> = {
  kind: 'cnn',
  name: 'the CNN',
  label: 'CNN',
  title: 'the homework CNN',
  question: 'q2.2',
  fineTunes: false,
  normalization: 'none',
  inputSizeFixedBy: "the CNN's fc layer",
  imageSizeProblem: (size) => (size % 16 !== 0 || size < 16 ? 'a multiple of 16 (the CNN pools by 4·2·2)' : null),
  build(tf, state, opts) {
    if (opts.frozenBackbone) throw new Error('the CNN trains from scratch: a frozen backbone applies to ResNet-18 only');
    const imageSize = opts.imageSize ?? cnnImageSize(state);
    if (imageSize === null) throw new Error('the CNN needs an image size (none given, and fc.weight does not imply one)');
    const classes = opts.classes ?? state.get('fc.weight')?.shape[0] ?? 10;
    return cnnFromTorch(tf, state, { imageSize, inChannels: state.get('conv1.weight')?.shape[1] ?? 3, classes });
  },
  init: (imageSize, classes, seed) => initTorchState({ imageSize, inChannels: 3, classes }, seed),
  checkState(state) {
    const imageSize = cnnImageSize(state);
    const shapes = torchShapes({
      imageSize: imageSize ?? 64,
      inChannels: state.get('conv1.weight')?.shape[1] ?? 3,
      classes: state.get('fc.weight')?.shape[0] ?? 10,
    });
    const c = checkState(state, shapes);
    if (!stateCheckOk(c)) throw new Error(describeStateCheck(c, 'the homework CNN'));
  },
  settle: (config) => ({ ...config }),
  buildOptions: (config, classes) => ({ imageSize: config.imageSize, classes }),
  parameterCount(imageSize, classes) {
    if (imageSize === null) return null;
    try {
      return parameterCount(imageSize, 3, classes);
    } catch {
      return null;
    }
  },
  trainedParameterCount: (config, classes) => cnn.parameterCount(config.imageSize, classes),
  describeScript: (s) => `the homework CNN (q2.2) at ${s.imageSize}x${s.imageSize}, starting from the book's seeded init`,
  python: PYTHON,
};
