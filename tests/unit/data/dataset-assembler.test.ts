import { describe, expect, it } from 'vitest';
import { DatasetAssembler } from '../../../src/data/dataset-assembler';
import type { DecodedResponse, SkippedResponse } from '../../../src/data/decode-protocol';
import { DatasetError, scanFolder } from '../../../src/data/folder-scan';
import { decodePacked } from '../../../src/data/packed-format';

const SIZE = 2;
const entries = [
  { path: 'w/cat/a.jpg', size: 10 },
  { path: 'w/cat/b.jpg', size: 10 },
  { path: 'w/dog/c.png', size: 10 },
  { path: 'w/dog/d.png', size: 10 },
  { path: 'w/owl/e.png', size: 10 },
  { path: 'w/notes.txt', size: 3 },
];
const decoded = (id: number, value: number): DecodedResponse => ({
  type: 'decoded',
  id,
  path: '',
  pixels: new Uint8Array(SIZE * SIZE * 3).fill(value).buffer,
  size: SIZE,
  format: 'png',
  width: 40,
  height: 30,
  notes: [],
});
const skipped = (id: number): SkippedResponse => ({
  type: 'skipped',
  id,
  path: '',
  reason: 'corrupt',
  message: 'bad bytes',
  format: 'jpeg',
  width: 5,
  height: 5,
});

describe('DatasetAssembler', () => {
  it('packs answers given out of order, in scan order, with a report', async () => {
    const scan = scanFolder(entries);
    const a = new DatasetAssembler(scan, SIZE);
    expect(a.total).toBe(5);
    a.add(4, decoded(4, 50));
    a.add(1, skipped(1));
    a.add(0, decoded(0, 10));
    a.add(3, decoded(3, 40));
    a.add(2, decoded(2, 30));
    expect(a.done).toBe(5);
    const { manifest, bytes, report } = await a.finish({ name: 'mine', source: 'test' });
    expect(manifest).toMatchObject({ classes: ['cat', 'dog', 'owl'], count: 4, imageSize: SIZE, channels: 3 });
    const ds = await decodePacked(manifest, bytes);
    expect(Array.from(ds.labels)).toEqual([0, 1, 1, 2]);
    expect([0, 1, 2, 3].map((i) => ds.pixels[i * 12])).toEqual([10, 30, 40, 50]);
    expect(report.perClass).toEqual([
      { name: 'cat', count: 1 },
      { name: 'dog', count: 2 },
      { name: 'owl', count: 1 },
    ]);
    const bad = report.files.filter((f) => f.status === 'skipped').map((f) => [f.path, f.reason]);
    expect(bad).toEqual([
      ['w/notes.txt', 'stray-file'],
      ['w/cat/b.jpg', 'corrupt'],
    ]);
    expect(manifest.sizeStats?.count).toBe(4);
  });

  it('drops a class that lost every image and remaps the labels', async () => {
    const a = new DatasetAssembler(scanFolder(entries), SIZE);
    a.fail(0, 'could not read');
    a.add(1, skipped(1));
    a.add(2, decoded(2, 1));
    a.add(3, decoded(3, 2));
    a.add(4, decoded(4, 3));
    const { manifest, bytes, report } = await a.finish({ name: 'x', source: '' });
    expect(manifest.classes).toEqual(['dog', 'owl']);
    expect(Array.from(bytes.subarray(bytes.length - 3))).toEqual([0, 0, 1]);
    expect(report.emptyClasses).toEqual(['cat']);
  });

  it('throws a DatasetError when fewer than 2 classes survive, and marks unanswered files', async () => {
    const a = new DatasetAssembler(scanFolder(entries), SIZE);
    a.add(2, decoded(2, 1));
    const err = await a.finish({ name: 'x', source: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect(err.message).toMatch(/only 1 class \(dog\)/);
    expect((err as DatasetError).skipped.some((f) => /loading stopped early/.test(f.message ?? ''))).toBe(true);
  });

  it('refuses too many bytes, a wrong size and unknown indices with clear errors', async () => {
    expect(() => new DatasetAssembler(scanFolder(entries), 224, 1000)).toThrow(/Choose a smaller image size/);
    expect(() => new DatasetAssembler(scanFolder(entries), 0)).toThrow(/size/);
    const a = new DatasetAssembler(scanFolder(entries), SIZE);
    expect(() => a.add(9, decoded(9, 0))).toThrow(/no file 9/);
    a.add(0, { ...decoded(0, 0), size: 3, pixels: new ArrayBuffer(27) });
    const { report } = await (async () => {
      a.add(2, decoded(2, 1));
      a.add(4, decoded(4, 1));
      return a.finish({ name: 'x', source: '' });
    })();
    expect(report.files.find((f) => f.path === 'w/cat/a.jpg')?.message).toMatch(/expected 2×2/);
  });
});
