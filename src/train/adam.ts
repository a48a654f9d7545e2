/**
 * Adam exactly as torch.optim.Adam (no weight decay, no amsgrad):
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,
 *   p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)
 * (ε is added after bias-correcting √v, unlike tf.train.adam, whose default ε is also 1e-7, not 1e-8).
 */
import type { TF, Tensor, Variable } from '../tensor/tf-types';

/** Hyper-parameters, PyTorch defaults except lr, which must be given. */
export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** An Adam optimiser bound to a set of named variables; moments live on the device. */
export interface Adam {
  /** Number of steps taken so far. */
  readonly step: number;
  /** Applies one update from gradients keyed like the variables. */
  apply(grads: Record<string, Tensor> | Map<string, Tensor>): void;
  dispose(): void;
}

/** Creates a PyTorch-equivalent Adam optimiser for `params`. */
export function createAdam(tf: TF, params: Map<string, Variable>, opts: AdamOptions): Adam {
  const lr = opts.learningRate;
  const b1 = opts.beta1 ?? 0.9;
  const b2 = opts.beta2 ?? 0.999;
  const eps = opts.epsilon ?? 1e-8;
  for (const [k, v] of [
    ['learningRate', lr],
    ['epsilon', eps],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`Adam ${k} must be a positive number, got ${v}`);
  }
  if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) throw new Error(`Adam betas must lie in [0, 1), got ${b1}, ${b2}`);
  const m = new Map<string, Variable>();
  const v = new Map<string, Variable>();
  for (const [name, p] of params) {
    // tidy frees the zerosLike tensors; the variables keep their own reference to the data
    tf.tidy(() => {
      m.set(name, tf.variable(tf.zerosLike(p), false));
      v.set(name, tf.variable(tf.zerosLike(p), false));
    });
  }
  let t = 0;
  return {
    get step() {
      return t;
    },
    apply(grads) {
      const g = grads instanceof Map ? grads : new Map(Object.entries(grads));
      t += 1;
      const stepSize = lr / (1 - b1 ** t);
      const sqrtBc2 = Math.sqrt(1 - b2 ** t);
      tf.tidy(() => {
        for (const [name, p] of params) {
          const grad = g.get(name);
          if (!grad) continue;
          const mi = m.get(name) as Variable;
          const vi = v.get(name) as Variable;
          const mNew = tf.add(tf.mul(mi, b1), tf.mul(grad, 1 - b1));
          const vNew = tf.add(tf.mul(vi, b2), tf.mul(tf.square(grad), 1 - b2));
          const denom = tf.add(tf.div(tf.sqrt(vNew), sqrtBc2), eps);
          p.assign(tf.sub(p, tf.mul(tf.div(mNew, denom), stepSize)));
          mi.assign(mNew);
          vi.assign(vNew);
        }
      });
    },
    dispose() {
      for (const x of [...m.values(), ...v.values()]) x.dispose();
    },
  };
}
