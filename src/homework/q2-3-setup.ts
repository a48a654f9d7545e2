/** q2.3's setup questions, from the handed-in q2.3 run's configuration: how many weights it trained, and what its BatchNorm layers normalised with. */
import { resnet18ParameterCount, trainedParameterCount } from '../comparison/model-parameters';
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake, NumberMistake } from '../exercises/types';
import { RESNET18_FEATURES, resnet18Shapes } from '../train/resnet18';
import type { RunRecord } from '../record/run-record';
import { q23Run } from './q2-3-run';
import { EXACT, distinctMistakes } from './answer-tolerance';

/** ImageNet's classes: the size of the `fc` a fine-tuning script forgets to replace. */
export const IMAGENET_CLASSES = 1000;

/** What BatchNorm may normalise with while training; the run's settings pick the right one. */
export const BATCH_NORM_OPTIONS = [
  { id: 'batch', label: 'The mean and variance of each training batch (train mode), updating the running statistics as it goes.' },
  {
    id: 'running',
    label: "The running statistics stored in the starting weights (eval mode, ImageNet's when pretrained), unchanged by training.",
  },
  { id: 'dataset', label: 'The mean and variance of the whole training split, computed once before training.' },
  { id: 'none', label: 'Nothing: BatchNorm layers are skipped while fine-tuning.' },
];

/** The statistics the run's BatchNorm layers used while training: the trainer's defaults for a record without the fields (full, train mode). */
export function batchNormStatistics(config: RunRecord['config']): 'batch' | 'running' {
  return config.fineTuning === 'frozen' || config.batchNorm === 'eval' ? 'running' : 'batch';
}

/** Every tensor of torchvision's ResNet-18 state_dict, BatchNorm buffers included, for `classes` outputs. */
function stateDictSize(classes: number): number {
  let n = 0;
  for (const [, shape] of resnet18Shapes(classes)) n += shape.reduce((a, b) => a * b, 1);
  return n;
}

function trainedMistakes(run: RunRecord, answer: number): NumberMistake[] {
  const classes = run.dataset.classes.length;
  const frozen = run.config.fineTuning === 'frozen';
  const head = RESNET18_FEATURES * classes + classes;
  return distinctMistakes(
    [
      frozen
        ? {
            id: 'all',
            value: resnet18ParameterCount(classes),
            message: 'That counts every layer; your run froze its backbone, so only the new fc trained.',
          }
        : { id: 'head-only', value: head, message: 'That is the new fc alone; your run fine-tuned every layer.' },
      {
        id: 'imagenet-head',
        value: frozen ? RESNET18_FEATURES * IMAGENET_CLASSES + IMAGENET_CLASSES : resnet18ParameterCount(IMAGENET_CLASSES),
        message: "That counts ImageNet's 1,000-way fc; the fine-tuned model replaces it by one with an output per class of your data set.",
      },
      {
        id: 'no-bias',
        value: frozen ? RESNET18_FEATURES * classes : NaN,
        message: 'The fc layer has a bias per class as well as its weights.',
      },
      {
        id: 'buffers',
        value: frozen ? NaN : stateDictSize(classes),
        message: "BatchNorm's running_mean, running_var and num_batches_tracked are buffers in the state_dict, not trained weights.",
      },
    ],
    answer,
    EXACT.abs!,
  );
}

function batchNormMistakes(answer: 'batch' | 'running'): ChoiceMistake[] {
  const other = answer === 'batch' ? 'running' : 'batch';
  return [
    {
      id: `said-${other}`,
      chosen: [other],
      message:
        answer === 'batch'
          ? "Look at your run's settings: every layer trained with BatchNorm in train mode, and in train mode it normalises with the statistics of the batch in front of it."
          : "Look at your run's settings: with a frozen backbone, or BatchNorm set to eval while training, the layers normalise with their stored running statistics.",
    },
    {
      id: 'dataset',
      chosen: ['dataset'],
      message:
        "PyTorch's BatchNorm never computes statistics over a whole split: in train mode it uses each batch, in eval mode its running averages.",
    },
    { id: 'none', chosen: ['none'], message: 'BatchNorm runs in both modes; what changes is which statistics it normalises with.' },
  ];
}

/** q2.3.setup: the weights the run trained (from its fine-tuning mode and classes) and its BatchNorm statistics. */
export const q23setup: ExerciseDef = {
  id: 'q2.3.setup',
  usesRuns: true,
  marks: 1.5,
  title: 'What your fine-tuning run trained',
  inputs: [
    {
      key: 'q2.3.setup.trained',
      kind: 'number',
      label: 'How many weights (parameters) did your handed-in q2.3 run train?',
      example: '2359296',
    },
    {
      key: 'q2.3.setup.batch_norm',
      kind: 'choice',
      label: 'While your run trained, what did its BatchNorm layers normalise with?',
      multiple: false,
      options: BATCH_NORM_OPTIONS,
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = q23Run(context?.runs);
    const trained = run ? trainedParameterCount(run.config, run.dataset.classes.length) : null;
    if (run?.config.model !== 'resnet18' || trained === null) {
      return [
        { kind: 'text', key: 'q2.3.setup.trained', marks: 1 },
        { kind: 'text', key: 'q2.3.setup.batch_norm', marks: 0.5 },
      ];
    }
    const bn = batchNormStatistics(run.config);
    return [
      { kind: 'number', key: 'q2.3.setup.trained', marks: 1, answer: trained, tol: EXACT, mistakes: trainedMistakes(run, trained) },
      {
        kind: 'choice',
        key: 'q2.3.setup.batch_norm',
        marks: 0.5,
        multiple: false,
        options: BATCH_NORM_OPTIONS,
        correct: [bn],
        mistakes: batchNormMistakes(bn),
      },
    ];
  },
  hints: [
    'Which layers had requires_grad on in your run: only the new fc (frozen backbone), or every layer? Count weights and biases alike.',
    "For full fine-tuning, count every convolution weight, every BatchNorm scale and shift and your fc, but not BatchNorm's buffers (running_mean, running_var): they are updated, not trained.",
  ],
};
