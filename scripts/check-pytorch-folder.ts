/**
 * A small image folder in the homework's layout for the PyTorch export checks: one sub-folder per
 * class under a common root, PNG and JPEG images of varied sizes and aspect ratios (so the centre
 * crop matters), plus entries the book skips (hidden, stray, not an image, zero bytes, an empty class).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJpeg, encodePng, pattern } from '../tests/fixtures-gen/encode-images';

/** Writes `perClass[i]` images for class `classes[i]` under `dir/<root>/`; returns the folder to pass as --data. */
export function makeExportFolder(dir: string, classes: string[], perClass: number[], root = 'photos'): string {
  const base = join(dir, root);
  classes.forEach((name, c) => {
    mkdirSync(join(base, name), { recursive: true });
    for (let i = 0; i < perClass[c]; i++) {
      const w = 24 + ((i * 7 + c * 5) % 40);
      const h = 20 + ((i * 11 + c * 3) % 36);
      const rgba = pattern(w, h, c * 101 + i);
      const png = i % 3 !== 1;
      writeFileSync(
        join(base, name, `img_${String(i).padStart(3, '0')}.${png ? 'png' : 'jpg'}`),
        png ? encodePng(w, h, rgba) : encodeJpeg(w, h, rgba, 92),
      );
    }
  });
  writeFileSync(join(base, classes[0], 'notes.txt'), 'not an image\n');
  writeFileSync(join(base, classes[0], 'zero.jpg'), new Uint8Array(0));
  writeFileSync(join(base, classes[0], '.hidden.png'), new Uint8Array([1, 2, 3]));
  writeFileSync(join(base, 'README.md'), '# stray\n');
  mkdirSync(join(base, 'empty_class'), { recursive: true });
  return dir;
}
