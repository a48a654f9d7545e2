/**
 * Whether a gradient's dy has the shape the convolution or pool geometry says ([n, outHeight, outWidth,
 * outChannels]). tfjs's kernels take it as given (tfjs-core's conv2dTranspose spec hands one an 8×8 dy for
 * a 4×4 output); the book's kernels hand such calls to tfjs's rather than read dy with the wrong strides.
 */
export function dyMatches(
  dy: { shape: number[] },
  info: { batchSize: number; outHeight: number; outWidth: number; outChannels: number },
): boolean {
  const want = [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
  return dy.shape.length === 4 && dy.shape.every((d, i) => d === want[i]);
}
