import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file of the code base and its tests whose text can use an export. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|astro|mdx|mjs)$/.test(name) ? [p] : [];
  });
}

/** The names `text` exports by declaration (functions, constants, types, interfaces, classes). */
function exportedNames(text: string): string[] {
  return [...text.matchAll(/^export (?:async )?(?:function\*? |const |let |type |interface |class |enum )(\w+)/gm)].map((m) => m[1]);
}

/** `file: name` for each export of the given files used nowhere: not by another file, nor elsewhere in its own. */
function unusedExports(files: { path: string; text: string }[], sources: (path: string) => boolean): string[] {
  return files
    .filter((f) => sources(f.path))
    .flatMap((f) =>
      exportedNames(f.text)
        .filter((name) => {
          const word = new RegExp(`\\b${name}\\b`, 'g');
          return (f.text.match(word) ?? []).length < 2 && !files.some((g) => g.path !== f.path && g.text.match(word));
        })
        .map((name) => `${f.path}: ${name}`),
    );
}

describe('the exports of src/, components/ and cli/', () => {
  it('are each used somewhere (by their own file, other code, a page, a chapter or a test)', () => {
    const files = ['src', 'components', 'cli', 'bench', 'scripts', 'tests', 'pages', 'content']
      .flatMap(filesUnder)
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(400);
    expect(unusedExports(files, (p) => /^(src|components|cli)\//.test(p) && p.endsWith('.ts'))).toEqual([]);
  });

  it('name an export that nothing else uses', () => {
    const files = [
      {
        path: 'src/a.ts',
        text: 'export function used() {}\nexport const lonely = 1;\nexport type Kept = number;\nexport type Own = 1;\nexport const own: Own = 1;',
      },
      { path: 'src/b.ts', text: "import { used, type Kept } from './a';" },
    ];
    expect(unusedExports(files, () => true)).toEqual(['src/a.ts: lonely', 'src/a.ts: own']);
  });
});
