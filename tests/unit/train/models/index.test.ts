import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS, MODEL_KINDS, choiceList, fineTuningModels, fineTuningProblem, isModelKind, modelOf } from '../../../../src/train/models';
import { RUN_QUESTIONS, isRunQuestion } from '../../../../src/record/questions';
import type { RunConfig } from '../../../../src/record/run-record';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (over: Partial<RunConfig>): RunConfig => ({
  model: 'cnn',
  question: 'q2.2',
  imageSize: 32,
  epochs: 1,
  batchSize: 4,
  learningRate: 1e-3,
  adamEpsilon: 1e-8,
  seed: 3,
  augmentations: [],
  pretrained: null,
  ...over,
});
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

describe('the model registry', () => {
  it('names each model by its own kind, in the order the CLIs list them', () => {
    expect(MODEL_KINDS).toEqual(['cnn', 'resnet18']);
    expect(Object.keys(MODELS)).toEqual([...MODEL_KINDS]);
    for (const k of MODEL_KINDS) expect(MODELS[k].kind).toBe(k);
  });

  it('knows only its own names (not inherited properties) and names the choices for an unknown one', () => {
    expect(MODEL_KINDS.every(isModelKind)).toBe(true);
    for (const x of ['vgg', 'toString', '__proto__', '', 3, null]) expect(isModelKind(x)).toBe(false);
    expect(() => modelOf('vgg')).toThrow('unknown model "vgg" (cnn or resnet18)');
  });

  it('writes choices as a phrase', () => {
    expect(choiceList(['a'])).toBe('a');
    expect(choiceList(['cnn', 'resnet18'])).toBe('cnn or resnet18');
    expect(choiceList(['resnet18', 'cnn', 'none'])).toBe('resnet18, cnn or none');
  });

  it('refuses fine-tuning settings for a model trained from scratch only', () => {
    expect(fineTuningModels()).toBe('ResNet-18');
    expect(fineTuningProblem({ model: 'cnn' })).toBeNull();
    expect(fineTuningProblem({ model: 'cnn', fineTuning: 'full', batchNorm: 'train', normalization: 'none' })).toBeNull();
    for (const bad of [{ fineTuning: 'frozen' }, { batchNorm: 'eval' }, { normalization: 'imagenet' }]) {
      expect(fineTuningProblem({ model: 'cnn', ...bad })).toBe('fineTuning, batchNorm and ImageNet normalisation apply to ResNet-18 only');
      expect(fineTuningProblem({ model: 'resnet18', ...bad })).toBeNull();
    }
  });

  it('gives each model a default question a run can answer and a Python builder the script dispatches to', () => {
    for (const k of MODEL_KINDS) {
      expect(isRunQuestion(MODELS[k].question)).toBe(true);
      expect(MODELS[k].python).toContain(`\ndef build_${k}_model(torch, nn, classes, weights_path):\n`);
    }
    expect(RUN_QUESTIONS).toEqual(['q2.2', 'q2.3', 'q2.4']);
    expect(isRunQuestion('q2.5')).toBe(false);
  });

  for (const kind of MODEL_KINDS) {
    it(`${kind}: its seeded init passes its weights check, builds a model of its kind, and has as many parameters as it counts`, async () => {
      const def = MODELS[kind];
      const s = config({ model: kind, imageSize: 32 });
      const settled = def.settle(s);
      const state = def.init(settled.imageSize, 4, settled.seed);
      expect(() => def.checkState(state)).not.toThrow();
      expect(() => def.checkState(new Map([...state].slice(1)))).toThrow(/these weights do not fit .*missing 1: conv1\.weight/);
      const model = def.build(tf, state, def.buildOptions(settled, 4));
      try {
        expect([model.kind, model.classes]).toEqual([kind, 4]);
        const counted = [...model.params.values()].reduce((a, v) => a + size(v.shape), 0);
        expect(def.parameterCount(32, 4)).toBe(counted);
        expect(def.trainedParameterCount({ imageSize: 32, fineTuning: settled.fineTuning }, 4)).toBe(
          [...model.trainable.values()].reduce((a, v) => a + size(v.shape), 0),
        );
        const logits = model.forward(tf.zeros([2, 32, 32, 3]));
        expect(logits.shape).toEqual([2, 4]);
        logits.dispose();
      } finally {
        model.dispose();
      }
    });
  }

  it('the CNN: a fixed input side, a multiple of 16, trained from scratch', () => {
    expect(MODELS.cnn.imageSizeProblem(64)).toBeNull();
    for (const bad of [0, 8, 40]) expect(MODELS.cnn.imageSizeProblem(bad)).toMatch(/^a multiple of 16/);
    expect(MODELS.cnn.parameterCount(40, 10)).toBeNull();
    expect(MODELS.cnn.parameterCount(null, 10)).toBeNull();
    expect(MODELS.cnn.inputSizeFixedBy).not.toBeNull();
    expect(MODELS.cnn.settle(config({}))).toEqual(config({}));
  });

  it('ResNet-18: any input side; fine-tuning defaults made explicit; only the head trains on a frozen backbone', () => {
    const r = MODELS.resnet18;
    expect([8, 37, 224].map((s) => r.imageSizeProblem(s))).toEqual([null, null, null]);
    expect(r.settle(config({ model: 'resnet18' }))).toMatchObject({ fineTuning: 'full', batchNorm: 'train', normalization: 'imagenet' });
    expect(r.settle(config({ model: 'resnet18', fineTuning: 'frozen' }))).toMatchObject({ fineTuning: 'frozen', batchNorm: 'eval' });
    expect(r.buildOptions(r.settle(config({ model: 'resnet18', fineTuning: 'frozen', seed: 9 })), 5)).toEqual({
      classes: 5,
      headSeed: 9,
      frozenBackbone: true,
      batchNorm: 'eval',
    });
    expect(r.trainedParameterCount({ imageSize: 64, fineTuning: 'frozen' }, 10)).toBe(512 * 10 + 10);
    expect(r.parameterCount(null, 10)).toBe(r.parameterCount(224, 10));
  });
});
