import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNode } from '../../../cli/node-decoders';
import { folderSource } from '../../../cli/read-input';
import { decodePacked } from '../../../src/data/packed-format';
import { decodeOne, packFolder, UnsupportedImageError, type DecodeFn } from '../../../src/data/pack-folder';
import { DatasetError } from '../../../src/data/folder-scan';
import { encodeJpeg, encodePng, pattern } from '../../fixtures-gen/encode-images';
import { makeImageFolder, type FixtureFolder } from '../../fixtures-gen/make-image-folder';

let dir: string;
let fixture: FixtureFolder;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pack-folder-'));
  fixture = makeImageFolder(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeOne', () => {
  it('decodes, centre-crops and resizes a JPEG to size×size RGB', async () => {
    const rgba = new Uint8Array(60 * 20 * 4);
    for (let y = 0; y < 20; y++)
      for (let x = 0; x < 60; x++) rgba.set(x < 20 || x >= 40 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * 60 + x) * 4);
    const r = await decodeOne(encodePng(60, 20, rgba), decodeNode, 8);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pixels.length).toBe(8 * 8 * 3);
    // The centre crop keeps the blue middle third only.
    expect(Array.from(r.pixels.subarray(0, 3))).toEqual([0, 0, 255]);
    expect(r.header).toMatchObject({ format: 'png', width: 60, height: 20 });
  });

  it('reports a truncated JPEG as corrupt instead of throwing', async () => {
    const jpg = encodeJpeg(40, 40, pattern(40, 40, 2));
    const r = await decodeOne(jpg.subarray(0, jpg.length >> 1), decodeNode, 16);
    expect(r).toMatchObject({ ok: false, reason: 'corrupt', message: expect.stringMatching(/could not decode JPEG/) });
  });

  it('maps UnsupportedImageError to the unsupported reason', async () => {
    const refuse: DecodeFn = () => {
      throw new UnsupportedImageError('WebP is unsupported in this decoder');
    };
    const r = await decodeOne(encodePng(4, 4, pattern(4, 4, 0)), refuse, 16);
    expect(r).toMatchObject({ ok: false, reason: 'unsupported', message: 'WebP is unsupported in this decoder' });
  });
});

describe('packFolder', () => {
  it('packs the valid images, reports every bad file and round-trips through decodePacked', async () => {
    const src = await folderSource(fixture.dir);
    const { manifest, bytes, report } = await packFolder(src.entries, src.readBatch, decodeNode, {
      name: 'fx',
      size: 16,
      source: 'test',
      batchSize: 5,
    });
    expect(manifest.classes).toEqual(['cat', 'dog', 'owl']);
    expect(manifest.count).toBe(12);
    const skipped = Object.fromEntries(report.files.filter((f) => f.status === 'skipped').map((f) => [f.path, f.reason]));
    expect(skipped).toEqual(fixture.bad);
    expect(report.emptyClasses).toEqual(fixture.emptyClasses);
    const ds = await decodePacked(JSON.parse(JSON.stringify(manifest)), bytes);
    expect(Array.from(ds.labels)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(ds.pixels.length).toBe(12 * 16 * 16 * 3);
  });

  it('drops a class whose images all fail to decode and re-maps the labels', async () => {
    const src = await folderSource(fixture.dir);
    const failDogs: DecodeFn = (b, h) => {
      if (h.width === 41 || h.width === 49 || h.width === 57 || h.width === 65) throw new Error('boom');
      return decodeNode(b, h);
    };
    const { manifest, report } = await packFolder(src.entries, src.readBatch, failDogs, { name: 'fx', size: 16, source: 'test' });
    expect(manifest.classes).toEqual(['cat', 'owl']);
    expect(report.emptyClasses).toEqual(['dog', 'empty_class']);
  });

  it('throws a DatasetError when fewer than 2 classes decode', async () => {
    const src = await folderSource(fixture.dir);
    const onlyCats: DecodeFn = (b, h) => {
      if (h.width % 8 !== 0) throw new Error('boom');
      return decodeNode(b, h);
    };
    await expect(packFolder(src.entries, src.readBatch, onlyCats, { name: 'fx', size: 16, source: 't' })).rejects.toThrow(DatasetError);
  });
});
