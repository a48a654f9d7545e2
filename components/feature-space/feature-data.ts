/** What the feature-space views draw: an embedding with each point's class, split and (optionally) its image. */

/** Points of one embedding; `images` (NHWC uint8, `imageSize`², `channels`) lets hovering show a point's picture. */
export interface FeatureSpaceData {
  embedding: Float32Array;
  dims: 2 | 3;
  labels: ArrayLike<number>;
  classes: string[];
  /** 'train' | 'val' per point (optional). */
  splits?: ArrayLike<string>;
  /** The predicted class per point (optional), shown on hover. */
  predicted?: ArrayLike<number>;
  images?: { pixels: Uint8Array; imageSize: number; channels: 1 | 3; index: ArrayLike<number> };
  /** What the points are, in the title and the exported figure (e.g. "validation features of ResNet-18, not pretrained"). */
  subject?: string;
  /** KL and trustworthiness shown beside the picture. */
  kl?: number;
  trustworthiness?: number;
}

/** Ten distinguishable class colours (d3.schemeTableau10). */
export const CLASS_COLOURS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/** The colour of class c. */
export function classColour(c: number): string {
  return CLASS_COLOURS[c % CLASS_COLOURS.length];
}
