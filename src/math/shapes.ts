/** Shapes and the parameter count of the one-hidden-layer softmax classifier of Question 1.2. */

/** Layer sizes: input Dx, hidden Da, classes K, and m samples stacked as columns. */
export interface NetworkSizes {
  Dx: number;
  Da: number;
  K: number;
  m: number;
}

/** One named array with its [rows, cols] shape and whether it is a trainable parameter. */
export interface NamedShape {
  name: string;
  shape: [number, number];
  trainable: boolean;
}

/** Every array of the forward pass for m stacked samples, in order (b[1], b[2] broadcast over the m columns). */
export function networkShapes(s: NetworkSizes): NamedShape[] {
  return [
    { name: 'X', shape: [s.Dx, s.m], trainable: false },
    { name: 'W[1]', shape: [s.Da, s.Dx], trainable: true },
    { name: 'b[1]', shape: [s.Da, 1], trainable: true },
    { name: 'Z[1]', shape: [s.Da, s.m], trainable: false },
    { name: 'A[1]', shape: [s.Da, s.m], trainable: false },
    { name: 'W[2]', shape: [s.K, s.Da], trainable: true },
    { name: 'b[2]', shape: [s.K, 1], trainable: true },
    { name: 'Z[2]', shape: [s.K, s.m], trainable: false },
    { name: 'Ŷ', shape: [s.K, s.m], trainable: false },
  ];
}

/** Trainable parameters: Da·Dx + Da + K·Da + K. */
export function parameterCount(s: Pick<NetworkSizes, 'Dx' | 'Da' | 'K'>): number {
  return s.Da * s.Dx + s.Da + s.K * s.Da + s.K;
}
