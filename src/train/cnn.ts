/**
 * The homework CNN (q2.2) with explicit tfjs variables: three 3×3 convolutions (stride 1, padding 1)
 * with 32, 64, 128 maps, ReLU, max-pools 4/4, 2/2, 2/2, flatten (PyTorch's C,H,W order), linear → classes.
 * Activations are NHWC inside tfjs; parameters keep PyTorch names and are converted once at load
 * (OIHW → HWIO, (out,in) → (in,out), fc rows permuted to NHWC flatten order) and back at export.
 */
import { mulberry32 } from '../data/rng';
import { convBiasRelu } from './conv-bias-relu';
import { CNN_CHANNELS, CNN_POOLS, checkImageSize } from './shape-table';
import { type Model, type TorchState, readTorchLayout } from './model';
import type { TF, Tensor, Variable } from '../tensor/tf-types';

/** How the NHWC feature map meets PyTorch's channel-major flatten order. */
export type FlattenMode = 'permute-fc' | 'transpose';

/** Architecture options; the input is imageSize × imageSize × inChannels. */
export interface CnnOptions {
  imageSize: number;
  inChannels?: number;
  classes?: number;
  /** 'permute-fc' (default) permutes fc rows once at load; 'transpose' transposes activations every step. */
  flatten?: FlattenMode;
}

export type { TorchTensor } from './model';

/** A built CNN (a Model without BatchNorm or dropout, so train and eval mode agree): variables in tfjs layouts keyed by PyTorch names. */
export interface Cnn extends Model {
  readonly kind: 'cnn';
  readonly options: Required<CnnOptions>;
}

/** Parameter names in PyTorch's state_dict order. */
export const CNN_PARAM_NAMES = [
  'conv1.weight',
  'conv1.bias',
  'conv2.weight',
  'conv2.bias',
  'conv3.weight',
  'conv3.bias',
  'fc.weight',
  'fc.bias',
] as const;

function withDefaults(o: CnnOptions): Required<CnnOptions> {
  checkImageSize(o.imageSize);
  const r = { imageSize: o.imageSize, inChannels: o.inChannels ?? 3, classes: o.classes ?? 10, flatten: o.flatten ?? 'permute-fc' };
  if (!Number.isInteger(r.inChannels) || r.inChannels < 1) throw new Error(`inChannels must be a positive integer, got ${r.inChannels}`);
  if (!Number.isInteger(r.classes) || r.classes < 2) throw new Error(`classes must be an integer ≥ 2, got ${r.classes}`);
  if (r.flatten !== 'permute-fc' && r.flatten !== 'transpose') throw new Error(`unknown flatten mode ${String(r.flatten)}`);
  return r;
}

/** PyTorch shapes of every parameter for these options. */
export function torchShapes(opts: CnnOptions): Map<string, number[]> {
  const o = withDefaults(opts);
  const m = new Map<string, number[]>();
  let c = o.inChannels;
  CNN_CHANNELS.forEach((out, i) => {
    m.set(`conv${i + 1}.weight`, [out, c, 3, 3]);
    m.set(`conv${i + 1}.bias`, [out]);
    c = out;
  });
  const side = o.imageSize / 16;
  m.set('fc.weight', [o.classes, c * side * side]);
  m.set('fc.bias', [o.classes]);
  return m;
}

function fcGeometry(o: Required<CnnOptions>): [number, number, number] {
  const side = o.imageSize / 16;
  return [CNN_CHANNELS[2], side, side];
}

/** Converts one parameter from PyTorch layout to the tfjs layout the model uses (a new tensor). */
export function toTfLayout(tf: TF, name: string, t: Tensor, opts: CnnOptions): Tensor {
  const o = withDefaults(opts);
  return tf.tidy(() => {
    if (name.startsWith('conv') && name.endsWith('.weight')) return tf.transpose(t, [2, 3, 1, 0]);
    if (name === 'fc.weight') {
      if (o.flatten === 'transpose') return tf.transpose(t);
      const [c, h, w] = fcGeometry(o);
      return tf.reshape(tf.transpose(tf.reshape(t, [o.classes, c, h, w]), [2, 3, 1, 0]), [h * w * c, o.classes]);
    }
    return tf.clone(t);
  });
}

/** Converts one parameter (or its gradient) from the model's tfjs layout back to PyTorch layout. */
export function toTorchLayout(tf: TF, name: string, t: Tensor, opts: CnnOptions): Tensor {
  const o = withDefaults(opts);
  return tf.tidy(() => {
    if (name.startsWith('conv') && name.endsWith('.weight')) return tf.transpose(t, [3, 2, 0, 1]);
    if (name === 'fc.weight') {
      if (o.flatten === 'transpose') return tf.transpose(t);
      const [c, h, w] = fcGeometry(o);
      return tf.reshape(tf.transpose(tf.reshape(t, [h, w, c, o.classes]), [3, 2, 0, 1]), [o.classes, c * h * w]);
    }
    return tf.clone(t);
  });
}

function build(tf: TF, o: Required<CnnOptions>, params: Map<string, Variable>): Cnn {
  const p = (n: string) => params.get(n) as Variable;
  type T4 = import('@tensorflow/tfjs-core').Tensor4D;
  const features = (x: Tensor): Tensor =>
    tf.tidy(() => {
      if (x.rank !== 4 || x.shape[1] !== o.imageSize || x.shape[2] !== o.imageSize || x.shape[3] !== o.inChannels) {
        throw new Error(`CNN expects NHWC input [N, ${o.imageSize}, ${o.imageSize}, ${o.inChannels}], got [${x.shape}]`);
      }
      let h = x as T4;
      for (let i = 0; i < 3; i++) {
        const w = p(`conv${i + 1}.weight`) as unknown as T4;
        h = convBiasRelu(tf, h, w, p(`conv${i + 1}.bias`), { pad: 1, inputIsData: i === 0 }) as T4;
        h = tf.maxPool(h, CNN_POOLS[i], CNN_POOLS[i], 'valid');
      }
      const n = h.shape[0];
      return o.flatten === 'transpose' ? tf.reshape(tf.transpose(h, [0, 3, 1, 2]), [n, -1]) : tf.reshape(h, [n, -1]);
    });
  const head = (f: Tensor): Tensor => tf.tidy(() => tf.add(tf.matMul(f, p('fc.weight')), p('fc.bias')));
  const side = o.imageSize / 16;
  const model: Cnn = {
    kind: 'cnn',
    options: o,
    classes: o.classes,
    featureSize: CNN_CHANNELS[2] * side * side,
    params,
    trainable: params,
    buffers: new Map(),
    features,
    head,
    forward: (x) => tf.tidy(() => head(features(x))),
    toTorchLayout: (name, t) => toTorchLayout(tf, name, t, o),
    exportTorch: () => readTorchLayout(model, params),
    dispose: () => {
      for (const v of params.values()) v.dispose();
    },
  };
  return model;
}

let instances = 0;

/** Builds the CNN from a PyTorch-layout state_dict (e.g. read from .safetensors or .pth). */
export function cnnFromTorch(tf: TF, state: TorchState, opts: CnnOptions): Cnn {
  const o = withDefaults(opts);
  const shapes = torchShapes(o);
  for (const [name, shape] of shapes) {
    const t = state.get(name);
    if (!t) throw new Error(`weights lack "${name}" (expected shape [${shape}])`);
    if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
      throw new Error(
        `"${name}" has shape [${t.shape}] but this CNN (input ${o.imageSize}, ${o.inChannels} channels, ${o.classes} classes) needs [${shape}]`,
      );
    }
  }
  const tag = instances++;
  const params = new Map<string, Variable>();
  for (const [name, shape] of shapes) {
    const host = state.get(name) as { data: ArrayLike<number> };
    const v = tf.tidy(() => toTfLayout(tf, name, tf.tensor(Float32Array.from(host.data), shape, 'float32'), o));
    params.set(name, tf.variable(v, true, `cnn${tag}/${name}`));
    v.dispose();
  }
  return build(tf, o, params);
}

/** PyTorch's default init (kaiming-uniform a=√5 → U(±1/√fan_in) for weights and biases), seeded. */
export function initTorchState(opts: CnnOptions, seed: number): TorchState {
  const rng = mulberry32(seed);
  const out: TorchState = new Map();
  const shapes = torchShapes(opts);
  for (const [name, shape] of shapes) {
    const wShape = shapes.get(name.replace('.bias', '.weight')) as number[];
    const fanIn = wShape.slice(1).reduce((a, b) => a * b, 1);
    const bound = 1 / Math.sqrt(fanIn);
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = (rng() * 2 - 1) * bound;
    out.set(name, { shape, data });
  }
  return out;
}

/** A freshly initialised CNN (see initTorchState). */
export function initCnn(tf: TF, opts: CnnOptions, seed: number): Cnn {
  return cnnFromTorch(tf, initTorchState(opts, seed), opts);
}

/** Reads a model's state_dict back in PyTorch layout (for saving as safetensors). */
export async function cnnToTorch(_tf: TF, model: Model): Promise<Map<string, { shape: number[]; data: Float32Array }>> {
  return (await model.exportTorch()) as Map<string, { shape: number[]; data: Float32Array }>;
}
