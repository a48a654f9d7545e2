import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartLabel, checkWeights, weightsText } from '../../../components/resnet/weights-check';
import { sha256Hex } from '../../../src/data/sha256';
import { resnet18Shapes } from '../../../src/train/resnet18';
import { initResnet18State } from '../../../src/train/resnet18-init';
import type { TensorMap } from '../../../src/tensor/weights/tensor-map';
import { readSafetensors, writeSafetensors } from '../../../src/tensor/weights/safetensors';

const BN_LAYERS = [...resnet18Shapes(1000).keys()].filter((k) => k.endsWith('.running_var')).length;
const bytes = new Uint8Array(readFileSync('../shared/fixtures/resnet18/weights.safetensors'));

describe('checkWeights', () => {
  it("takes the fixture's torchvision state_dict with its SHA-256, not as ImageNet weights", async () => {
    const w = await checkWeights(bytes, 'weights.safetensors');
    expect(w.format).toBe('safetensors');
    expect(w.sha256).toBe(await sha256Hex(bytes));
    expect(w.state.get('fc.weight')?.shape).toEqual([1000, 512]);
    expect(w.imagenet).toBe(false);
    expect(weightsText(w)).toMatch(
      /^Weights: weights\.safetensors \(safetensors, 46\.8 MB, SHA-256 [0-9a-f]{12}…\): ResNet-18 weights whose checksum is not torchvision's/,
    );
  });

  it("recognises a .safetensors converted from torchvision's file by the source hash in its metadata", async () => {
    const { tensors } = readSafetensors(bytes);
    const converted = writeSafetensors(tensors, {
      format: 'pt',
      source: 'resnet18-f37072fd.pth',
      source_sha256: `f37072fd${'0'.repeat(56)}`,
    });
    expect((await checkWeights(converted, 'resnet18.safetensors')).imagenet).toBe(true);
  });

  it('refuses a truncated file, an empty one, another architecture, and a torchvision-named file with another hash', async () => {
    await expect(checkWeights(bytes.subarray(0, 100_000), 'cut.safetensors')).rejects.toThrow(
      /^cut\.safetensors could not be read as \.pth or \.safetensors/,
    );
    await expect(checkWeights(new Uint8Array(0), 'empty.pth')).rejects.toThrow(/empty\.pth is empty/);
    const cnn = new Uint8Array(readFileSync('../shared/fixtures/cnn64/weights.safetensors'));
    await expect(checkWeights(cnn, 'cnn.safetensors')).rejects.toThrow(/cnn\.safetensors is not a ResNet-18 state_dict: .*missing/);
    const pth = new Uint8Array(readFileSync('../shared/fixtures/cnn64/weights.pth'));
    await expect(checkWeights(pth, 'resnet18-f37072fd.pth')).rejects.toThrow(/not a ResNet-18 state_dict/);
    await expect(checkWeights(bytes, 'resnet18-f37072fd.pth')).rejects.toThrow(
      /SHA-256 begins [0-9a-f]{8}, not f37072fd: it is damaged or a different file/,
    );
  });

  it('reads the BatchNorm statistics, refuses untrained weights where trained ones are required, and names a course download', async () => {
    const w = await checkWeights(bytes, 'weights.safetensors', { requireTrained: true });
    expect(w.batchNorm.atInit).toBe(0);
    expect(weightsText(w)).toMatch(
      new RegExp(
        `; its BatchNorm statistics show trained weights \\(all ${BN_LAYERS} layers moved from mean 0 and variance 1; average running variance [\\d.]+, average \\|running mean\\| [\\d.]+\\)\\.$`,
      ),
    );
    expect(weightsText({ ...w, courseUrl: 'https://huggingface.co/timm/resnet18.tv_in1k/resolve/main/model.safetensors' })).toMatch(
      /\): the course's ImageNet weights from huggingface\.co; its BatchNorm statistics show trained weights/,
    );
    const fresh = writeSafetensors(initResnet18State(1000, 0) as TensorMap);
    expect((await checkWeights(fresh, 'fresh.safetensors')).batchNorm.atInit).toBe(BN_LAYERS);
    await expect(checkWeights(fresh, 'fresh.safetensors', { requireTrained: true })).rejects.toThrow(
      /^fresh\.safetensors is not pretrained: its BatchNorm statistics are torch's initial values in all \d+ layers .*never trained$/,
    );
  });

  it('labels runs without weights "not pretrained"', () => {
    expect(chartLabel(null)).toBe('ResNet-18, not pretrained');
    expect(weightsText(null)).toMatch(/random weights \(not pretrained\)/);
  });
});
