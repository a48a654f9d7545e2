/** Layer-by-layer output shapes and parameter counts of the homework CNN (rendered by the chapter). */

/** One row: a layer, its output shape (C, H, W as PyTorch prints it, or [features]) and parameters. */
export interface ShapeRow {
  layer: string;
  output: number[];
  params: number;
}

/** Channel widths of the three convolutions. */
export const CNN_CHANNELS = [32, 64, 128] as const;
/** Pool size (= stride) after each convolution. */
export const CNN_POOLS = [4, 2, 2] as const;

/** Throws a clear error unless `imageSize` is a positive multiple of 16 (pools of 4·2·2). */
export function checkImageSize(imageSize: number): void {
  if (!Number.isInteger(imageSize) || imageSize < 16 || imageSize % 16 !== 0) {
    throw new Error(
      `The CNN needs an input size that is a positive multiple of 16 (pools of 4, 2 and 2 divide it by 16); got ${imageSize}`,
    );
  }
}

/** Every layer's output shape and parameter count for a square input of side `imageSize`. */
export function shapeTable(imageSize: number, inChannels = 3, classes = 10): ShapeRow[] {
  checkImageSize(imageSize);
  const rows: ShapeRow[] = [{ layer: 'input', output: [inChannels, imageSize, imageSize], params: 0 }];
  let c = inChannels;
  let s = imageSize;
  CNN_CHANNELS.forEach((out, i) => {
    rows.push({ layer: `conv${i + 1} 3×3, pad 1`, output: [out, s, s], params: out * c * 9 + out });
    rows.push({ layer: `relu${i + 1}`, output: [out, s, s], params: 0 });
    s /= CNN_POOLS[i];
    rows.push({ layer: `maxpool${i + 1} ${CNN_POOLS[i]}×${CNN_POOLS[i]}`, output: [out, s, s], params: 0 });
    c = out;
  });
  const features = c * s * s;
  rows.push({ layer: 'flatten', output: [features], params: 0 });
  rows.push({ layer: 'fc', output: [classes], params: features * classes + classes });
  return rows;
}

/** Total trainable parameters of the CNN at this input size. */
export function parameterCount(imageSize: number, inChannels = 3, classes = 10): number {
  return shapeTable(imageSize, inChannels, classes).reduce((a, r) => a + r.params, 0);
}
