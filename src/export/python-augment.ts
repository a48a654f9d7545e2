/**
 * The augmentation pipeline as torchvision.transforms classes with the same parameters, applied to
 * float CHW tensors in [0, 1] as the book applies them (after resizing, before the model, training
 * batches only). The classes draw from torch's generator (seeded by the run's seed), so the
 * transforms and their distributions are the book's but the individual draws are not.
 */
import type { Pipeline } from '../augment/pipeline';
import { type StepOf, TRANSFORMS, type TransformName } from '../augment/transforms';

/** One step as a torchvision.transforms constructor call (names as `import torchvision.transforms as T`). */
export function torchvisionStep<K extends TransformName>(step: StepOf<K>): string {
  return TRANSFORMS[step.op].torchvision(step.params);
}

/** Python source of `make_augment()`: a torchvision Compose of the pipeline, or None without augmentation. */
export function augmentSource(pipeline: Pipeline): string {
  const body =
    pipeline.length === 0
      ? '    return None'
      : [
          '    import torchvision.transforms as T',
          '    from torchvision.transforms import InterpolationMode',
          '    return T.Compose([',
          ...pipeline.map((s) => `        ${torchvisionStep(s)},`),
          '    ])',
        ].join('\n');
  return `
def make_augment():
    """The run's training augmentation as torchvision.transforms (per image, CHW float in [0, 1]); None when it has none."""
${body}
`;
}
