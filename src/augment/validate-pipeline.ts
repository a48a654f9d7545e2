/** Validates untrusted JSON as a Pipeline: never throws; every problem named by step, transform and parameter. */
import { type Obj, ParamError, bool, fail, fillValue, int, isObj, num, oneOf, onlyKeys, range } from './check';
import { padding4 } from './ops-file';
import { PIPELINE_OPS, type Pipeline, type PipelineStep, type Range, stepOutputSize } from './pipeline';

const MAX_STEPS = 32;
const MAX_SIDE = 4096;
const INTERP = ['nearest', 'bilinear'] as const;

function size(x: unknown, name: string): [number, number] {
  if (typeof x === 'number') { const s = int(x, name, 1, MAX_SIDE); return [s, s]; }
  if (Array.isArray(x) && (x.length === 1 || x.length === 2)) {
    const s = x.map((v, i) => int(v, `${name}[${i}]`, 1, MAX_SIDE));
    return [s[0], s[s.length - 1]];
  }
  return fail(name, 'an integer or [height, width]', x);
}

/** ColorJitter's `_check_input`: a number v ≥ 0 means [max(0, centre − v), centre + v]. */
function jitter(x: unknown, name: string, centre: number, lo: number, hi: number): Range {
  if (x === undefined) return [centre, centre];
  if (typeof x === 'number') {
    const v = num(x, name, 0, centre === 0 ? 0.5 : Infinity);
    return [Math.max(lo, centre - v), centre + v];
  }
  return range(x, name, lo, hi);
}

function oddSize(x: unknown, name: string): [number, number] {
  const s = size(x, name);
  s.forEach((k, i) => { if (k % 2 === 0) fail(`${name}${typeof x === 'number' ? '' : `[${i}]`}`, 'odd (a Gaussian kernel has a centre tap)', k); });
  return s;
}

function positiveRange(x: unknown, name: string, d: Range, hi = Infinity): Range {
  if (x === undefined) return d;
  const r = range(x, name, 0, hi);
  if (r[0] <= 0) fail(name, '[min, max] with 0 < min ≤ max', x);
  return r;
}

function parseStep(o: Obj, where: string): PipelineStep {
  const op = oneOf(o.op, `${where}.op`, PIPELINE_OPS);
  onlyKeys(o, ['op', 'params'], `${where} (${op})`);
  if (o.params !== undefined && !isObj(o.params)) fail(`${where}.params`, 'an object', o.params);
  const p = (o.params ?? {}) as Obj;
  const f = (k: string) => `${where}.params.${k}`;
  const prob = (d: number) => (p.p === undefined ? d : num(p.p, f('p'), 0, 1));
  const interp = (d: 'nearest' | 'bilinear') => (p.interpolation === undefined ? d : oneOf(p.interpolation, f('interpolation'), INTERP));
  const fill = () => (p.fill === undefined ? [0] : (fillValue(p.fill, f('fill'), false) as number[]));
  const keys = (k: string[]) => onlyKeys(p, k, `${where} (${op})`);
  switch (op) {
    case 'RandomHorizontalFlip':
      keys(['p']);
      return { op, params: { p: prob(0.5) } };
    case 'ColorJitter':
      keys(['brightness', 'contrast', 'saturation', 'hue']);
      return { op, params: {
        brightness: jitter(p.brightness, f('brightness'), 1, 0, Infinity), contrast: jitter(p.contrast, f('contrast'), 1, 0, Infinity),
        saturation: jitter(p.saturation, f('saturation'), 1, 0, Infinity), hue: jitter(p.hue, f('hue'), 0, -0.5, 0.5),
      } };
    case 'RandomPerspective':
      keys(['distortion_scale', 'p', 'interpolation', 'fill']);
      return { op, params: { distortion_scale: p.distortion_scale === undefined ? 0.5 : num(p.distortion_scale, f('distortion_scale'), 0, 1),
        p: prob(0.5), interpolation: interp('bilinear'), fill: fill() } };
    case 'RandomResizedCrop': {
      keys(['size', 'scale', 'ratio', 'antialias', 'interpolation']);
      if (p.interpolation !== undefined) oneOf(p.interpolation, f('interpolation'), ['bilinear'] as const);
      return { op, params: { size: size(p.size, f('size')), scale: positiveRange(p.scale, f('scale'), [0.08, 1]),
        ratio: positiveRange(p.ratio, f('ratio'), [3 / 4, 4 / 3]), antialias: p.antialias === undefined ? true : bool(p.antialias, f('antialias')) } };
    }
    case 'RandomCrop':
      keys(['size', 'padding', 'fill', 'padding_mode']);
      return { op, params: { size: size(p.size, f('size')), padding: p.padding === undefined || p.padding === null ? [0, 0, 0, 0] : padding4(p.padding, f('padding')),
        fill: p.fill === undefined ? 0 : num(p.fill, f('fill')),
        padding_mode: p.padding_mode === undefined ? 'constant' : oneOf(p.padding_mode, f('padding_mode'), ['constant', 'edge', 'reflect', 'symmetric'] as const) } };
    case 'RandomRotation': {
      keys(['degrees', 'interpolation', 'fill']);
      const degrees: Range = typeof p.degrees === 'number' ? [-num(p.degrees, f('degrees'), 0, 360), num(p.degrees, f('degrees'), 0, 360)] : range(p.degrees, f('degrees'), -360, 360);
      return { op, params: { degrees, interpolation: interp('nearest'), fill: fill() } };
    }
    case 'RandomErasing': {
      keys(['p', 'scale', 'ratio', 'value']);
      const value = p.value === 'random' ? 'random' : p.value === undefined ? [0] : (fillValue(p.value, f('value'), false) as number[]);
      return { op, params: { p: prob(0.5), scale: p.scale === undefined ? [0.02, 0.33] : range(p.scale, f('scale'), 0, 1),
        ratio: positiveRange(p.ratio, f('ratio'), [0.3, 3.3]), value } };
    }
    case 'GaussianBlur': {
      keys(['kernel_size', 'sigma']);
      const sigma: Range = typeof p.sigma === 'number' ? [num(p.sigma, f('sigma'), 1e-6), p.sigma] : positiveRange(p.sigma, f('sigma'), [0.1, 2]);
      return { op, params: { kernel_size: oddSize(p.kernel_size, f('kernel_size')), sigma } };
    }
  }
}

/** Checks that a step can run on an H × W image, as torchvision would at call time. */
function checkFits(step: PipelineStep, h: number, w: number, where: string): void {
  if (step.op === 'RandomCrop') {
    const [l, t, r, b] = step.params.padding;
    const [th, tw] = step.params.size;
    if (h + t + b < th || w + l + r < tw) throw new ParamError(`${where} (RandomCrop): size ${th}×${tw} is larger than the padded image ${h + t + b}×${w + l + r}`);
    if (step.params.padding_mode === 'reflect' && (t >= h || b >= h || l >= w || r >= w)) throw new ParamError(`${where} (RandomCrop): reflect padding must be smaller than the image side ${h}×${w}`);
  }
  if (step.op === 'GaussianBlur') {
    const [kx, ky] = step.params.kernel_size;
    if (Math.floor(ky / 2) >= h || Math.floor(kx / 2) >= w) throw new ParamError(`${where} (GaussianBlur): kernel_size ${kx}×${ky} is too large for a ${h}×${w} image (reflect padding)`);
  }
}

/** Parses a pipeline ([{op, params}, …]); with `imageSize` [H, W], also checks each step fits the size it meets. */
export function validatePipeline(json: unknown, imageSize?: [number, number]): { ok: true; value: Pipeline } | { ok: false; errors: string[] } {
  if (!Array.isArray(json)) return { ok: false, errors: ['the pipeline must be a list of steps, e.g. [{"op": "RandomHorizontalFlip", "params": {"p": 0.5}}]'] };
  if (json.length > MAX_STEPS) return { ok: false, errors: [`the pipeline has ${json.length} steps; at most ${MAX_STEPS}`] };
  const errors: string[] = [];
  const value: Pipeline = [];
  let hw = imageSize;
  json.forEach((o, i) => {
    const where = `steps[${i}]`;
    try {
      if (!isObj(o)) throw new ParamError(`${where} must be an object like {"op": "RandomHorizontalFlip", "params": {"p": 0.5}} (got ${JSON.stringify(o)})`);
      const step = parseStep(o, where);
      if (hw) { checkFits(step, hw[0], hw[1], where); hw = stepOutputSize(step, hw[0], hw[1]); }
      value.push(step);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      errors.push(e.message);
      hw = undefined;
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
