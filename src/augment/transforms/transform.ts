/** What every augmentation transform provides, in one module: its parameters, the seeded draw, the batched apply, its functional calls, its form and its torchvision source. */
import type { Rng } from '../../data/rng';
import type { TF, Tensor } from '../../tensor/tf-types';
import type { Obj } from '../check';
import type { FunctionalOp } from '../functional';

/** A [min, max] range. */
export type Range = [number, number];

/**
 * One torchvision random transform class (`Op`: its name; `P`: its canonical parameters, every default
 * filled in; `D`: one image's draw). Methods that read a draw get only draws of this transform.
 */
export interface AugmentTransform<Op extends string, P extends object, D extends { op: Op }> {
  /** Its name in a student's words, for messages ("Random horizontal flip"). */
  readonly title: string;
  /** True when it moves pixels to other places (geometric); false when it changes their values (colour, blur) or covers them (erasing). */
  readonly geometric: boolean;
  /** The constructor parameters its JSON accepts (a typo must not silently become a default). */
  readonly accepts: readonly string[];
  /** What a parameter means, said before its label in messages and shown as the field's hint ("the probability" p); none where the label says it. */
  readonly about: { readonly [K in keyof P]?: string };
  /** The canonical step from constructor parameters `p` (torchvision's defaults filled in); throws a ParamError naming `field(k)`. */
  parse(p: Obj, field: (k: string) => string): { op: Op; params: P };
  /** The constructor parameters the book's form starts from at image size `size`. */
  start(size: number): Obj;
  /** The output [H, W] on an H × W image, where it is not the input's. */
  outputSize?(params: P, h: number, w: number): [number, number];
  /** The parameters with the fixed output set to side × side (crops), so a pipeline keeps images at the size the model takes. */
  fit?(params: P, side: number): P;
  /** Why the step cannot run on an H × W image, as torchvision would fail at call time, or null. */
  misfit?(params: P, h: number, w: number): string | null;
  /** One image's draw on an H × W input: torchvision's `get_params` and coin, in the same order of draws. */
  draw(rng: Rng, params: P, h: number, w: number): D;
  /** The step applied to the batch x [N, H, W, C] with draws[n] for image n, as tfjs ops. */
  apply(tf: TF, x: Tensor, params: P, draws: readonly D[]): Tensor;
  /** The torchvision.transforms.functional calls one image's draw amounts to (empty when it left the image as it was). */
  ops(params: P, draw: D): FunctionalOp[];
  /** The torchvision.transforms constructor call (as `import torchvision.transforms as T`). */
  torchvision(params: P): string;
}
