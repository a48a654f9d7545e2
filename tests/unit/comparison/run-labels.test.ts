import { describe, expect, it } from 'vitest';
import { pretrainedText, questionText, runLabel, runSetup } from '../../../src/comparison/run-labels';
import { homeworkRuns } from '../../helpers/run-records';

describe('runLabel', () => {
  it('names question, model, size, backend and epochs, and says whether a ResNet-18 run was pretrained', () => {
    const [cnn, resnet] = homeworkRuns();
    expect(runLabel(cnn)).toBe('q2.2 CNN · 64 px · pytorch · 5/5 ep');
    expect(runLabel(resnet)).toBe('q2.3 ResNet-18 · 64 px · pytorch · 5/5 ep · pretrained');
    const scratch = { ...resnet, config: { ...resnet.config, pretrained: null } };
    expect(runLabel(scratch)).toBe('q2.3 ResNet-18 · 64 px · pytorch · 5/5 ep · not pretrained');
    expect(pretrainedText(cnn)).toBe('');
  });
});

describe('runSetup', () => {
  it('gives the model, fine-tuning mode, augmentations and weights source of each kind of run', () => {
    const [cnn, resnet, aug] = homeworkRuns();
    expect(runSetup(cnn)).toEqual({ model: 'CNN', fineTuning: 'from scratch', augmentation: 'none', weights: 'random (not pretrained)' });
    const frozen = {
      ...resnet,
      config: { ...resnet.config, fineTuning: 'frozen' as const, weights: { source: 'weights.safetensors', sha256: 'ab' } },
    };
    expect(runSetup(frozen)).toEqual({
      model: 'ResNet-18',
      fineTuning: 'frozen backbone (only fc trained)',
      augmentation: 'none',
      weights: 'pretrained: weights.safetensors',
    });
    expect(runSetup(resnet).fineTuning).toBe('all layers');
    expect(runSetup(resnet).weights).toBe(`pretrained: ${resnet.config.pretrained}`);
    expect(runSetup({ ...resnet, config: { ...resnet.config, pretrained: null } }).weights).toBe('random (not pretrained)');
    expect(runSetup(aug).augmentation).toBe((aug.config.augmentations as string[]).join(', '));
  });
});

describe('questionText', () => {
  it('says the question in words, without the answer-key form', () => {
    expect(questionText('q2.3')).toBe('question 2.3 (ResNet-18 fine-tuned)');
    expect(questionText('q2.2')).not.toMatch(/q2\./);
  });
});
