/**
 * torchvision's initialisation of resnet18() (for runs without pretrained weights), seeded:
 * convolutions kaiming-normal (fan_out, ReLU gain: std √(2 / (out·kh·kw))), BatchNorm weight 1,
 * bias 0, running mean 0, running variance 1, and fc as torch.nn.Linear (U(±1/√512)).
 */
import { mulberry32 } from '../data/rng';
import { type TorchState, initLinear } from './model';
import { RESNET18_FEATURES, resnet18Shapes } from './resnet18';

/** A seeded ResNet-18 state_dict with `classes` outputs, in PyTorch names and layouts. */
export function initResnet18State(classes: number, seed: number): TorchState {
  const rng = mulberry32(seed);
  const normals = (n: number, std: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 2) {
      // Box–Muller: two normals from two uniforms
      const r = Math.sqrt(-2 * Math.log(1 - rng())) * std;
      const a = 2 * Math.PI * rng();
      out[i] = r * Math.cos(a);
      if (i + 1 < n) out[i + 1] = r * Math.sin(a);
    }
    return out;
  };
  const head = initLinear(RESNET18_FEATURES, classes, (seed ^ 0x5f3759df) >>> 0);
  const out: TorchState = new Map();
  for (const [name, shape] of resnet18Shapes(classes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const fill = (v: number) => ({ shape, data: new Float32Array(n).fill(v) });
    if (name.startsWith('fc.')) out.set(name, head.get(name) as { shape: number[]; data: Float32Array });
    else if (name.endsWith('num_batches_tracked')) out.set(name, { shape, data: [0], dtype: 'I64' });
    else if (shape.length === 4) {
      const std = Math.sqrt(2 / (shape[0] * shape[2] * shape[3]));
      out.set(name, { shape, data: normals(n, std) });
    } else out.set(name, fill(name.endsWith('.weight') || name.endsWith('running_var') ? 1 : 0));
  }
  return out;
}
