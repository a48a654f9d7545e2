/**
 * The augmentation pipeline of a run (q2.4): torchvision's random transform classes with their
 * constructor parameters, as JSON ([{op, params}, …]) for the run record, in canonical form (every
 * default filled in, ranges as [min, max]) so that the record says exactly what was applied.
 */
import type { Interpolation } from './grid-sample';
import type { PadMode } from './resample-weights';

/** A [min, max] range. */
export type Range = [number, number];

/** One transform of the pipeline, named and parameterised as torchvision.transforms' class. */
export type PipelineStep =
  | { op: 'RandomHorizontalFlip'; params: { p: number } }
  | { op: 'ColorJitter'; params: { brightness: Range; contrast: Range; saturation: Range; hue: Range } }
  | { op: 'RandomPerspective'; params: { distortion_scale: number; p: number; interpolation: Interpolation; fill: number[] } }
  | { op: 'RandomResizedCrop'; params: { size: [number, number]; scale: Range; ratio: Range; antialias: boolean } }
  | { op: 'RandomCrop'; params: { size: [number, number]; padding: [number, number, number, number]; fill: number; padding_mode: PadMode } }
  | { op: 'RandomRotation'; params: { degrees: Range; interpolation: Interpolation; fill: number[] } }
  | { op: 'RandomErasing'; params: { p: number; scale: Range; ratio: Range; value: number[] | 'random' } }
  | { op: 'GaussianBlur'; params: { kernel_size: [number, number]; sigma: Range } };

/** A whole pipeline, applied in order. */
export type Pipeline = PipelineStep[];

/** The transform names a pipeline may use. */
export const PIPELINE_OPS = [
  'RandomHorizontalFlip', 'ColorJitter', 'RandomPerspective', 'RandomResizedCrop', 'RandomCrop',
  'RandomRotation', 'RandomErasing', 'GaussianBlur',
] as const;

/** The output [H, W] of a step on an H × W image (fixed: RandomResizedCrop and RandomCrop set it). */
export function stepOutputSize(step: PipelineStep, h: number, w: number): [number, number] {
  if (step.op === 'RandomResizedCrop' || step.op === 'RandomCrop') return step.params.size;
  return [h, w];
}

/** The output [H, W] of the pipeline on an H × W image. */
export function pipelineOutputSize(pipeline: Pipeline, h: number, w: number): [number, number] {
  return pipeline.reduce<[number, number]>((s, step) => stepOutputSize(step, s[0], s[1]), [h, w]);
}

const fmt = (v: unknown): string => (Array.isArray(v) ? `(${v.map(fmt).join(', ')})` : typeof v === 'string' ? `'${v}'` : String(v));

/** torchvision-style text of a step, e.g. "ColorJitter(brightness=(0.7, 1.3), …)", for tables and the record's names. */
export function describeStep(step: PipelineStep): string {
  return `${step.op}(${Object.entries(step.params).map(([k, v]) => `${k}=${fmt(v)}`).join(', ')})`;
}
