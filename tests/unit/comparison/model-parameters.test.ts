import { describe, expect, it } from 'vitest';
import { modelParameterCount, resnet18ParameterCount } from '../../../src/comparison/model-parameters';

/** ResNet-18 counted layer by layer from the paper's table (independent of resnet18Shapes): conv weights, BN scale+shift, fc. */
function resnet18ByHand(classes: number): number {
  const conv = (o: number, i: number, k: number) => o * i * k * k;
  const bn = (c: number) => 2 * c;
  let n = conv(64, 3, 7) + bn(64);
  let inC = 64;
  for (const [c, stride] of [
    [64, 1],
    [128, 2],
    [256, 2],
    [512, 2],
  ]) {
    for (let b = 0; b < 2; b++) {
      n += conv(c, inC, 3) + bn(c) + conv(c, c, 3) + bn(c);
      if (b === 0 && (stride !== 1 || inC !== c)) n += conv(c, inC, 1) + bn(c);
      inC = c;
    }
  }
  return n + 512 * classes + classes;
}

describe('resnet18ParameterCount', () => {
  it("matches torchvision's documented 11,689,512 for the ImageNet head and a hand count for 10 classes", () => {
    expect(resnet18ParameterCount(1000)).toBe(11_689_512);
    expect(resnet18ParameterCount(10)).toBe(resnet18ByHand(10));
    expect(resnet18ParameterCount(10)).toBe(11_689_512 - 512 * 990 - 990);
  });
});

describe('modelParameterCount', () => {
  it('counts the CNN from its three convolutions and the linear layer at the run’s input size', () => {
    const convs = 32 * 3 * 9 + 32 + (64 * 32 * 9 + 64) + (128 * 64 * 9 + 128);
    for (const size of [32, 64, 128]) {
      expect(modelParameterCount({ model: 'cnn', imageSize: size }, 10)).toBe(convs + 128 * (size / 16) ** 2 * 10 + 10);
    }
    // The linear layer at 64×64 has 20,490 parameters, as chapter 2.2 says.
    expect(modelParameterCount({ model: 'cnn', imageSize: 64 }, 10)! - convs).toBe(20_490);
  });
  it('gives ResNet-18 whatever the input size, and null for a CNN size that is not a multiple of 16', () => {
    expect(modelParameterCount({ model: 'resnet18', imageSize: 224 }, 10)).toBe(resnet18ByHand(10));
    expect(modelParameterCount({ model: 'cnn', imageSize: 50 }, 10)).toBeNull();
  });
});
