/**
 * The augmentation pipeline as torchvision.transforms classes with the same parameters, applied to
 * float CHW tensors in [0, 1] as the book applies them (after resizing, before the model, training
 * batches only). The classes draw from torch's generator (seeded by the run's seed), so the
 * transforms and their distributions are the book's but the individual draws are not.
 */
import type { Pipeline, PipelineStep } from '../augment/pipeline';
import { type PyValue, pyLiteral } from './py-literal';

const tuple = (xs: readonly PyValue[]) => `(${xs.map(pyLiteral).join(', ')}${xs.length === 1 ? ',' : ''})`;
const mode = (m: string) => `InterpolationMode.${m.toUpperCase()}`;

/** One step as a torchvision.transforms constructor call (names as `import torchvision.transforms as T`). */
export function torchvisionStep(step: PipelineStep): string {
  switch (step.op) {
    case 'RandomHorizontalFlip':
      return `T.RandomHorizontalFlip(p=${pyLiteral(step.params.p)})`;
    case 'ColorJitter': {
      const p = step.params;
      return `T.ColorJitter(brightness=${tuple(p.brightness)}, contrast=${tuple(p.contrast)}, saturation=${tuple(p.saturation)}, hue=${tuple(p.hue)})`;
    }
    case 'RandomPerspective': {
      const p = step.params;
      return `T.RandomPerspective(distortion_scale=${pyLiteral(p.distortion_scale)}, p=${pyLiteral(p.p)}, interpolation=${mode(p.interpolation)}, fill=${pyLiteral(p.fill)})`;
    }
    case 'RandomResizedCrop': {
      const p = step.params;
      return `T.RandomResizedCrop(size=${tuple(p.size)}, scale=${tuple(p.scale)}, ratio=${tuple(p.ratio)}, interpolation=InterpolationMode.BILINEAR, antialias=${pyLiteral(p.antialias)})`;
    }
    case 'RandomCrop': {
      const p = step.params;
      return `T.RandomCrop(size=${tuple(p.size)}, padding=${tuple(p.padding)}, fill=${pyLiteral(p.fill)}, padding_mode=${pyLiteral(p.padding_mode)})`;
    }
    case 'RandomRotation': {
      const p = step.params;
      return `T.RandomRotation(degrees=${tuple(p.degrees)}, interpolation=${mode(p.interpolation)}, fill=${pyLiteral(p.fill)})`;
    }
    case 'RandomErasing': {
      const p = step.params;
      return `T.RandomErasing(p=${pyLiteral(p.p)}, scale=${tuple(p.scale)}, ratio=${tuple(p.ratio)}, value=${p.value === 'random' ? "'random'" : tuple(p.value)})`;
    }
    case 'GaussianBlur':
      return `T.GaussianBlur(kernel_size=${tuple(step.params.kernel_size)}, sigma=${tuple(step.params.sigma)})`;
  }
}

/** Python source of `make_augment()`: a torchvision Compose of the pipeline, or None without augmentation. */
export function augmentSource(pipeline: Pipeline): string {
  const body = pipeline.length === 0
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
