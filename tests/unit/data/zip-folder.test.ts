import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scanFolder } from '../../../src/data/folder-scan';
import { readZipFolder } from '../../../src/data/zip-folder';

describe('readZipFolder', () => {
  it('lists every entry and extracts only the images', async () => {
    const img = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const zip = zipSync({
      'wild/cat/a.jpg': img,
      'wild/dog/b.JPG': [img, { level: 0 }],
      'wild/dog/notes.txt': new TextEncoder().encode('hi'),
      '__MACOSX/wild/._a.jpg': img,
      'wild/empty/': new Uint8Array(0),
    });
    const z = await readZipFolder(zip);
    expect(z.entries.map((e) => e.path).sort()).toEqual([
      '__MACOSX/wild/._a.jpg',
      'wild/cat/a.jpg',
      'wild/dog/b.JPG',
      'wild/dog/notes.txt',
      'wild/empty/',
    ]);
    expect([...z.files.keys()].sort()).toEqual(['wild/cat/a.jpg', 'wild/dog/b.JPG']);
    expect(Array.from(z.files.get('wild/cat/a.jpg')!)).toEqual(Array.from(img));
    const scan = scanFolder(z.entries);
    expect(scan.classes).toEqual(['cat', 'dog']);
    expect(scan.emptyClasses).toEqual(['empty']);
  });

  it('rejects bytes that are not a zip with a clear message', async () => {
    await expect(readZipFolder(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(/could not read the zip file/);
  });
});
