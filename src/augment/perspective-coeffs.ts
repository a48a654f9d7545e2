/** torchvision's `_get_perspective_coeffs`: the 8 coefficients mapping output points to input points. */

/** A corner list [top-left, top-right, bottom-right, bottom-left] of [x, y] pixel positions. */
export type Corners = [number, number][];

/**
 * Solves A·c = b for the 8 coefficients (a, b, c, d, e, f, g, h) of
 * (x, y) ↦ ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1)), mapping each
 * endpoint to its startpoint. torchvision solves this 8×8 system by least squares (gels; float64
 * since 0.15) and rounds to float32; for a square full-rank system that is the exact solution,
 * computed here by Gaussian elimination with partial pivoting in float64.
 */
export function perspectiveCoeffs(startpoints: Corners, endpoints: Corners): number[] {
  if (startpoints.length !== 4 || endpoints.length !== 4) throw new Error('perspective: startpoints and endpoints need 4 corners each');
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = endpoints[i];
    const [u, v] = startpoints[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(u, v);
  }
  for (let col = 0; col < 8; col++) {
    let piv = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
    if (Math.abs(a[piv][col]) < 1e-12) throw new Error('perspective: the corner points are degenerate (no unique transform)');
    [a[col], a[piv]] = [a[piv], a[col]];
    [b[col], b[piv]] = [b[piv], b[col]];
    for (let r = col + 1; r < 8; r++) {
      const k = a[r][col] / a[col][col];
      for (let cc = col; cc < 8; cc++) a[r][cc] -= k * a[col][cc];
      b[r] -= k * b[col];
    }
  }
  const c = new Array<number>(8).fill(0);
  for (let r = 7; r >= 0; r--) {
    let s = b[r];
    for (let cc = r + 1; cc < 8; cc++) s -= a[r][cc] * c[cc];
    c[r] = s / a[r][r];
  }
  return c.map((v) => Math.fround(v));
}
