/** q2.4.pipeline: what the augmented run's transforms do (from its record): which move pixels, how many versions of an image it trained on, what evaluation sees. */
import { PIPELINE_OPS } from '../augment/pipeline';
import { TRANSFORMS } from '../augment/transforms';
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake, NumberMistake, PartSpec } from '../exercises/types';
import type { RunRecord } from '../record/run-record';
import { EXACT, distinctMistakes } from './answer-tolerance';
import { augmentationPair } from './q2-4-runs';

type Op = (typeof PIPELINE_OPS)[number];

/** The transforms that move pixels to other places (geometric); the others change pixel values (ColorJitter, GaussianBlur) or cover them (RandomErasing). */
export const GEOMETRIC_OPS: readonly Op[] = PIPELINE_OPS.filter((op) => TRANSFORMS[op].geometric);

/** Options of both choices: every transform the book offers, then "none". */
export const TRANSFORM_OPTIONS = [...PIPELINE_OPS.map((op) => ({ id: op, label: op })), { id: 'none', label: 'None of them' }];

const isOp = (name: string): name is Op => (PIPELINE_OPS as readonly string[]).includes(name);

/** The transform names of a run's pipeline ("RandomCrop" from a version-1 "RandomCrop(64, padding=4)" too), or null when one is not a transform the book knows. */
export function runTransforms(run: RunRecord): Op[] | null {
  const list: unknown[] = Array.isArray(run.config.augmentations) ? run.config.augmentations : [];
  const names = list.map((e) =>
    typeof e === 'string' ? e.split('(')[0].trim() : typeof e === 'object' && e !== null ? String((e as { op?: unknown }).op) : '',
  );
  return names.every(isOp) ? names : null;
}

function geometricPart(ops: readonly Op[]): PartSpec {
  const geometric = PIPELINE_OPS.filter((op) => ops.includes(op) && GEOMETRIC_OPS.includes(op));
  const correct = geometric.length > 0 ? [...geometric] : ['none'];
  const base = geometric.length > 0 ? correct : [];
  const mistakes: ChoiceMistake[] = [];
  for (const op of PIPELINE_OPS) {
    if (ops.includes(op) && GEOMETRIC_OPS.includes(op)) continue;
    mistakes.push(
      ops.includes(op)
        ? {
            id: `value-${op}`,
            chosen: [...base, op],
            message: `${op} changes (or covers) the values of pixels; it leaves every pixel where it was.`,
          }
        : {
            id: `absent-${op}`,
            chosen: [...base, op],
            message: `Your augmented run did not use ${op}: read its pipeline in the runs list or its record.`,
          },
    );
  }
  if (geometric.length > 0)
    mistakes.push({
      id: 'said-none',
      chosen: ['none'],
      message: 'At least one transform of your run moves pixels: a crop, a flip, a perspective change or a rotation.',
    });
  return { kind: 'choice', key: 'q2.4.pipeline.geometric', marks: 1, multiple: true, options: TRANSFORM_OPTIONS, correct, mistakes };
}

function versionsMistakes(run: RunRecord, ops: readonly Op[], answer: number): NumberMistake[] {
  return distinctMistakes(
    [
      {
        id: 'per-transform',
        value: answer * ops.length,
        message:
          'The transforms do not each make a copy: the whole pipeline runs once each time an image is loaded, giving one new version.',
      },
      {
        id: 'transforms',
        value: ops.length,
        message:
          'The number of transforms is not the number of versions: every time the image is loaded, all of them run with fresh random parameters.',
      },
      { id: 'once', value: 1, message: 'Augmentation is drawn afresh every time an image is loaded, not once before training.' },
      { id: 'planned', value: run.config.epochs, message: 'Your run stopped before its planned epochs; count the epochs it completed.' },
    ],
    answer,
    EXACT.abs!,
  );
}

const EVAL_MISTAKES: ChoiceMistake[] = PIPELINE_OPS.map((op) => ({
  id: `eval-${op}`,
  chosen: [op],
  message:
    'Only training images are augmented: validation and test images are measured as they are, so that their numbers compare from run to run.',
}));

/** q2.4.pipeline: the geometric transforms of the augmented run, the versions of each image it trained on, and what evaluation applies. */
export const q24pipeline: ExerciseDef = {
  id: 'q2.4.pipeline',
  usesRuns: true,
  marks: 2,
  title: 'What your augmentation pipeline does',
  inputs: [
    {
      key: 'q2.4.pipeline.geometric',
      kind: 'choice',
      label: 'Which transforms of your handed-in augmented run move pixels to other places (geometric), rather than change their values?',
      multiple: true,
      options: TRANSFORM_OPTIONS,
    },
    {
      key: 'q2.4.pipeline.versions',
      kind: 'number',
      label: 'At most how many different random versions of each training image did your augmented run train on?',
      example: '25',
    },
    {
      key: 'q2.4.pipeline.evaluation',
      kind: 'choice',
      label: 'Which of these transforms were applied to the validation and test images?',
      multiple: true,
      options: TRANSFORM_OPTIONS,
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const { augmented: run } = augmentationPair(context?.runs);
    const ops = run ? runTransforms(run) : null;
    const evaluation: PartSpec = {
      kind: 'choice',
      key: 'q2.4.pipeline.evaluation',
      marks: 0.5,
      multiple: true,
      options: TRANSFORM_OPTIONS,
      correct: ['none'],
      mistakes: EVAL_MISTAKES,
    };
    if (!run || !ops || run.epochs.length === 0) {
      return [
        { kind: 'text', key: 'q2.4.pipeline.geometric', marks: 1 },
        { kind: 'text', key: 'q2.4.pipeline.versions', marks: 0.5 },
        evaluation,
      ];
    }
    const versions = run.epochs.length;
    return [
      geometricPart(ops),
      {
        kind: 'number',
        key: 'q2.4.pipeline.versions',
        marks: 0.5,
        answer: versions,
        tol: EXACT,
        mistakes: versionsMistakes(run, ops, versions),
      },
      evaluation,
    ];
  },
  hints: [
    'A geometric transform moves content: a crop, a flip, a perspective change or a rotation. ColorJitter and GaussianBlur change values; RandomErasing covers a patch.',
    'Each time the loader hands an image to the training loop, the whole pipeline runs on it with new random parameters. How often is each training image loaded during your run?',
  ],
};
