import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of `src/` (docs/architecture.md), lowest first: a folder imports only from folders of
 * lower layers (and itself), so no two folders depend on each other. A new folder must be placed here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['data', 'python'], // data sets, images, splits; Python source literals
  ['tensor'], // tfjs types, weights IO, the kernel table's plumbing
  ['augment', 'tsne'], // batched augmentations and their kernels; t-SNE
  ['record'], // the run record: format, model kinds, questions, validation
  ['exercises', 'train'], // the exercise engine; the training engine and its models and kernels
  ['course', 'export', 'math', 'progress'],
  ['charts-data', 'submission'],
  ['comparison'],
  ['homework', 'runs'],
  ['grading', 'widgets'],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : name.endsWith('.ts') ? [p] : [];
  });
}

/** The folder of `src/` each relative import of `file` lands in (static, dynamic, type-only and re-exports). */
function importedFolders(file: string, text: string): string[] {
  return [...text.matchAll(/(?:from|import|import\()\s*['"](\.\.?\/[^'"?]*)/g)].flatMap((m) => {
    const inside = relative('src', normalize(join(dirname(file), m[1])));
    return inside.startsWith('..') || !inside.includes(sep) ? [] : [inside.split(sep)[0]];
  });
}

/** Folder → folders it imports from, over the given files of `src/`. */
function folderGraph(files: { path: string; text: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const from = relative('src', path).split(sep)[0];
    const to = graph.get(from) ?? new Set<string>();
    for (const f of importedFolders(path, text)) if (f !== from) to.add(f);
    graph.set(from, to);
  }
  return graph;
}

/** One cycle between folders as `a → b → a`, or null when the graph has none. */
function findCycle(graph: Map<string, Set<string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n].join(' → ');
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

/** Imports that go to the same or a higher layer, as `from → to` lines. */
function layerViolations(graph: Map<string, Set<string>>): string[] {
  const layer = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));
  return [...graph].flatMap(([from, tos]) =>
    [...tos].filter((to) => !((layer.get(to) ?? Infinity) < (layer.get(from) ?? -Infinity))).map((to) => `${from} → ${to}`),
  );
}

const SRC = filesUnder('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('the layers of src/', () => {
  it('place every folder of src/ in one layer', () => {
    const folders = readdirSync('src')
      .filter((n) => statSync(join('src', n)).isDirectory())
      .sort();
    expect(LAYERS.flat().slice().sort()).toEqual(folders);
  });

  it('hold for every import: a folder uses only lower layers, so no folders form a cycle', () => {
    const graph = folderGraph(SRC);
    expect(graph.size).toBeGreaterThan(15);
    expect(layerViolations(graph)).toEqual([]);
    expect(findCycle(graph)).toBeNull();
  });

  it('catch an import upwards and a cycle between two folders', () => {
    const graph = folderGraph([
      { path: 'src/record/run-record.ts', text: "import type { ModelKind } from '../train/models';" },
      { path: 'src/train/trainer.ts', text: "import type { RunRecord } from '../record/run-record';" },
    ]);
    expect(layerViolations(graph)).toEqual(['record → train']);
    expect(findCycle(graph)).toBe('record → train → record');
    expect(findCycle(folderGraph([{ path: 'src/train/a.ts', text: "import { b } from '../tensor/b';" }]))).toBeNull();
  });
});
