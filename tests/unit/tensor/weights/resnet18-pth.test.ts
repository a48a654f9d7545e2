import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPth } from '../../../../src/tensor/weights/pth';
import { readWeightsFile } from '../../../../src/tensor/weights/read-weights';
import { floatToHalf, halfToFloat } from '../../../../src/tensor/weights/tensor-map';
import { RESNET18_LOCAL, resnet18Weights } from '../../train/helpers/resnet18';

const PARTIAL = `${RESNET18_LOCAL}/partial.pth`;

describe('readPth on torch.save output with torchvision names', () => {
  const pth = readPth(readFileSync(PARTIAL));
  const w = resnet18Weights();

  it('reads F32, BF16 and I64 tensors exactly and F16 as PyTorch rounded them', () => {
    expect(pth.get('conv1.weight')?.dtype).toBe('F16');
    expect(pth.get('layer1.0.conv1.weight')?.dtype).toBe('BF16');
    expect(pth.get('bn1.num_batches_tracked')).toEqual({ dtype: 'I64', shape: [], data: w.get('bn1.num_batches_tracked')?.data });
    for (const name of ['bn1.weight', 'bn1.running_var', 'layer2.0.downsample.0.weight', 'fc.bias', 'layer1.0.conv1.weight']) {
      expect(pth.get(name)?.shape, name).toEqual(w.get(name)?.shape);
      expect(pth.get(name)?.data, name).toEqual(w.get(name)?.data);
    }
    const f32 = w.get('conv1.weight')?.data as Float32Array;
    const f16 = pth.get('conv1.weight')?.data as Float32Array;
    expect(f16.length).toBe(f32.length);
    expect(f16.every((v, i) => v === halfToFloat(floatToHalf(f32[i])))).toBe(true);
  });

  it('reads a transposed view with a storage offset', () => {
    const t = pth.get('fc.weight_t16');
    const fc = w.get('fc.weight')?.data as Float32Array;
    expect(t?.shape).toEqual([512, 16]);
    const d = t?.data as Float32Array;
    expect(d.every((v, k) => v === fc[(8 + (k % 16)) * 512 + Math.floor(k / 16)])).toBe(true);
  });

  it('fingerprints the file with SHA-256 and tells the format from the bytes', async () => {
    const f = await readWeightsFile(new Uint8Array(readFileSync(PARTIAL)));
    expect(f.format).toBe('pth');
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    expect(f.sha256).toBe(createHash('sha256').update(readFileSync(PARTIAL)).digest('hex'));
  });
});

describe('floatToHalf', () => {
  it('rounds to the nearest half (ties to even), keeps subnormals, overflows to Infinity', () => {
    for (const h of [0x0000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0x3c01, 0x7bff, 0x8001, 0xc000]) expect(floatToHalf(halfToFloat(h))).toBe(h);
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(floatToHalf(2 ** -25)).toBe(0);
    expect(floatToHalf(2 ** -25 + 2 ** -30)).toBe(1);
    expect(floatToHalf(70000)).toBe(0x7c00);
    expect(floatToHalf(-Infinity)).toBe(0xfc00);
    expect(Number.isNaN(halfToFloat(floatToHalf(NaN)))).toBe(true);
  });
});
