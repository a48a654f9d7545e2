import { describe, expect, it } from 'vitest';
import { TRAIN_USAGE, parseTrainArgs } from '../../../cli/train-args';
import { MODEL_KINDS } from '../../../src/train/models';

const error = (argv: string[]) => {
  const r = parseTrainArgs(['--data', 'd', ...argv]);
  return r.ok === false ? r.error : null;
};

describe('parseTrainArgs', () => {
  it('offers every registered model and takes each one', () => {
    expect(TRAIN_USAGE).toContain(`--model ${MODEL_KINDS.join('|')}`);
    for (const model of MODEL_KINDS) expect(parseTrainArgs(['--data', 'd', '--model', model])).toMatchObject({ ok: true, args: { model } });
    expect(error(['--model', 'vgg'])).toBe('--model must be cnn or resnet18, got "vgg"');
  });

  it("checks the input side by the model's rule", () => {
    expect(error(['--size', '40'])).toBe('--size must be a multiple of 16 (the CNN pools by 4·2·2), got 40');
    expect(error(['--model', 'resnet18', '--size', '8'])).toBe('--size must be at least 16 for ResNet-18, got 8');
    expect(parseTrainArgs(['--data', 'd', '--model', 'resnet18', '--size', '40'])).toMatchObject({ ok: true, args: { size: 40 } });
  });

  it('keeps fine-tuning flags for the fine-tuned model and --init for the one trained from scratch', () => {
    expect(error(['--weights', 'w.pth'])).toBe('--weights, --fine-tune and --batchnorm apply to --model resnet18 (the CNN takes --init)');
    expect(error(['--model', 'resnet18', '--init', 'w.safetensors'])).toBe('ResNet-18 takes its weights with --weights, not --init');
    expect(parseTrainArgs(['--data', 'd', '--model', 'resnet18', '--fine-tune', 'frozen'])).toMatchObject({
      ok: true,
      args: { fineTune: 'frozen', batchNorm: 'eval' },
    });
  });
});
