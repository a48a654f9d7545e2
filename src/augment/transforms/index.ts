/**
 * The registry of augmentation transforms: one line a transform. `PipelineStep` and `Draw` are derived
 * from it, and every switch over transforms is a lookup here, so a new transform is its own module plus
 * its line in this file (and in PIPELINE_OPS and FORM_ORDER, which must name every transform to compile).
 */
import { colorJitter } from './color-jitter';
import { gaussianBlur } from './gaussian-blur';
import { randomCrop } from './random-crop';
import { randomErasing } from './random-erasing';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomPerspective } from './random-perspective';
import { randomResizedCrop } from './random-resized-crop';
import { randomRotation } from './random-rotation';
import type { AugmentTransform } from './transform';

const REGISTRY = {
  RandomHorizontalFlip: randomHorizontalFlip,
  ColorJitter: colorJitter,
  RandomPerspective: randomPerspective,
  RandomResizedCrop: randomResizedCrop,
  RandomCrop: randomCrop,
  RandomRotation: randomRotation,
  RandomErasing: randomErasing,
  GaussianBlur: gaussianBlur,
};

type Registry = typeof REGISTRY;
/** A transform's name, as torchvision.transforms' class. */
export type TransformName = keyof Registry;
/** Each transform's canonical parameters. */
export type ParamsMap = { [K in TransformName]: Registry[K] extends AugmentTransform<K, infer P, infer _D> ? P : never };
/** Each transform's per-image draw. */
export type DrawMap = { [K in TransformName]: Registry[K] extends AugmentTransform<K, infer _P, infer D> ? D : never };
/** A step of one of the transforms `K` (default: any): its name and canonical parameters. */
export type StepOf<K extends TransformName = TransformName> = { [O in K]: { op: O; params: ParamsMap[O] } }[K];
/** One image's draw for one step, of any transform. */
export type Draw = DrawMap[TransformName];

/** Every transform by name, typed so that a step's parameters and draws reach its own transform without casts. */
export const TRANSFORMS: { readonly [K in TransformName]: AugmentTransform<K, ParamsMap[K], DrawMap[K]> } = REGISTRY;

/** `list`, which must name every transform (a compile error otherwise). */
const every = <const L extends readonly TransformName[]>(list: L & ([TransformName] extends [L[number]] ? unknown : never)): L => list;

/** The transform names a pipeline may use, in the book's order of options. */
export const PIPELINE_OPS = every([
  'RandomHorizontalFlip',
  'ColorJitter',
  'RandomPerspective',
  'RandomResizedCrop',
  'RandomCrop',
  'RandomRotation',
  'RandomErasing',
  'GaussianBlur',
] as const);

/** The form's transforms in the order a pipeline applies them: geometry, then colour, then erasing. */
export const FORM_ORDER: readonly TransformName[] = every([
  'RandomResizedCrop',
  'RandomCrop',
  'RandomHorizontalFlip',
  'RandomPerspective',
  'RandomRotation',
  'ColorJitter',
  'GaussianBlur',
  'RandomErasing',
] as const);

/** True when `name` is a transform of the registry. */
export function isTransformName(name: unknown): name is TransformName {
  return typeof name === 'string' && Object.hasOwn(TRANSFORMS, name);
}
