import * as tf from '@tensorflow/tfjs';
import { describe, it, expect, beforeAll } from 'vitest';
import { AugmentInputError, augmentFile } from '../../../src/augment/augment-file';
import { selectBackend } from '../../../src/train/backends';
import { readSafetensors, writeSafetensors } from '../../../src/tensor/weights/safetensors';

const file = (shape: number[], data: Float32Array) => writeSafetensors({ images: { shape, data } });
const ok = file([1, 3, 4, 5], new Float32Array(60).fill(0.5));

describe('augmentFile', () => {
  beforeAll(async () => {
    await selectBackend(tf, { preferred: ['cpu'] });
  });

  it("writes images [N, 3, H', W'] with the ops in the metadata, across chunks of the batch", async () => {
    const n = 70;
    const data = Float32Array.from({ length: n * 3 * 4 * 5 }, (_, i) => (i % 7) / 7);
    const { bytes, shape } = await augmentFile(tf, file([n, 3, 4, 5], data), '[{"op": "pad", "padding": 1}, {"op": "hflip"}]');
    expect(shape).toEqual([n, 3, 6, 7]);
    const out = readSafetensors(bytes);
    const img = out.tensors.get('images')!;
    expect(img.shape).toEqual([n, 3, 6, 7]);
    // Last image, channel 2, row 1 (first inside the padding), hflipped: column 7-1-1 holds input column 0.
    const inBase = (n - 1) * 60 + 2 * 20;
    const outBase = (n - 1) * 126 + 2 * 42 + 1 * 7;
    expect(img.data[outBase + 5]).toBe(data[inBase]);
    expect(img.data[outBase]).toBe(0);
    expect(JSON.parse(out.metadata.ops)).toHaveLength(2);
  });

  it.each([
    ['bad ops', ok, '[{"op": "rotate", "angle": "ten"}]', /ops\[0\]\.angle must be a number \(got "ten"\)/],
    ['truncated JSON', ok, '[{"op": "hflip"', /not valid JSON/],
    [
      'a kernel too large for the image it meets',
      ok,
      '[{"op": "crop", "top": 0, "left": 0, "height": 2, "width": 2}, {"op": "gaussian_blur", "kernel_size": 5}]',
      /ops\[1\] \(gaussian_blur\): kernel_size 5×5 needs an image larger .* got 2×2/,
    ],
    ['reflect padding too large', ok, '[{"op": "pad", "padding": 4, "padding_mode": "reflect"}]', /reflect padding must be smaller/],
    ['NaN pixels', file([1, 3, 1, 1], Float32Array.from([0, NaN, 1])), '[]', /element 1 is NaN/],
    ['values above 1', file([1, 3, 1, 1], Float32Array.from([0, 255, 1])), '[]', /values in \[0, 1\]; element 1 is 255/],
    ['one channel', file([1, 1, 2, 2], new Float32Array(4)), '[]', /\[N, 3, H, W\].*got \[1,1,2,2\]/],
    ['no images tensor', writeSafetensors({ x: { shape: [1], data: new Float32Array(1) } }), '[]', /no tensor "images" \(it has "x"\)/],
    [
      'integer images',
      writeSafetensors({ images: { shape: [1, 3, 1, 1], data: [0, 1, 0], dtype: 'I64' } }),
      '[]',
      /must be a float tensor, got I64/,
    ],
    ['not safetensors', new TextEncoder().encode('not a tensor file'), '[]', /not a readable safetensors file/],
    [
      'degenerate perspective',
      ok,
      JSON.stringify([
        {
          op: 'perspective',
          startpoints: [
            [0, 0],
            [4, 0],
            [4, 3],
            [0, 3],
          ],
          endpoints: [
            [0, 0],
            [0, 0],
            [0, 0],
            [0, 0],
          ],
        },
      ]),
      /degenerate/,
    ],
  ])('rejects %s with a clear message', async (_name, bytes, ops, message) => {
    await expect(augmentFile(tf, bytes as Uint8Array, ops as string)).rejects.toThrow(message as RegExp);
  });

  it('marks input problems as AugmentInputError (the CLI exits 2 for them)', async () => {
    await expect(augmentFile(tf, ok, '{}')).rejects.toBeInstanceOf(AugmentInputError);
    const flat = JSON.stringify([
      {
        op: 'perspective',
        startpoints: [
          [0, 0],
          [4, 0],
          [4, 3],
          [0, 3],
        ],
        endpoints: [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      },
    ]);
    await expect(augmentFile(tf, ok, flat)).rejects.toBeInstanceOf(AugmentInputError);
  });
});
