import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { BATCH_LIMITS, isIgnored, unpackFiles } from '../../../src/grading/unpack-files';

const file = (name: string, text: string) => ({ name, bytes: strToU8(text) });

describe('unpackFiles', () => {
  it('passes JSON files through and unpacks zips with nested folders', () => {
    const zip = zipSync({
      'hw/a/one.json': strToU8('{}'),
      'hw/b/two.json': strToU8('[]'),
      '__MACOSX/hw/._one.json': strToU8('x'),
      'hw/.DS_Store': strToU8('x'),
    });
    const r = unpackFiles([file('x.json', '{}'), { name: 'batch.zip', bytes: zip }]);
    expect(r.files.map((f) => f.name).sort()).toEqual(['batch.zip/hw/a/one.json', 'batch.zip/hw/b/two.json', 'x.json']);
    expect(r.rejected).toEqual([]);
  });
  it('unpacks one level of nested zips but not two', () => {
    const inner = zipSync({ 'a.json': strToU8('{}') });
    const outer = zipSync({ 'inner.zip': inner });
    const r = unpackFiles([{ name: 'outer.zip', bytes: outer }]);
    expect(r.files.map((f) => f.name)).toEqual(['outer.zip/inner.zip/a.json']);
    const r2 = unpackFiles([{ name: 'o2.zip', bytes: zipSync({ 'outer.zip': outer }) }]);
    expect(r2.files).toEqual([]);
    expect(r2.rejected[0].reason).toMatch(/nested/);
  });
  it('rejects other files, oversized files and broken archives with reasons', () => {
    const big = { name: 'big.json', bytes: new Uint8Array(BATCH_LIMITS.maxFileBytes + 1) };
    const r = unpackFiles([file('notes.txt', 'hi'), big, file('broken.zip', 'PK\u0003\u0004 not really')]);
    expect(r.files).toEqual([]);
    expect(r.rejected.map((x) => x.name)).toEqual(['notes.txt', 'big.json', 'broken.zip']);
    expect(r.rejected.every((x) => x.reason.length > 0)).toBe(true);
  });
  it('guards against zip bombs: an entry declaring more than 5 MiB is not inflated', () => {
    const bomb = zipSync({ 'bomb.json': new Uint8Array(BATCH_LIMITS.maxFileBytes + 10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const r = unpackFiles([{ name: 'bomb.zip', bytes: bomb }]);
    expect(r.files).toEqual([]);
    expect(r.rejected).toEqual([{ name: 'bomb.zip/bomb.json', reason: expect.stringMatching(/larger than 5 MiB/) }]);
  });
  it('guards against zip bombs: total unpacked size over all archives is limited', () => {
    const limits = { ...BATCH_LIMITS, maxFileBytes: 1000, maxUnpackedBytes: 5000 };
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) entries[`f${i}.json`] = new Uint8Array(999);
    const r = unpackFiles([{ name: 'a.zip', bytes: zipSync(entries) }], limits);
    expect(r.files).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/unpack to more than/);
  });
  it('guards against zip bombs: the number of entries is limited', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 20; i++) entries[`f${i}.json`] = new Uint8Array(0);
    const r = unpackFiles([{ name: 'many.zip', bytes: zipSync(entries) }], { ...BATCH_LIMITS, maxEntries: 20 });
    expect(r.files).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/more than 20 entries/);
  });
  it('a lying header cannot make an entry larger than it declares', () => {
    const zip = zipSync({ 'a.json': new Uint8Array(100_000).fill(32) });
    const view = new DataView(zip.buffer);
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 10, true);
    }
    const r = unpackFiles([{ name: 'liar.zip', bytes: zip }]);
    expect(r.files.length + r.rejected.length).toBe(1);
    expect(r.files.every((f) => f.bytes.length <= 10)).toBe(true);
  });
});

describe('isIgnored', () => {
  it('skips folders, hidden files and macOS metadata', () => {
    expect(isIgnored('a/')).toBe(true);
    expect(isIgnored('__MACOSX/x.json')).toBe(true);
    expect(isIgnored('a/.hidden.json')).toBe(true);
    expect(isIgnored('a/b.json')).toBe(false);
  });
});
