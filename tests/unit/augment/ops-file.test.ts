import { describe, it, expect } from 'vitest';
import { parseOpsFile } from '../../../src/augment/ops-file';

describe('parseOpsFile', () => {
  it("reads torchvision's functional names and keyword arguments, with its defaults", () => {
    const r = parseOpsFile(
      JSON.stringify([
        { op: 'rotate', angle: 10 },
        {
          op: 'perspective',
          startpoints: [
            [0, 0],
            [9, 0],
            [9, 9],
            [0, 9],
          ],
          endpoints: [
            [1, 0],
            [9, 1],
            [8, 9],
            [0, 8],
          ],
        },
        { op: 'gaussian_blur', kernel_size: 3 },
        { op: 'pad', padding: [1, 2] },
        { op: 'resized_crop', top: 0, left: 0, height: 5, width: 5, size: 8 },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toEqual({ op: 'rotate', angle: 10, interpolation: 'nearest', fill: null });
    expect(r.value[1]).toMatchObject({ interpolation: 'bilinear', fill: null });
    expect(r.value[2]).toEqual({ op: 'gaussian_blur', kernel_size: [3, 3], sigma: [3 * 0.15 + 0.35, 3 * 0.15 + 0.35] });
    expect(r.value[3]).toEqual({ op: 'pad', padding: [1, 2, 1, 2], fill: 0, padding_mode: 'constant' });
    expect(r.value[4]).toMatchObject({ size: 8, antialias: true });
  });

  it('reports every bad op with its index and field', () => {
    const r = parseOpsFile([
      { op: 'rotate' },
      { op: 'adjust_hue', hue_factor: 0.9 },
      { op: 'perspective', startpoints: [[0, 0]], endpoints: [] },
      { op: 'hflip', p: 1 },
      { op: 'blur' },
      { op: 'erase', i: 0, j: 0, h: 2, w: 2, v: [1, 2] },
      { op: 'rotate', angle: 5, interpolation: 'bicubic' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'ops[0].angle must be a number (got missing)',
      'ops[1].hue_factor must be a number in [-0.5, 0.5] (got 0.9)',
      expect.stringMatching(/^ops\[2\]\.startpoints must be four \[x, y\] corners/),
      'ops[3] (hflip): unknown parameter "p" (expected none)',
      expect.stringMatching(/^ops\[4\]\.op must be one of "hflip", .* \(got "blur"\)/),
      'ops[5].v must be a list of 1 or 3 numbers (got [1,2])',
      'ops[6].interpolation must be one of "nearest", "bilinear" (got "bicubic")',
    ]);
  });

  it('says when the file is not JSON or not a list', () => {
    expect(parseOpsFile('[{"op": "hflip"')).toEqual({ ok: false, errors: [expect.stringMatching(/^OPS.json is not valid JSON/)] });
    expect(parseOpsFile('{"op": "hflip"}')).toEqual({ ok: false, errors: [expect.stringMatching(/must be a list of operations/)] });
  });
});
