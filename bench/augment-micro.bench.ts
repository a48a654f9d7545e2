/** Micro-benchmark of the tfjs op shapes augmentation relies on (broadcast vs same-shape multiply, gather, split), per backend. */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/train/backends';

for (const backend of (process.argv[2] ?? 'cpu,wasm').split(',')) {
  await selectBackend(tf, { preferred: [backend] });
  const a = tf.randomUniform([32, 64, 64, 3]);
  const b = tf.randomUniform([32, 64, 64, 1]);
  const c = tf.randomUniform([32, 64, 64, 3]);
  const n = tf.randomUniform([32, 1, 1, 1]);
  const idx = tf.randomUniform([32 * 64 * 64], 0, 32 * 64 * 64, 'int32');
  const cases: [string, () => tf.Tensor][] = [
    ['mul same shape', () => a.mul(c)],
    ['mul by [N,H,W,1]', () => a.mul(b)],
    ['mul by [N,1,1,1]', () => a.mul(n)],
    ['gather rows', () => tf.gather(a.reshape([-1, 3]), idx)],
    ['split channels', () => tf.split(a, 3, 3)[0]],
    ['sum channels', () => a.sum(3, true)],
  ];
  for (const [name, f] of cases) {
    tf.tidy(() => {
      f().dataSync();
    });
    const t0 = performance.now();
    for (let i = 0; i < 5; i++)
      tf.tidy(() => {
        f().dataSync();
      });
    console.log(`${backend} ${name}: ${((performance.now() - t0) / 5).toFixed(2)} ms`);
  }
  tf.dispose([a, b, c, n, idx]);
}
process.exit(0);
