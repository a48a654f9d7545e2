/** CLI: write a packed data set (by default the book's default set, public/data/default) as an image folder, one PNG per image, for the exported PyTorch script's --data. Exit 0 ok, 1 data error, 2 usage error. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { decodePacked, type PackedDataset } from '../src/data/packed-format';
import { imageToRgba } from '../src/data/sample-pixels';

export const UNPACK_USAGE = `Usage: npm run unpack-dataset -- --out DIR [--in public/data/default]

Writes a data set packed for the book (<in>.json + <in>.bin; default: the book's default data set) as an
image folder: DIR/<NN>-<class>/<index>.png, one sub-folder per class. The exported PyTorch script of a run
on that data set reads it with --data DIR, in the same class order and with the same 70/10/20 split as the book.

  --out <dir>   the folder to write (must be missing or empty)
  --in <path>   the packed data set without extension (default public/data/default)
  --help        this text`;

/** Folder names that sort (by code unit) in the data set's class order and are safe on every file system: "00-T-shirt_top". */
export function classFolderNames(classes: readonly string[]): string[] {
  const width = String(Math.max(0, classes.length - 1)).length;
  return classes.map(
    (c, i) => `${String(i).padStart(width, '0')}-${c.replace(/[^A-Za-z0-9 ._-]+/g, '_').replace(/^[ .]+|[ .]+$/g, '') || 'class'}`,
  );
}

/** File names that sort in the data set's order within each class: the image's index, zero-padded. */
export function imageFileName(index: number, count: number): string {
  return `${String(index).padStart(String(Math.max(0, count - 1)).length, '0')}.png`;
}

/** Writes every image of `d` under `out`; returns the number written. */
export function writeImageFolder(d: PackedDataset, out: string): number {
  const m = d.manifest;
  const folders = classFolderNames(m.classes);
  for (const f of folders) mkdirSync(join(out, f), { recursive: true });
  for (let i = 0; i < m.count; i++) {
    const png = new PNG({ width: m.imageSize, height: m.imageSize });
    png.data = Buffer.from(imageToRgba(d.pixels, i, m.imageSize, m.channels));
    writeFileSync(join(out, folders[d.labels[i]], imageFileName(i, m.count)), PNG.sync.write(png, { colorType: m.channels === 1 ? 0 : 2 }));
  }
  return m.count;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let v: { out?: string; in?: string; help?: boolean };
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: { out: { type: 'string' }, in: { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (e) {
    console.error(`unpack-dataset: ${(e as Error).message}\n\n${UNPACK_USAGE}`);
    return 2;
  }
  if (v.help) {
    console.log(UNPACK_USAGE);
    return 0;
  }
  if (!v.out) {
    console.error(`unpack-dataset: --out is required\n\n${UNPACK_USAGE}`);
    return 2;
  }
  if (existsSync(v.out) && readdirSync(v.out).length > 0) {
    console.error(`unpack-dataset: ${v.out} is not empty; give a new folder`);
    return 2;
  }
  const base = (v.in ?? 'public/data/default').replace(/\.(json|bin)$/, '');
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.bin`)) {
    console.error(
      `unpack-dataset: ${base}.json and ${base}.bin are needed${v.in ? '' : ' (npm run prepare-data writes the default data set)'}`,
    );
    return 1;
  }
  try {
    const d = await decodePacked(readFileSync(`${base}.json`, 'utf8'), new Uint8Array(readFileSync(`${base}.bin`)));
    const n = writeImageFolder(d, v.out);
    console.log(
      `wrote ${n} images of "${d.manifest.name}" (${d.manifest.classes.length} classes, ${d.manifest.imageSize}×${d.manifest.imageSize}) to ${v.out}: python3 train.py --data ${v.out} --out run.json`,
    );
    return 0;
  } catch (e) {
    console.error(`unpack-dataset: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
