/**
 * The augmentation pipeline of a run (q2.4): torchvision's random transform classes with their
 * constructor parameters, as JSON ([{op, params}, …]) for the run record, in canonical form (every
 * default filled in, ranges as [min, max]) so that the record says exactly what was applied.
 * The transforms themselves are src/augment/transforms/, one module each.
 */
import { PIPELINE_OPS, type StepOf, TRANSFORMS, type TransformName } from './transforms';

export type { Range } from './transforms/transform';
export { PIPELINE_OPS };

/** One transform of the pipeline, named and parameterised as torchvision.transforms' class. */
export type PipelineStep = StepOf;

/** A whole pipeline, applied in order. */
export type Pipeline = PipelineStep[];

/** The output [H, W] of a step on an H × W image (fixed: RandomResizedCrop and RandomCrop set it). */
export function stepOutputSize<K extends TransformName>(step: StepOf<K>, h: number, w: number): [number, number] {
  return TRANSFORMS[step.op].outputSize?.(step.params, h, w) ?? [h, w];
}

/** The output [H, W] of the pipeline on an H × W image. */
export function pipelineOutputSize(pipeline: Pipeline, h: number, w: number): [number, number] {
  return pipeline.reduce<[number, number]>((s, step) => stepOutputSize(step, s[0], s[1]), [h, w]);
}

const fmt = (v: unknown): string => (Array.isArray(v) ? `(${v.map(fmt).join(', ')})` : typeof v === 'string' ? `'${v}'` : String(v));

/** torchvision-style text of a step, e.g. "ColorJitter(brightness=(0.7, 1.3), …)", for tables and the record's names. */
export function describeStep(step: PipelineStep): string {
  return `${step.op}(${Object.entries(step.params)
    .map(([k, v]) => `${k}=${fmt(v)}`)
    .join(', ')})`;
}
