/** One image's drawn step as the torchvision.transforms.functional calls it amounts to (the OPS.json form). */
import type { Draw } from './draws';
import type { FunctionalOp } from './functional';
import type { PipelineStep } from './pipeline';

const JITTER = ['adjust_brightness', 'adjust_contrast', 'adjust_saturation', 'adjust_hue'] as const;
const JITTER_ARG = ['brightness_factor', 'contrast_factor', 'saturation_factor', 'hue_factor'] as const;

/** The functional ops that `step` applied with `draw` performs (empty when it left the image as it was; random-valued erasing, whose noise has no OPS.json form, is left out). */
export function drawToOps(step: PipelineStep, draw: Draw): FunctionalOp[] {
  switch (draw.op) {
    case 'RandomHorizontalFlip': return draw.flip ? [{ op: 'hflip' }] : [];
    case 'ColorJitter':
      return draw.order.filter((k) => draw.factors[k] !== null)
        .map((k) => ({ op: JITTER[k], [JITTER_ARG[k]]: draw.factors[k] }) as FunctionalOp);
    case 'RandomPerspective': {
      if (step.op !== 'RandomPerspective' || draw.endpoints === null) return [];
      return [{ op: 'perspective', startpoints: draw.startpoints, endpoints: draw.endpoints, interpolation: step.params.interpolation, fill: step.params.fill }];
    }
    case 'RandomResizedCrop': {
      if (step.op !== 'RandomResizedCrop') return [];
      return [{ op: 'resized_crop', ...draw.box, size: step.params.size, antialias: step.params.antialias }];
    }
    case 'RandomCrop': {
      if (step.op !== 'RandomCrop') return [];
      const { padding, fill, padding_mode: mode, size } = step.params;
      const pad: FunctionalOp[] = padding.some((p) => p > 0) ? [{ op: 'pad', padding, fill, padding_mode: mode }] : [];
      return [...pad, { op: 'crop', top: draw.top, left: draw.left, height: size[0], width: size[1] }];
    }
    case 'RandomRotation':
      if (step.op !== 'RandomRotation' || draw.angle === 0) return [];
      return [{ op: 'rotate', angle: draw.angle, interpolation: step.params.interpolation, fill: step.params.fill }];
    case 'RandomErasing':
      if (step.op !== 'RandomErasing' || draw.box === null || step.params.value === 'random') return [];
      return [{ op: 'erase', ...draw.box, v: step.params.value }];
    case 'GaussianBlur':
      if (step.op !== 'GaussianBlur') return [];
      return [{ op: 'gaussian_blur', kernel_size: step.params.kernel_size, sigma: [draw.sigma, draw.sigma] }];
  }
}
