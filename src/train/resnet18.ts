/**
 * torchvision's ResNet-18 in tfjs with PyTorch semantics: explicit symmetric padding then 'valid'
 * (3 for the 7×7 stride-2 stem, 1 for every 3×3, 1 with −∞ for the 3×3 stride-2 max-pool),
 * BatchNorm eps 1e-5 / momentum 0.1 (batch-norm.ts), basic blocks with 1×1 stride-2 downsample
 * branches, global average pooling, and a replaceable `fc`. Activations are NHWC; convolution
 * weights are OIHW in the state_dict and HWIO inside, fc (out, in) in the state_dict and (in, out) inside.
 */
import { type BatchNormLayer, batchNorm } from './batch-norm';
import { type Model, type TorchState, checkState, describeStateCheck, initLinear, stateCheckOk } from './model';
import type { TF, Tensor, Variable } from '../tensor/tf-types';

type T4 = import('@tensorflow/tfjs-core').Tensor4D;

/** Width and first stride of each of the four stages (two basic blocks each). */
const STAGES = [
  [64, 1],
  [128, 2],
  [256, 2],
  [512, 2],
] as const;
/** Length of the feature vector (the input of fc). */
export const RESNET18_FEATURES = 512;
const BN_SUFFIXES = ['weight', 'bias', 'running_mean', 'running_var'] as const;

/** How the model trains. */
export interface ResNet18Options {
  /** Outputs of the head; when it differs from the weights' fc, fc is replaced by a fresh torch.nn.Linear init. */
  classes?: number;
  /** Seed of a replaced head (default 0). */
  headSeed?: number;
  /** Train only fc; the backbone then always runs with running statistics (eval-mode BatchNorm). */
  frozenBackbone?: boolean;
  /** BatchNorm in train-mode forward passes: 'train' (batch statistics, running ones updated) or 'eval' (running statistics). */
  batchNorm?: 'train' | 'eval';
}

interface Block {
  prefix: string;
  stride: number;
  downsample: boolean;
}

function blocks(): Block[] {
  const out: Block[] = [];
  let inC = 64;
  STAGES.forEach(([c, s], i) => {
    for (let b = 0; b < 2; b++) {
      const stride = b === 0 ? s : 1;
      out.push({ prefix: `layer${i + 1}.${b}`, stride, downsample: b === 0 && (stride !== 1 || inC !== c) });
      inC = c;
    }
  });
  return out;
}

function addBn(m: Map<string, number[]>, prefix: string, c: number): void {
  for (const s of BN_SUFFIXES) m.set(`${prefix}.${s}`, [c]);
  m.set(`${prefix}.num_batches_tracked`, []);
}

/** Every state_dict entry of torchvision's resnet18(num_classes=classes) with its PyTorch shape, in order. */
export function resnet18Shapes(classes = 1000): Map<string, number[]> {
  const m = new Map<string, number[]>();
  m.set('conv1.weight', [64, 3, 7, 7]);
  addBn(m, 'bn1', 64);
  let inC = 64;
  for (const b of blocks()) {
    const c = STAGES[Number(b.prefix[5]) - 1][0];
    m.set(`${b.prefix}.conv1.weight`, [c, inC, 3, 3]);
    addBn(m, `${b.prefix}.bn1`, c);
    m.set(`${b.prefix}.conv2.weight`, [c, c, 3, 3]);
    addBn(m, `${b.prefix}.bn2`, c);
    if (b.downsample) {
      m.set(`${b.prefix}.downsample.0.weight`, [c, inC, 1, 1]);
      addBn(m, `${b.prefix}.downsample.1`, c);
    }
    inC = c;
  }
  m.set('fc.weight', [classes, RESNET18_FEATURES]);
  m.set('fc.bias', [classes]);
  return m;
}

/** Rows of fc in a state_dict (its number of classes), or null when fc.weight is absent or not [K, 512]. */
function stateClasses(state: ReadonlyMap<string, { shape: number[] }>): number | null {
  const s = state.get('fc.weight')?.shape;
  return s && s.length === 2 && s[1] === RESNET18_FEATURES && s[0] >= 1 ? s[0] : null;
}

/**
 * Checks a state_dict against ResNet-18: every name and shape (fc may have any number of rows;
 * num_batches_tracked may be absent, as in older torchvision files). Throws one message listing
 * the missing, unexpected and mis-shaped tensors.
 */
export function checkResnet18State(state: ReadonlyMap<string, { shape: number[] }>): void {
  const expected = resnet18Shapes(stateClasses(state) ?? 1000);
  for (const k of [...expected.keys()]) if (k.endsWith('num_batches_tracked') && !state.has(k)) expected.delete(k);
  const c = checkState(state, expected);
  if (!stateCheckOk(c)) throw new Error(describeStateCheck(c, "torchvision's ResNet-18"));
}

const isConv = (name: string, shape: readonly number[]) => shape.length === 4 && name.endsWith('.weight');

/** Converts a state_dict tensor (PyTorch layout) to the model's layout. */
function toTf(tf: TF, name: string, t: Tensor): Tensor {
  if (isConv(name, t.shape)) return tf.transpose(t, [2, 3, 1, 0]);
  if (name === 'fc.weight') return tf.transpose(t);
  return tf.clone(t);
}

let instances = 0;

/** Builds ResNet-18 from a torchvision state_dict (see checkResnet18State), optionally with a new head. */
export function resnet18FromTorch(tf: TF, state: TorchState, opts: ResNet18Options = {}): Model {
  checkResnet18State(state);
  const fileClasses = stateClasses(state) as number;
  const classes = opts.classes ?? fileClasses;
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`classes must be a positive integer, got ${classes}`);
  const head = classes === fileClasses ? null : initLinear(RESNET18_FEATURES, classes, opts.headSeed ?? 0);
  const frozen = opts.frozenBackbone ?? false;
  const bnMode = opts.batchNorm ?? 'train';
  if (bnMode !== 'train' && bnMode !== 'eval') throw new Error(`batchNorm must be 'train' or 'eval', got ${String(bnMode)}`);
  const shapes = resnet18Shapes(classes);
  const tag = instances++;
  const params = new Map<string, Variable>();
  const buffers = new Map<string, Variable>();
  const counts = new Map<string, BatchNormLayer>();
  for (const [name, shape] of shapes) {
    if (name.endsWith('num_batches_tracked')) continue;
    const host = head?.get(name) ?? state.get(name);
    if (!host) throw new Error(`weights lack "${name}"`);
    const isBuffer = name.endsWith('running_mean') || name.endsWith('running_var');
    const v = tf.tidy(() => toTf(tf, name, tf.tensor(Float32Array.from(host.data), shape, 'float32')));
    const variable = tf.variable(v, !isBuffer, `resnet18_${tag}/${name}`);
    v.dispose();
    (isBuffer ? buffers : params).set(name, variable);
  }
  const bn = (prefix: string): BatchNormLayer => {
    let layer = counts.get(prefix);
    if (!layer) {
      const nbt = state.get(`${prefix}.num_batches_tracked`)?.data[0] ?? 0;
      layer = {
        weight: params.get(`${prefix}.weight`) as Variable,
        bias: params.get(`${prefix}.bias`) as Variable,
        runningMean: buffers.get(`${prefix}.running_mean`) as Variable,
        runningVar: buffers.get(`${prefix}.running_var`) as Variable,
        batches: Number(nbt),
      };
      counts.set(prefix, layer);
    }
    return layer;
  };
  for (const name of shapes.keys()) if (name.endsWith('num_batches_tracked')) bn(name.slice(0, -'.num_batches_tracked'.length));
  const w = (name: string) => params.get(name) as unknown as T4;
  const conv = (x: Tensor, name: string, stride: number, pad: number): Tensor => {
    const padded = pad
      ? tf.pad(x as T4, [
          [0, 0],
          [pad, pad],
          [pad, pad],
          [0, 0],
        ])
      : x;
    return tf.conv2d(padded as T4, w(name), stride, 'valid');
  };
  const backbone = (x: Tensor, training: boolean): Tensor => {
    const bnTrain = training && !frozen && bnMode === 'train';
    let h = tf.relu(batchNorm(tf, conv(x, 'conv1.weight', 2, 3), bn('bn1'), bnTrain));
    h = tf.maxPool(
      tf.pad(
        h as T4,
        [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ],
        -Infinity,
      ),
      3,
      2,
      'valid',
    );
    for (const b of blocks()) {
      let out = tf.relu(batchNorm(tf, conv(h, `${b.prefix}.conv1.weight`, b.stride, 1), bn(`${b.prefix}.bn1`), bnTrain));
      out = batchNorm(tf, conv(out, `${b.prefix}.conv2.weight`, 1, 1), bn(`${b.prefix}.bn2`), bnTrain);
      const identity = b.downsample
        ? batchNorm(tf, conv(h, `${b.prefix}.downsample.0.weight`, b.stride, 0), bn(`${b.prefix}.downsample.1`), bnTrain)
        : h;
      h = tf.relu(tf.add(out, identity));
    }
    return tf.mean(h, [1, 2]);
  };
  const checkInput = (x: Tensor) => {
    if (x.rank !== 4 || x.shape[3] !== 3) throw new Error(`ResNet-18 expects NHWC input [N, H, W, 3], got [${x.shape}]`);
  };
  const headFn = (f: Tensor) => tf.add(tf.matMul(f, params.get('fc.weight') as Variable), params.get('fc.bias') as Variable);
  const trainable = frozen ? new Map([...params].filter(([n]) => n.startsWith('fc.'))) : params;
  const model: Model = {
    kind: 'resnet18',
    classes,
    featureSize: RESNET18_FEATURES,
    params,
    trainable,
    buffers,
    features: (x, o) => {
      checkInput(x);
      return tf.tidy(() => backbone(x, o?.training ?? false));
    },
    forward: (x, o) => {
      checkInput(x);
      return tf.tidy(() => headFn(backbone(x, o?.training ?? false)));
    },
    head: (f) => tf.tidy(() => headFn(f)),
    toTorchLayout: (name, t) =>
      tf.tidy(() => {
        if (isConv(name, t.shape)) return tf.transpose(t, [3, 2, 0, 1]);
        if (name === 'fc.weight') return tf.transpose(t);
        return tf.clone(t);
      }),
    async exportTorch() {
      const out: TorchState = new Map();
      for (const [name, shape] of shapes) {
        if (name.endsWith('num_batches_tracked')) {
          out.set(name, { shape: [], data: [bn(name.slice(0, -'.num_batches_tracked'.length)).batches], dtype: 'I64' });
          continue;
        }
        const t = model.toTorchLayout(name, (params.get(name) ?? buffers.get(name)) as Variable);
        out.set(name, { shape, data: (await t.data()) as Float32Array });
        t.dispose();
      }
      return out;
    },
    dispose: () => {
      for (const v of [...params.values(), ...buffers.values()]) v.dispose();
    },
  };
  return model;
}
