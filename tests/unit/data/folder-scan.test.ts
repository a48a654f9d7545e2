import { describe, expect, it } from 'vitest';
import { DatasetError, isImageName, scanFolder, type FileEntry } from '../../../src/data/folder-scan';

const e = (path: string, size = 100): FileEntry => ({ path, size });

describe('scanFolder', () => {
  it('strips a single common root and finds one class per sub-folder', () => {
    const s = scanFolder([e('wild/birds/b2.jpg'), e('wild/birds/b1.JPG'), e('wild/dog/d1.png'), e('wild/dog/puppies/p.webp')]);
    expect(s.root).toBe('wild');
    expect(s.classes).toEqual(['birds', 'dog']);
    expect(s.scheme).toBe('sorted');
    expect(s.files.map((f) => [f.path, f.label])).toEqual([
      ['wild/birds/b1.JPG', 0],
      ['wild/birds/b2.jpg', 0],
      ['wild/dog/d1.png', 1],
      ['wild/dog/puppies/p.webp', 1],
    ]);
    expect(s.skipped).toEqual([]);
  });

  it('strips nested roots and keeps class folders when there is no root', () => {
    expect(scanFolder([e('a/b/x/1.jpg'), e('a/b/y/2.jpg')]).root).toBe('a/b');
    const s = scanFolder([e('x/1.jpg'), e('y/2.jpg')]);
    expect(s.root).toBe('');
    expect(s.classes).toEqual(['x', 'y']);
  });

  it('reports every skipped entry with its reason', () => {
    const s = scanFolder([
      e('root/cat/a.jpg'),
      e('root/dog/b.jpg'),
      e('root/.DS_Store'),
      e('__MACOSX/root/cat/._a.jpg'),
      e('root/cat/.hidden.jpg'),
      e('root/README.txt'),
      e('root/cat/notes.txt'),
      e('root/dog/zero.jpg', 0),
      e('LICENSE'),
    ]);
    const reasons = Object.fromEntries(s.skipped.map((f) => [f.path, f.reason]));
    expect(reasons).toEqual({
      'root/.DS_Store': 'hidden',
      '__MACOSX/root/cat/._a.jpg': 'hidden',
      'root/cat/.hidden.jpg': 'hidden',
      'root/README.txt': 'stray-file',
      'root/cat/notes.txt': 'not-image',
      'root/dog/zero.jpg': 'empty-file',
      LICENSE: 'stray-file',
    });
    expect(s.classes).toEqual(['cat', 'dog']);
    expect(s.files).toHaveLength(2);
  });

  it('reports empty class folders (zip folder entries or only unusable files) and ignores them', () => {
    const s = scanFolder([e('r/a/1.png'), e('r/b/2.png'), e('r/empty/', 0), e('r/junk/x.txt')]);
    expect(s.emptyClasses).toEqual(['empty', 'junk']);
    expect(s.classes).toEqual(['a', 'b']);
  });

  it('applies the Russian Wildlife mapping to its ten folders', () => {
    const names = [
      'people',
      'dog',
      'birds',
      'amur_tiger',
      'wild_boar',
      'amur_leopard',
      'sika_deer',
      'roe_deer',
      'brown_bear',
      'black_bear',
    ];
    const s = scanFolder(names.map((n) => e(`russian_wildlife/${n}/img.jpg`)));
    expect(s.scheme).toBe('russian-wildlife');
    expect(s.files.find((f) => f.className === 'people')?.label).toBe(9);
  });

  it('throws a DatasetError carrying the report with fewer than 2 classes', () => {
    const run = () => scanFolder([e('root/cat/a.jpg'), e('root/cat/b.jpg'), e('root/dog/x.txt')]);
    expect(run).toThrow(DatasetError);
    expect(run).toThrow(/only 1 class folder with images \(cat\); need at least 2/);
    try {
      run();
    } catch (err) {
      expect((err as DatasetError).skipped.map((f) => f.reason)).toEqual(['not-image']);
      expect((err as DatasetError).emptyClasses).toEqual(['dog']);
    }
    expect(() => scanFolder([])).toThrow(/no class folder with images/);
    expect(() => scanFolder([e('a.jpg'), e('b.jpg')])).toThrow(/no class folder/);
  });

  it('accepts Windows separators and rejects malformed entries', () => {
    expect(scanFolder([e('r\\a\\1.jpg'), e('r\\b\\2.jpg')]).classes).toEqual(['a', 'b']);
    expect(() => scanFolder([{ path: 'a/b.jpg', size: -1 }])).toThrow(/bad file entry/);
  });
});

describe('isImageName', () => {
  it('accepts the supported extensions in any case only', () => {
    expect(['a.jpg', 'b.JPEG', 'c.Png', 'd.gif', 'e.webp'].every(isImageName)).toBe(true);
    expect(['a.txt', 'jpg', '.jpg', 'a.tiff', 'a.jpg.bak'].some(isImageName)).toBe(false);
  });
});
