/**
 * Per-image parameter draws of torchvision's random transform classes (their `get_params` and the
 * `torch.rand(1) < p` coin), in the same order of draws, from a seeded Rng. Pure: no tfjs.
 */
import type { Rng } from '../data/rng';
import type { EraseBox } from './erase';
import type { Corners } from './perspective-coeffs';
import type { PipelineStep, Range } from './pipeline';
import { drawSeed, pyRound, randint, randperm, uniform } from './torch-random';

/** A crop box in the image it is drawn from. */
export interface Box { top: number; left: number; height: number; width: number }

/** One image's draw for one step. */
export type Draw =
  | { op: 'RandomHorizontalFlip'; flip: boolean }
  | { op: 'ColorJitter'; order: number[]; factors: [number | null, number | null, number | null, number | null] }
  | { op: 'RandomPerspective'; startpoints: Corners; endpoints: Corners | null }
  | { op: 'RandomResizedCrop'; box: Box }
  | { op: 'RandomCrop'; top: number; left: number }
  | { op: 'RandomRotation'; angle: number }
  | { op: 'RandomErasing'; box: EraseBox | null; noiseSeed: number | null }
  | { op: 'GaussianBlur'; sigma: number };

const isCentre = (r: Range, c: number) => r[0] === c && r[1] === c;

/** RandomResizedCrop.get_params: scale uniform, log-uniform aspect, ten tries, then the central crop. */
export function resizedCropBox(rng: Rng, h: number, w: number, scale: Range, ratio: Range): Box {
  const area = h * w;
  const logRatio = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let t = 0; t < 10; t++) {
    const targetArea = area * uniform(rng, scale[0], scale[1]);
    const aspect = Math.exp(uniform(rng, logRatio[0], logRatio[1]));
    const cw = pyRound(Math.sqrt(targetArea * aspect));
    const ch = pyRound(Math.sqrt(targetArea / aspect));
    if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
      const top = randint(rng, 0, h - ch + 1);
      const left = randint(rng, 0, w - cw + 1);
      return { top, left, height: ch, width: cw };
    }
  }
  const inRatio = w / h;
  let cw = w;
  let ch = h;
  if (inRatio < Math.min(...ratio)) ch = pyRound(cw / Math.min(...ratio));
  else if (inRatio > Math.max(...ratio)) { ch = h; cw = pyRound(ch * Math.max(...ratio)); }
  return { top: Math.floor((h - ch) / 2), left: Math.floor((w - cw) / 2), height: ch, width: cw };
}

/** RandomPerspective.get_params: each corner moved inwards by up to distortion_scale · half the side. */
export function perspectiveEndpoints(rng: Rng, w: number, h: number, d: number): { startpoints: Corners; endpoints: Corners } {
  const hw = Math.trunc(d * Math.floor(w / 2));
  const hh = Math.trunc(d * Math.floor(h / 2));
  const topleft: [number, number] = [randint(rng, 0, hw + 1), randint(rng, 0, hh + 1)];
  const topright: [number, number] = [randint(rng, w - hw - 1, w), randint(rng, 0, hh + 1)];
  const botright: [number, number] = [randint(rng, w - hw - 1, w), randint(rng, h - hh - 1, h)];
  const botleft: [number, number] = [randint(rng, 0, hw + 1), randint(rng, h - hh - 1, h)];
  return { startpoints: [[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], endpoints: [topleft, topright, botright, botleft] };
}

/**
 * RandomErasing.get_params: ten tries at a box of the drawn area and log-uniform aspect, else nothing;
 * with random values, their noise (here a seed) is drawn before the box position, as torchvision does.
 */
export function erasingBox(rng: Rng, h: number, w: number, scale: Range, ratio: Range, random = false): { box: EraseBox | null; noiseSeed: number | null } {
  const area = h * w;
  const logRatio = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let t = 0; t < 10; t++) {
    const eraseArea = area * uniform(rng, scale[0], scale[1]);
    const aspect = Math.exp(uniform(rng, logRatio[0], logRatio[1]));
    const eh = pyRound(Math.sqrt(eraseArea * aspect));
    const ew = pyRound(Math.sqrt(eraseArea / aspect));
    if (!(eh < h && ew < w)) continue;
    const noiseSeed = random ? drawSeed(rng) : null;
    return { box: { i: randint(rng, 0, h - eh + 1), j: randint(rng, 0, w - ew + 1), h: eh, w: ew }, noiseSeed };
  }
  return { box: null, noiseSeed: null };
}

/** Draws one image's parameters for one step on an H × W input. */
export function drawStep(rng: Rng, step: PipelineStep, h: number, w: number): Draw {
  switch (step.op) {
    case 'RandomHorizontalFlip': return { op: step.op, flip: rng() < step.params.p };
    case 'ColorJitter': {
      const { brightness, contrast, saturation, hue } = step.params;
      const order = randperm(rng, 4);
      const pick = (r: Range, c: number) => (isCentre(r, c) ? null : uniform(rng, r[0], r[1]));
      const b = pick(brightness, 1);
      const c = pick(contrast, 1);
      const s = pick(saturation, 1);
      return { op: step.op, order, factors: [b, c, s, pick(hue, 0)] };
    }
    case 'RandomPerspective': {
      if (!(rng() < step.params.p)) return { op: step.op, startpoints: [], endpoints: null };
      const { startpoints, endpoints } = perspectiveEndpoints(rng, w, h, step.params.distortion_scale);
      return { op: step.op, startpoints, endpoints };
    }
    case 'RandomResizedCrop': return { op: step.op, box: resizedCropBox(rng, h, w, step.params.scale, step.params.ratio) };
    case 'RandomCrop': {
      const [l, t, r, b] = step.params.padding;
      const ph = h + t + b;
      const pw = w + l + r;
      const [th, tw] = step.params.size;
      if (ph === th && pw === tw) return { op: step.op, top: 0, left: 0 };
      return { op: step.op, top: randint(rng, 0, ph - th + 1), left: randint(rng, 0, pw - tw + 1) };
    }
    case 'RandomRotation': return { op: step.op, angle: uniform(rng, step.params.degrees[0], step.params.degrees[1]) };
    case 'RandomErasing': {
      if (!(rng() < step.params.p)) return { op: step.op, box: null, noiseSeed: null };
      return { op: step.op, ...erasingBox(rng, h, w, step.params.scale, step.params.ratio, step.params.value === 'random') };
    }
    case 'GaussianBlur': return { op: step.op, sigma: uniform(rng, step.params.sigma[0], step.params.sigma[1]) };
  }
}
