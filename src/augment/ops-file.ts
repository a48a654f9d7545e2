/** OPS.json for `npm run augment`: a list of torchvision.transforms.functional calls, validated with clear messages. */
import { type Obj, ParamError, bool, fail, fillValue, int, isObj, num, nums, oneOf, onlyKeys } from './check';
import type { FunctionalOp } from './functional';
import { type Corners, perspectiveCoeffs } from './perspective-coeffs';

/** Op names OPS.json accepts. */
export const FUNCTIONAL_OPS = [
  'hflip',
  'adjust_brightness',
  'adjust_contrast',
  'adjust_saturation',
  'adjust_hue',
  'perspective',
  'rotate',
  'resized_crop',
  'erase',
  'gaussian_blur',
  'pad',
  'crop',
] as const;

const MAX_OPS = 256;
const MAX_SIDE = 8192;

function corners(x: unknown, name: string): Corners {
  if (!Array.isArray(x) || x.length !== 4) fail(name, 'four [x, y] corners (top-left, top-right, bottom-right, bottom-left)', x);
  return x.map((p, i) => nums(p, `${name}[${i}]`, [2], -1e6, 1e6) as [number, number]);
}

function size2(x: unknown, name: string, odd = false): [number, number] {
  const check = (v: unknown, n: string) => {
    const k = int(v, n, 1, MAX_SIDE);
    if (odd && k % 2 === 0) fail(n, 'an odd positive integer', v);
    return k;
  };
  if (typeof x === 'number') {
    const k = check(x, name);
    return [k, k];
  }
  if (Array.isArray(x) && (x.length === 1 || x.length === 2)) {
    const a = x.map((v, i) => check(v, `${name}[${i}]`));
    return [a[0], a[a.length - 1]];
  }
  return fail(name, odd ? 'an odd integer or a list of 1 or 2 odd integers' : 'an integer or a list of 1 or 2 integers', x);
}

/** torchvision's pad argument: int, [all], [left/right, top/bottom] or [left, top, right, bottom]. */
export function padding4(x: unknown, name: string): [number, number, number, number] {
  const p =
    typeof x === 'number'
      ? [int(x, name, 0, MAX_SIDE)]
      : Array.isArray(x) && [1, 2, 4].includes(x.length)
        ? x.map((v, i) => int(v, `${name}[${i}]`, 0, MAX_SIDE))
        : fail(name, 'an integer or a list of 1, 2 or 4 integers', x, 'a whole number, or 2 or 4 whole numbers separated by commas');
  if (p.length === 1) return [p[0], p[0], p[0], p[0]];
  if (p.length === 2) return [p[0], p[1], p[0], p[1]];
  return p as [number, number, number, number];
}

const KEYS: Record<(typeof FUNCTIONAL_OPS)[number], string[]> = {
  hflip: [],
  adjust_brightness: ['brightness_factor'],
  adjust_contrast: ['contrast_factor'],
  adjust_saturation: ['saturation_factor'],
  adjust_hue: ['hue_factor'],
  perspective: ['startpoints', 'endpoints', 'interpolation', 'fill'],
  rotate: ['angle', 'interpolation', 'fill'],
  resized_crop: ['top', 'left', 'height', 'width', 'size', 'antialias', 'interpolation'],
  erase: ['i', 'j', 'h', 'w', 'v'],
  gaussian_blur: ['kernel_size', 'sigma'],
  pad: ['padding', 'fill', 'padding_mode'],
  crop: ['top', 'left', 'height', 'width'],
};

function parseOp(o: Obj, where: string): FunctionalOp {
  const op = oneOf(o.op, `${where}.op`, FUNCTIONAL_OPS);
  onlyKeys(o, KEYS[op], `${where} (${op})`, ['op']);
  const f = (k: string) => `${where}.${k}`;
  const interp = (d: 'nearest' | 'bilinear') =>
    o.interpolation === undefined ? d : oneOf(o.interpolation, f('interpolation'), ['nearest', 'bilinear'] as const);
  switch (op) {
    case 'hflip':
      return { op };
    case 'adjust_brightness':
      return { op, brightness_factor: num(o.brightness_factor, f('brightness_factor'), 0) };
    case 'adjust_contrast':
      return { op, contrast_factor: num(o.contrast_factor, f('contrast_factor'), 0) };
    case 'adjust_saturation':
      return { op, saturation_factor: num(o.saturation_factor, f('saturation_factor'), 0) };
    case 'adjust_hue':
      return { op, hue_factor: num(o.hue_factor, f('hue_factor'), -0.5, 0.5) };
    case 'perspective':
      return {
        op,
        startpoints: corners(o.startpoints, f('startpoints')),
        endpoints: corners(o.endpoints, f('endpoints')),
        interpolation: interp('bilinear'),
        fill: o.fill === undefined ? null : fillValue(o.fill, f('fill'), true),
      };
    case 'rotate':
      return {
        op,
        angle: num(o.angle, f('angle')),
        interpolation: interp('nearest'),
        fill: o.fill === undefined ? null : fillValue(o.fill, f('fill'), true),
      };
    case 'resized_crop': {
      if (o.interpolation !== undefined) oneOf(o.interpolation, f('interpolation'), ['bilinear'] as const);
      const size = typeof o.size === 'number' ? int(o.size, f('size'), 1, MAX_SIDE) : size2(o.size, f('size'));
      return {
        op,
        top: int(o.top, f('top')),
        left: int(o.left, f('left')),
        height: int(o.height, f('height'), 1, MAX_SIDE),
        width: int(o.width, f('width'), 1, MAX_SIDE),
        size,
        antialias: o.antialias === undefined ? true : bool(o.antialias, f('antialias')),
      };
    }
    case 'erase':
      return {
        op,
        i: int(o.i, f('i'), 0),
        j: int(o.j, f('j'), 0),
        h: int(o.h, f('h'), 0),
        w: int(o.w, f('w'), 0),
        v: fillValue(o.v, f('v'), false) as number[],
      };
    case 'gaussian_blur': {
      const kernel_size = size2(o.kernel_size, f('kernel_size'), true);
      const sigma: [number, number] =
        o.sigma === undefined || o.sigma === null
          ? [kernel_size[0] * 0.15 + 0.35, kernel_size[1] * 0.15 + 0.35]
          : typeof o.sigma === 'number'
            ? [num(o.sigma, f('sigma'), 1e-6), num(o.sigma, f('sigma'), 1e-6)]
            : (() => {
                const s = nums(o.sigma, f('sigma'), [1, 2], 1e-6);
                return [s[0], s[s.length - 1]] as [number, number];
              })();
      return { op, kernel_size, sigma };
    }
    case 'pad':
      return {
        op,
        padding: padding4(o.padding, f('padding')),
        fill: o.fill === undefined ? 0 : num(o.fill, f('fill')),
        padding_mode:
          o.padding_mode === undefined
            ? 'constant'
            : oneOf(o.padding_mode, f('padding_mode'), ['constant', 'edge', 'reflect', 'symmetric'] as const),
      };
    case 'crop':
      return {
        op,
        top: int(o.top, f('top')),
        left: int(o.left, f('left')),
        height: int(o.height, f('height'), 1, MAX_SIDE),
        width: int(o.width, f('width'), 1, MAX_SIDE),
      };
  }
}

/** Checks an op against the image size it meets (what torchvision would reject at run time). */
export function checkOpFits(op: FunctionalOp, h: number, w: number, where: string): void {
  if (op.op === 'perspective') {
    try {
      perspectiveCoeffs(op.startpoints, op.endpoints);
    } catch (e) {
      throw new ParamError(`${where} (perspective): ${(e as Error).message.replace(/^perspective: /, '')}`);
    }
  }
  if (op.op === 'gaussian_blur' && (Math.floor(op.kernel_size[1] / 2) >= h || Math.floor(op.kernel_size[0] / 2) >= w)) {
    throw new ParamError(
      `${where} (gaussian_blur): kernel_size ${op.kernel_size.join('×')} needs an image larger than half the kernel (reflect padding), got ${h}×${w}`,
    );
  }
  if (
    op.op === 'pad' &&
    op.padding_mode === 'reflect' &&
    (op.padding[1] >= h || op.padding[3] >= h || op.padding[0] >= w || op.padding[2] >= w)
  ) {
    throw new ParamError(`${where} (pad): reflect padding must be smaller than the image side, got padding [${op.padding}] for ${h}×${w}`);
  }
}

/** Parses OPS.json text (or parsed JSON): the ops, or every problem found, each naming its op and field. */
export function parseOpsFile(input: unknown): { ok: true; value: FunctionalOp[] } | { ok: false; errors: string[] } {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`OPS.json is not valid JSON: ${(e as Error).message}`] };
    }
  }
  if (!Array.isArray(json)) return { ok: false, errors: ['OPS.json must be a list of operations, e.g. [{"op": "hflip"}]'] };
  if (json.length > MAX_OPS) return { ok: false, errors: [`OPS.json lists ${json.length} operations; at most ${MAX_OPS}`] };
  const errors: string[] = [];
  const value: FunctionalOp[] = [];
  json.forEach((o, i) => {
    try {
      if (!isObj(o)) throw new ParamError(`ops[${i}] must be an object like {"op": "hflip"} (got ${JSON.stringify(o)})`);
      value.push(parseOp(o, `ops[${i}]`));
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      errors.push(e.message);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
