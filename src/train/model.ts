/**
 * The model interface the training engine, the CLIs and the page share (the homework CNN and
 * ResNet-18): built from a PyTorch state_dict, forward in train or eval mode, the parameters that
 * train, BatchNorm running statistics as state, the features before the head, and export back to
 * a PyTorch-named state_dict. Activations are NHWC inside tfjs; everything at the boundary is in
 * PyTorch names and layouts.
 */
import { mulberry32 } from '../data/rng';
import type { ModelKind } from './models';
import type { Tensor, Variable } from '../tensor/tf-types';

/** Model kinds the engine knows: the names of the registry (models/index.ts). */
export type { ModelKind } from './models';

/** Host-side tensor in PyTorch layout; `dtype` 'I64' marks integer buffers such as num_batches_tracked. */
export interface TorchTensor {
  shape: number[];
  data: Float32Array | number[];
  dtype?: string;
}

/** A PyTorch state_dict on the host: name → tensor, in state_dict order. */
export type TorchState = Map<string, TorchTensor>;

/** How a forward pass runs: train mode uses batch statistics in BatchNorm and updates the running ones. */
export interface ForwardOptions {
  training?: boolean;
}

/** A built model; parameters are tfjs variables keyed by PyTorch names. */
export interface Model {
  readonly kind: ModelKind;
  /** Number of outputs of the head. */
  readonly classes: number;
  /** Length of the feature vector the head consumes. */
  readonly featureSize: number;
  /** Every learnable parameter (tfjs layouts), in state_dict order. */
  readonly params: Map<string, Variable>;
  /** The parameters the optimiser updates (only the head's when the backbone is frozen). */
  readonly trainable: Map<string, Variable>;
  /** Non-learnable state (BatchNorm running_mean / running_var), updated by train-mode forward passes. */
  readonly buffers: Map<string, Variable>;
  /** NHWC float32 images → logits [N, classes]; eval mode unless `training`. */
  forward(x: Tensor, opts?: ForwardOptions): Tensor;
  /** NHWC float32 images → the head's input [N, featureSize]. */
  features(x: Tensor, opts?: ForwardOptions): Tensor;
  /** Features [N, featureSize] → logits [N, classes] (the head alone). */
  head(features: Tensor): Tensor;
  /** Converts a parameter or buffer (or its gradient) from the model's tfjs layout to PyTorch's (a new tensor). */
  toTorchLayout(name: string, t: Tensor): Tensor;
  /** The whole state_dict (parameters, buffers, counters) in PyTorch names, layouts and order. */
  exportTorch(): Promise<TorchState>;
  dispose(): void;
}

/** Problems found when comparing a state_dict with what an architecture needs. */
export interface StateCheck {
  missing: { name: string; shape: number[] }[];
  unexpected: string[];
  misShaped: { name: string; shape: number[]; expected: number[] }[];
}

/** Compares the names and shapes of `state` with `expected` (name → PyTorch shape). */
export function checkState(state: ReadonlyMap<string, { shape: number[] }>, expected: ReadonlyMap<string, number[]>): StateCheck {
  const out: StateCheck = { missing: [], unexpected: [], misShaped: [] };
  for (const [name, shape] of expected) {
    const t = state.get(name);
    if (!t) out.missing.push({ name, shape });
    else if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i]))
      out.misShaped.push({ name, shape: t.shape, expected: shape });
  }
  for (const name of state.keys()) if (!expected.has(name)) out.unexpected.push(name);
  return out;
}

/** True when a check found nothing wrong. */
export function stateCheckOk(c: StateCheck): boolean {
  return c.missing.length === 0 && c.unexpected.length === 0 && c.misShaped.length === 0;
}

/** A readable, bounded description of a failed check (first 10 names of each kind). */
export function describeStateCheck(c: StateCheck, what: string): string {
  const list = <T>(xs: T[], f: (x: T) => string) =>
    `${xs.slice(0, 10).map(f).join(', ')}${xs.length > 10 ? `, … (${xs.length} in all)` : ''}`;
  const parts: string[] = [];
  if (c.missing.length) parts.push(`missing ${c.missing.length}: ${list(c.missing, (m) => `${m.name} [${m.shape}]`)}`);
  if (c.unexpected.length) parts.push(`unexpected ${c.unexpected.length}: ${list(c.unexpected, (n) => n)}`);
  if (c.misShaped.length)
    parts.push(`wrong shape ${c.misShaped.length}: ${list(c.misShaped, (m) => `${m.name} is [${m.shape}], needs [${m.expected}]`)}`);
  return `these weights do not fit ${what}: ${parts.join('; ')}`;
}

/** Reads every variable of `vars` back in PyTorch layout through `model.toTorchLayout`. */
export async function readTorchLayout(model: Pick<Model, 'toTorchLayout'>, vars: Map<string, Tensor>): Promise<TorchState> {
  const out: TorchState = new Map();
  for (const [name, v] of vars) {
    const t = model.toTorchLayout(name, v);
    out.set(name, { shape: t.shape, data: (await t.data()) as Float32Array });
    t.dispose();
  }
  return out;
}

/** torch.nn.Linear's default init (kaiming-uniform a=√5 → U(±1/√in) for weight and bias), seeded; PyTorch layout. */
export function initLinear(inFeatures: number, outFeatures: number, seed: number, prefix = 'fc'): TorchState {
  const rng = mulberry32(seed);
  const bound = 1 / Math.sqrt(inFeatures);
  const draw = (n: number) => Float32Array.from({ length: n }, () => (rng() * 2 - 1) * bound);
  return new Map([
    [`${prefix}.weight`, { shape: [outFeatures, inFeatures], data: draw(outFeatures * inFeatures) }],
    [`${prefix}.bias`, { shape: [outFeatures], data: draw(outFeatures) }],
  ]);
}
