/** The registry of exercise kinds: one line a kind. `PartSpec` and `InputDef` are derived from it, so a new kind is handled everywhere or fails to compile. */
import type { ExerciseKind } from './kind';
import { choice } from './choice';
import { formula } from './formula';
import { matrix } from './matrix';
import { number } from './number';
import { shape } from './shape';
import { text } from './text';
import { vector } from './vector';

/** Every kind by name. */
export const KINDS = { number, vector, matrix, shape, formula, choice, text };

type Kinds = typeof KINDS;
/** The name of a kind (`number`, `vector`, …). */
export type PartKind = keyof Kinds;
/** Everything needed to grade one input (one answer key), for one variant; plain data. */
export type PartSpec = { [K in PartKind]: Kinds[K] extends ExerciseKind<infer S, infer _I> ? S : never }[PartKind];
/** The static description of one input of an exercise, enough to render it without grading it. */
export type InputDef = { [K in PartKind]: NonNullable<Kinds[K]['input']> }[PartKind];

/** The kind module of `spec` (typed to its own spec), or null for a kind the registry does not know (corrupt data). */
export function kindOf<S extends PartSpec>(spec: S): ExerciseKind<S, InputDef & { kind: S['kind'] }> | null {
  return Object.hasOwn(KINDS, spec.kind) ? (KINDS[spec.kind] as unknown as ExerciseKind<S, InputDef & { kind: S['kind'] }>) : null;
}

/** True when `name` is a registered kind. */
export function isPartKind(name: string): name is PartKind {
  return Object.hasOwn(KINDS, name);
}
