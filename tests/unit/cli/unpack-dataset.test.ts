import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classFolderNames, imageFileName, writeImageFolder } from '../../../cli/unpack-dataset';
import { mulberry32 } from '../../../src/data/rng';
import { decodePacked, encodePacked } from '../../../src/data/packed-format';
import { stratifiedSplit } from '../../../src/data/split';
import { pytorchScript } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { runRecord } from '../export/fixtures';
import { callScript, hasPython, writeScript } from '../export/python';

const tmp = mkdtempSync(join(tmpdir(), 'unpack-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('classFolderNames and imageFileName', () => {
  it('keep the class order when sorted and make every name safe', () => {
    const classes = ['T-shirt/top', 'Trouser', 'Ankle boot', 'a:b*c', '..'];
    const names = classFolderNames(classes);
    expect(names).toEqual(['0-T-shirt_top', '1-Trouser', '2-Ankle boot', '3-a_b_c', '4-class']);
    expect(names.slice().sort()).toEqual(names);
    const twelve = classFolderNames(Array.from({ length: 12 }, (_, i) => `c${i}`));
    expect(twelve.slice().sort()).toEqual(twelve);
    expect(imageFileName(7, 5000)).toBe('0007.png');
    expect(imageFileName(4999, 5000)).toBe('4999.png');
  });
});

describe('writeImageFolder', () => {
  it('writes a folder that the exported script splits exactly as the book splits the packed set', async () => {
    const g = mulberry32(3);
    const classes = ['T-shirt/top', 'Trouser', 'Pullover'];
    const count = 61;
    const labels = Uint8Array.from({ length: count }, () => Math.floor(g() * classes.length));
    const pixels = Uint8Array.from({ length: count * 16 }, () => Math.floor(g() * 256));
    const packed = await encodePacked({ name: 'tiny', classes, imageSize: 4, channels: 1, pixels, labels, source: 'test' });
    const out = join(tmp, 'tiny');
    expect(writeImageFolder(await decodePacked(packed.manifest, packed.bytes), out)).toBe(count);
    expect(readdirSync(out)).toEqual(classFolderNames(classes));

    expect(hasPython, 'python3 is needed to run the generated split code').toBe(true);
    const seed = 42;
    const script = writeScript(pytorchScript(specFromRun(runRecord({ seed }, classes))));
    const got = callScript<{ files: string[]; split: Record<'train' | 'val' | 'test', number[]> }>(
      script,
      [
        `classes, files, skipped, empty = m.scan_folder(m.list_folder(${JSON.stringify(out)}))`,
        `split = m.stratified_split([l for _, l in files], len(classes), ${seed}, {"train": 0.7, "val": 0.1, "test": 0.2})`,
        'print(json.dumps({"files": [p for p, _ in files], "split": split}))',
      ].join('\n'),
    );
    const keys = callScript<{ folders: string[]; manifest: string[] }>(
      script,
      `print(json.dumps({"folders": [m.class_key(c) for c in ${JSON.stringify(readdirSync(out))}], "manifest": [m.class_key(c) for c in ${JSON.stringify(classes)}]}))`,
    );
    expect(keys.folders, "the script's class_key reads an unpacked folder's names as the run's classes").toEqual(keys.manifest);
    const book = stratifiedSplit(labels, classes.length, seed);
    const imageOf = (path: string) => Number(path.split('/').pop()!.replace('.png', ''));
    for (const k of ['train', 'val', 'test'] as const) {
      expect(got.split[k].map((i) => imageOf(got.files[i])).sort((a, b) => a - b)).toEqual(book[k].slice().sort((a, b) => a - b));
    }
  });
});
