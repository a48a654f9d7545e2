import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TensorMap } from '../../../src/tensor/weights/tensor-map';
import { CNN64_DIR, relError } from '../train/helpers/cnn64';
import { RESNET18_LOCAL, RESNET18_WEIGHTS, at, norm, tensorsOf } from '../train/helpers/resnet18';

// Relative error: max|ours − PyTorch| / max|PyTorch| over a tensor (or over the sampled entries of a large one).
const TOL = 1e-4;
// The L2 norm of a whole large gradient (a summary of the entries not sampled): |ours − PyTorch| / PyTorch.
const NORM_TOL = 1e-3;
const LR = 1e-3;
const dir = mkdtempSync(join(tmpdir(), 'hw1-train-step-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/train-step.ts', ...args], { encoding: 'utf8', timeout: 300_000 });

function step(model: string, weights: string, input: string, backend = 'wasm'): TensorMap {
  const out = join(dir, `${model}-${input.replace(/\W/g, '_')}-${weights.replace(/\W/g, '_')}.safetensors`);
  const r = run(['--model', model, '--weights', weights, '--input', input, '--out', out, '--backend', backend]);
  expect(r.status, r.stderr).toBe(0);
  return tensorsOf(out);
}

/**
 * after_adam against PyTorch: one Adam step from zero moments moves p by lr·g/(|g|+1e-8), so where
 * PyTorch's |g| is near eps the step's size hangs on digits below float32 precision; there it must
 * only stay within the at most 2·lr an Adam step can differ. Elsewhere: TOL.
 */
function checkAdam(name: string, ours: ArrayLike<number>, theirs: ArrayLike<number>, grad: ArrayLike<number>): void {
  const sure = Array.from(theirs, (_, i) => i).filter((i) => Math.abs(grad[i]) > 1e-6);
  expect(relError(at(ours, sure), at(theirs, sure)), name).toBeLessThanOrEqual(TOL);
  for (let i = 0; i < theirs.length; i++) expect(Math.abs(ours[i] - theirs[i]), name).toBeLessThanOrEqual(2 * LR * 1.001);
}

describe('npm run train-step --model cnn', () => {
  for (const file of ['weights.safetensors', 'weights.pth']) {
    it(`reproduces every tensor of the cnn64 fixture from ${file} (rel. error ≤ ${TOL})`, () => {
      const ours = step('cnn', `${CNN64_DIR}/${file}`, `${CNN64_DIR}/case.safetensors`);
      const ref = tensorsOf(`${CNN64_DIR}/case.safetensors`);
      const compared = [...ref.keys()].filter((k) => k !== 'x' && k !== 'labels');
      expect(compared).toHaveLength(18);
      for (const name of compared) {
        expect(ours.get(name)?.shape, name).toEqual(ref.get(name)?.shape);
        expect(relError(ours.get(name)?.data ?? [], ref.get(name)?.data ?? []), name).toBeLessThanOrEqual(TOL);
      }
    }, 300_000);
  }
});

describe('npm run train-step --model resnet18', () => {
  for (const c of ['2x37x45', '8x16x20']) {
    it(`matches PyTorch on a ${c.replace(/x/g, '×')} train-mode step: logits, loss, gradients, Adam, running statistics`, () => {
      const ref = tensorsOf(`${RESNET18_LOCAL}/step-${c}.safetensors`);
      const ours = step('resnet18', RESNET18_WEIGHTS, `${RESNET18_LOCAL}/step-${c}.safetensors`);
      const get = (n: string) => {
        const t = ours.get(n);
        if (!t) throw new Error(`train-step wrote no ${n}`);
        return t.data;
      };
      const r = (n: string) => ref.get(n)?.data as Float32Array;
      expect(relError(get('logits'), r('logits'))).toBeLessThanOrEqual(TOL);
      expect(relError(get('loss'), r('loss'))).toBeLessThanOrEqual(TOL);
      const params = [...ours.keys()].filter((k) => k.startsWith('grad.')).map((k) => k.slice(5));
      expect(params).toHaveLength(62);
      for (const p of params) {
        if (ref.has(`grad.${p}`)) {
          expect(relError(get(`grad.${p}`), r(`grad.${p}`)), `grad.${p}`).toBeLessThanOrEqual(TOL);
          checkAdam(`after_adam.${p}`, get(`after_adam.${p}`), r(`after_adam.${p}`), r(`grad.${p}`));
        } else {
          const idx = ref.get(`idx.${p}`)?.data as number[];
          expect(idx, p).toBeDefined();
          expect(relError(at(get(`grad.${p}`), idx), r(`grad_at.${p}`)), `grad.${p}`).toBeLessThanOrEqual(TOL);
          checkAdam(`after_adam.${p}`, at(get(`after_adam.${p}`), idx), r(`after_adam_at.${p}`), r(`grad_at.${p}`));
          expect(Math.abs(norm(get(`grad.${p}`)) / r(`grad_norm.${p}`)[0] - 1), `|grad.${p}|`).toBeLessThanOrEqual(NORM_TOL);
        }
      }
      const stats = [...ref.keys()].filter((k) => k.startsWith('after_step.'));
      expect(stats).toHaveLength(40);
      for (const s of stats) expect(relError(get(s), r(s)), s).toBeLessThanOrEqual(TOL);
    }, 300_000);
  }

  it('exits 2 with a message for an unknown model or weights of another model', () => {
    const bad = run(['--model', 'vgg', '--weights', RESNET18_WEIGHTS, '--input', 'x', '--out', 'y']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--model must be cnn or resnet18/);
    const wrong = run([
      '--model',
      'resnet18',
      '--weights',
      `${CNN64_DIR}/weights.safetensors`,
      '--input',
      `${CNN64_DIR}/case.safetensors`,
      '--out',
      join(dir, 'w'),
    ]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/missing .*bn1\.weight/);
  });
});
