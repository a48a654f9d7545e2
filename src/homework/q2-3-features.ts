/** The feature-space facts q2.3d is checked against: class centroids of a run's backbone features and which classes lie closest or apart. */

/** Euclidean distances between class centroids of [n, d] row-major features; throws when a class has no point. */
export function classCentroidDistances(features: Float32Array, d: number, labels: ArrayLike<number>, classes: number): number[][] {
  const n = labels.length;
  if (features.length !== n * d) throw new Error(`features hold ${features.length} values, not ${n} points × ${d}`);
  const sums = Array.from({ length: classes }, () => new Float64Array(d));
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new Error(`label ${c} of point ${i} is outside 0..${classes - 1}`);
    counts[c]++;
    const s = sums[c];
    for (let k = 0; k < d; k++) s[k] += features[i * d + k];
  }
  const empty = counts.indexOf(0);
  if (empty >= 0) throw new Error(`class ${empty} has no point, so it has no centroid`);
  const centroids = sums.map((s, c) => s.map((v) => v / counts[c]));
  return centroids.map((a) =>
    centroids.map((b) => {
      let sq = 0;
      for (let k = 0; k < d; k++) sq += (a[k] - b[k]) ** 2;
      return Math.sqrt(sq);
    }),
  );
}

/** The two classes (smaller number first) whose centroids are closest; ties go to the first pair in row order. */
export function closestPair(dist: readonly (readonly number[])[]): [number, number] {
  let best: [number, number] = [0, 1];
  for (let i = 0; i < dist.length; i++) for (let j = i + 1; j < dist.length; j++) if (dist[i][j] < dist[best[0]][best[1]]) best = [i, j];
  return best;
}

/** The two classes whose centroids are farthest apart (smaller number first). */
export function farthestPair(dist: readonly (readonly number[])[]): [number, number] {
  let best: [number, number] = [0, 1];
  for (let i = 0; i < dist.length; i++) for (let j = i + 1; j < dist.length; j++) if (dist[i][j] > dist[best[0]][best[1]]) best = [i, j];
  return best;
}

/** The class whose nearest other centroid is farthest away (the most isolated cluster). */
export function mostIsolated(dist: readonly (readonly number[])[]): number {
  const nearest = dist.map((row, i) => Math.min(...row.filter((_, j) => j !== i)));
  return nearest.indexOf(Math.max(...nearest));
}

/** True when the pair is unambiguous: the closest distance is at least `margin` (relative) below the second closest. */
export function clearlyClosest(dist: readonly (readonly number[])[], margin = 0.01): boolean {
  const all: number[] = [];
  for (let i = 0; i < dist.length; i++) for (let j = i + 1; j < dist.length; j++) all.push(dist[i][j]);
  all.sort((a, b) => a - b);
  return all.length < 2 || all[1] - all[0] >= margin * all[1];
}
