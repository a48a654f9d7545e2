/** One image's drawn step as the torchvision.transforms.functional calls it amounts to (the OPS.json form). */
import type { FunctionalOp } from './functional';
import { type DrawMap, type StepOf, TRANSFORMS, type TransformName } from './transforms';

/** The functional ops that `step` applied with `draw` performs (empty when it left the image as it was, or when the draw is another transform's; random-valued erasing, whose noise has no OPS.json form, is left out). */
export function drawToOps<K extends TransformName>(step: StepOf<K>, draw: DrawMap[K]): FunctionalOp[] {
  if (draw.op !== step.op) return [];
  return TRANSFORMS[step.op].ops(step.params, draw);
}
