import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout's rule (docs/architecture.md): a feature folder of `components/` may use `lib/`, `charts/`,
 * the book's state (`book/`), the shared feature-space view (`feature-space/`, embedded by the ResNet and
 * augmentation chapters) and `src/`; `charts/` uses only `lib/` and `src/`; `lib/` only `src/`.
 */
const ROOT = 'components';
const SHARED = ['lib', 'charts', 'book', 'feature-space'];
/** The one named exception: ResNet-18 fine-tuning runs on the CNN's training runner (train-run). */
const BUILDS_ON: Record<string, string[]> = { resnet: ['training'] };

/** The folders of `components/` a file in folder `from` may import from (besides its own folder and `src/`). */
function allowed(from: string): string[] {
  if (from === 'lib') return [];
  if (from === 'charts') return ['lib'];
  return [...SHARED, ...(BUILDS_ON[from] ?? [])];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|astro)$/.test(name) ? [p] : [];
  });
}

/** The relative specifiers a file imports (static, dynamic and re-exports). */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:from|import|import\()\s*['"](\.\.?\/[^'"?]*)/g)].map((m) => m[1]);
}

/** What a file may not import, as `file → target` lines. */
function violations(file: string, text: string): string[] {
  const from = relative(ROOT, file).split(sep)[0];
  return relativeImports(text).flatMap((spec) => {
    const target = normalize(join(dirname(file), spec));
    if (target.startsWith(`src${sep}`)) return [];
    const inside = relative(ROOT, target);
    const folder = inside.startsWith('..') ? null : inside.split(sep)[0];
    const ok = folder !== null && (folder === from || allowed(from).includes(folder));
    return ok ? [] : [`${file} → ${target}`];
  });
}

describe('the dependency rule of components/', () => {
  it('holds for every file: features use lib, charts, book, feature-space and src; charts use lib and src; lib uses src', () => {
    const files = filesUnder(ROOT);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('catches a chart that reaches into a feature folder and a feature that reaches into another', () => {
    expect(violations('components/charts/x.ts', "import { a } from '../training/run';")).toEqual([
      'components/charts/x.ts → components/training/run',
    ]);
    expect(violations('components/dataset/x.ts', "const m = import('../gradebook/y');")).toEqual([
      'components/dataset/x.ts → components/gradebook/y',
    ]);
    expect(violations('components/lib/x.ts', "import '../book/book-state';")).toEqual(['components/lib/x.ts → components/book/book-state']);
    expect(
      violations('components/training/x.ts', "import { b } from '../book/run-store';\nimport { c } from '../../src/train/run-record';"),
    ).toEqual([]);
  });
});
