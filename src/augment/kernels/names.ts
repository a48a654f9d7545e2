/** The augmentation kernels' names in tfjs's registry. */
export const AUGMENT_KERNEL = {
  gridSample: 'BookGridSample',
  adjustHue: 'BookAdjustHue',
  separable: 'BookSeparable',
  hflip: 'BookHFlip',
} as const;

/** One of the augmentation kernels' names. */
export type AugmentKernelName = (typeof AUGMENT_KERNEL)[keyof typeof AUGMENT_KERNEL];
