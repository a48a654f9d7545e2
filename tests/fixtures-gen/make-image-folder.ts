/**
 * Writes a small image folder for tests: 3 classes (cat, dog, owl) of valid PNG/JPEG/GIF images
 * under a common root, plus bad entries: a zero-byte .jpg, a .txt, a truncated PNG, a random-bytes
 * .jpg, a stray top-level file, an empty class folder and a .DS_Store.
 * Run directly: `npx tsx tests/fixtures-gen/make-image-folder.ts <dir>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../src/data/rng';
import { encodeGif, encodeJpeg, encodePng, pattern } from './encode-images';

export interface FixtureFolder {
  /** The folder to pass to the packer (contains `root/`). */
  dir: string;
  /** Valid images per class. */
  valid: Record<string, number>;
  /** Expected skip reason per relative path. */
  bad: Record<string, string>;
  emptyClasses: string[];
}

/** Creates the fixture under `dir` (which may exist); `classes` chooses how many class folders get images (1–3). */
export function makeImageFolder(dir: string, classes = 3): FixtureFolder {
  const names = ['cat', 'dog', 'owl'].slice(0, classes);
  const root = join(dir, 'root');
  const valid: Record<string, number> = {};
  names.forEach((name, c) => {
    mkdirSync(join(root, name), { recursive: true });
    for (let i = 0; i < 4; i++) {
      const w = 40 + 8 * i + c;
      const h = 30 + 6 * ((i + c) % 3);
      const rgba = pattern(w, h, c * 10 + i);
      const file = i % 3 === 0 ? `img${i}.png` : i % 3 === 1 ? `img${i}.jpg` : `img${i}.gif`;
      const bytes = file.endsWith('.png') ? encodePng(w, h, rgba) : file.endsWith('.jpg') ? encodeJpeg(w, h, rgba) : encodeGif(w, h, rgba);
      writeFileSync(join(root, name, file), bytes);
    }
    valid[name] = 4;
  });
  const first = names[0];
  const rng = mulberry32(99);
  const bad: Record<string, string> = {
    [`root/${first}/zero.jpg`]: 'empty-file',
    [`root/${first}/notes.txt`]: 'not-image',
    [`root/${first}/truncated.png`]: 'corrupt',
    [`root/${first}/random.jpg`]: 'corrupt',
    'root/README.md': 'stray-file',
    'root/.DS_Store': 'hidden',
  };
  writeFileSync(join(dir, 'root', first, 'zero.jpg'), new Uint8Array(0));
  writeFileSync(join(dir, 'root', first, 'notes.txt'), 'not an image\n');
  writeFileSync(join(dir, 'root', first, 'truncated.png'), encodePng(64, 64, pattern(64, 64, 5)).subarray(0, 120));
  writeFileSync(
    join(dir, 'root', first, 'random.jpg'),
    Uint8Array.from({ length: 500 }, () => Math.floor(rng() * 256)),
  );
  writeFileSync(join(dir, 'root', 'README.md'), '# stray\n');
  writeFileSync(join(dir, 'root', '.DS_Store'), new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]));
  mkdirSync(join(root, 'empty_class'), { recursive: true });
  return { dir, valid, bad, emptyClasses: ['empty_class'] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: tsx tests/fixtures-gen/make-image-folder.ts <dir> [classes]');
    process.exit(2);
  }
  const f = makeImageFolder(target, Number(process.argv[3] ?? 3));
  console.log(`Wrote ${Object.keys(f.valid).length} classes to ${join(target, 'root')}`);
}
