import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodePacked, encodePacked, packedByteLength, parseManifest, type PackInput } from '../../../src/data/packed-format';

function input(): PackInput {
  const count = 5;
  const pixels = new Uint8Array(count * 4 * 4 * 3).map((_, i) => (i * 37) % 256);
  return {
    name: 'tiny',
    classes: ['a', 'b', 'c'],
    imageSize: 4,
    channels: 3,
    pixels,
    labels: Uint8Array.from([0, 1, 2, 1, 0]),
    source: 'test',
  };
}

describe('encodePacked', () => {
  it('lays out pixels then labels and hashes the binary with SHA-256', async () => {
    const { manifest, bytes } = await encodePacked(input());
    expect(bytes.length).toBe(packedByteLength(manifest));
    expect(bytes.length).toBe(5 * 48 + 5);
    expect(Array.from(bytes.subarray(240))).toEqual([0, 1, 2, 1, 0]);
    expect(manifest.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(manifest).toMatchObject({ format: 'dlcv-hw1-dataset', version: 1, count: 5, channels: 3, imageSize: 4 });
  });

  it('rejects pixel buffers of the wrong length and labels out of range', async () => {
    await expect(encodePacked({ ...input(), pixels: new Uint8Array(7) })).rejects.toThrow(/7 pixel bytes/);
    await expect(encodePacked({ ...input(), labels: Uint8Array.from([0, 1, 2, 3, 0]) })).rejects.toThrow(/label 3 of image 3/);
  });
});

describe('decodePacked', () => {
  it('round-trips pixels, labels and the manifest through JSON', async () => {
    const inp = input();
    const { manifest, bytes } = await encodePacked(inp);
    const ds = await decodePacked(JSON.stringify(manifest), bytes);
    expect(ds.manifest).toEqual(manifest);
    expect(ds.pixels).toEqual(inp.pixels);
    expect(ds.labels).toEqual(inp.labels);
  });

  it('rejects a truncated binary', async () => {
    const { manifest, bytes } = await encodePacked(input());
    await expect(decodePacked(manifest, bytes.subarray(0, 100))).rejects.toThrow(/100 bytes, the manifest implies 245/);
  });

  it('rejects a binary whose hash does not match', async () => {
    const { manifest, bytes } = await encodePacked(input());
    const bad = bytes.slice();
    bad[3] ^= 1;
    await expect(decodePacked(manifest, bad)).rejects.toThrow(/SHA-256 .* does not match/);
  });

  it('rejects bad manifests with a message naming the problem', async () => {
    const { manifest, bytes } = await encodePacked(input());
    await expect(decodePacked('{not json', bytes)).rejects.toThrow(/not valid JSON/);
    await expect(decodePacked({ ...manifest, format: 'zip' }, bytes)).rejects.toThrow(/format must be/);
    await expect(decodePacked({ ...manifest, version: 2 }, bytes)).rejects.toThrow(/unsupported version 2/);
    await expect(decodePacked({ ...manifest, channels: 4 }, bytes)).rejects.toThrow(/channels must be 1 or 3/);
    await expect(decodePacked({ ...manifest, classes: ['a'] }, bytes)).rejects.toThrow(/2 to 256 classes/);
    await expect(decodePacked({ ...manifest, hash: 'xyz' }, bytes)).rejects.toThrow(/hash must be/);
  });
});

describe('parseManifest', () => {
  it('rejects non-objects', () => {
    expect(() => parseManifest('[1,2]')).toThrow(/must be a JSON object/);
    expect(() => parseManifest(null)).toThrow(/must be a JSON object/);
  });
});
