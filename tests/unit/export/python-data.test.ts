import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../../src/data/rng';
import { RUSSIAN_WILDLIFE_CLASSES } from '../../../src/data/class-mapping';
import { IMAGE_EXTENSIONS } from '../../../src/data/folder-scan';
import { splitCounts, stratifiedSplit } from '../../../src/data/split';
import { epochOrder } from '../../../src/train/batches';
import { initTorchState } from '../../../src/train/cnn';
import { initLinear } from '../../../src/train/model';
import { initResnet18State } from '../../../src/train/resnet18-init';
import { resnet18Shapes } from '../../../src/train/resnet18';
import { limitSplit } from '../../../src/runs/train-limit';
import { PORTED_CONSTANTS, PY_DATA } from '../../../src/export/python-data';
import { pytorchScript } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { runRecord } from './fixtures';
import { callScript, hasPython, writeScript } from './python';

const script = writeScript(pytorchScript(specFromRun(runRecord())));
const py = <T>(code: string): T => {
  expect(hasPython, 'python3 is needed to run the generated split code').toBe(true);
  return callScript<T>(script, code);
};
const SEEDS = [0, 1, 42, 7.9, -1, -123456789, 2 ** 31, 4294967295, 2 ** 32 + 5, 1e15 + 3];

describe('the ported constants (JavaScript-side check)', () => {
  it('are the ones in the TypeScript sources', () => {
    const rng = readFileSync('src/data/rng.ts', 'utf8');
    const batches = readFileSync('src/train/batches.ts', 'utf8');
    const scan = readFileSync('src/data/folder-scan.ts', 'utf8');
    expect(rng).toContain(`a + 0x${PORTED_CONSTANTS.mulberryIncrement.toString(16)}`);
    expect(batches).toContain('mulberry32(mixSeed(seed, epoch + 1))');
    expect(rng).toContain(`Math.imul(salt, 0x${PORTED_CONSTANTS.epochMultiplier.toString(16)})`);
    expect(PORTED_CONSTANTS.imageExtensions).toEqual(IMAGE_EXTENSIONS);
    expect(PORTED_CONSTANTS.wildlifeClasses).toEqual([...RUSSIAN_WILDLIFE_CLASSES]);
    const hidden = /HIDDEN_NAMES = new Set\((\[[^\]]*\])\)/.exec(scan)?.[1];
    expect(JSON.parse((hidden ?? '').replace(/'/g, '"'))).toEqual(PORTED_CONSTANTS.hiddenNames);
    expect(PY_DATA).toContain(`0x${PORTED_CONSTANTS.mulberryIncrement.toString(16).toUpperCase()}`);
    expect(PY_DATA).toContain(`0x${PORTED_CONSTANTS.epochMultiplier.toString(16).toUpperCase()}`);
  });
});

describe('the Python ports give the TypeScript numbers exactly', () => {
  it('mulberry32: the same 200 floats for seeds across the 32-bit range, negative, fractional and beyond 2^32', () => {
    const got = py<number[][]>(
      `r = []\nfor s in ${JSON.stringify(SEEDS)}:\n    g = m.mulberry32(s)\n    r.append([g() for _ in range(200)])\nprint(json.dumps(r))`,
    );
    SEEDS.forEach((s, i) => {
      const g = mulberry32(s);
      expect(got[i]).toEqual(Array.from({ length: 200 }, () => g()));
    });
  });

  it('largest-remainder counts for 0..200 images at the homework fractions and at others', () => {
    const fractions = [
      { train: 0.7, val: 0.1, test: 0.2 },
      { train: 0.5, val: 0.25, test: 0.25 },
      { train: 0.6, val: 0.2, test: 0.2 },
      { train: 1 / 3, val: 1 / 3, test: 1 / 3 },
    ];
    const got = py<unknown[][]>(`print(json.dumps([[m.split_counts(n, f) for n in range(201)] for f in ${JSON.stringify(fractions)}]))`);
    fractions.forEach((f, i) => expect(got[i]).toEqual(Array.from({ length: 201 }, (_, n) => splitCounts(n, f))));
  });

  it('the stratified split: the same indices in each split for unbalanced classes and several seeds', () => {
    const g = mulberry32(5);
    const labels = Array.from({ length: 997 }, () => Math.min(6, Math.floor(g() ** 2 * 7)));
    labels.push(7);
    const got = py<Record<string, number[]>[]>(
      `labels = ${JSON.stringify(labels)}\nprint(json.dumps([m.stratified_split(labels, 9, s, {"train": 0.7, "val": 0.1, "test": 0.2}) for s in ${JSON.stringify(SEEDS)}]))`,
    );
    SEEDS.forEach((s, i) => {
      const want = stratifiedSplit(labels, 9, s);
      expect(got[i]).toEqual({ train: want.train, val: want.val, test: want.test });
    });
  });

  it('epoch order and the split limit', () => {
    const idx = Array.from({ length: 301 }, (_, i) => i * 3 + 1);
    const got = py<{ orders: number[][]; limited: Record<string, number[]>[] }>(
      `idx = ${JSON.stringify(idx)}\nsp = {"train": idx, "val": idx[:50], "test": idx[:7]}\nprint(json.dumps({"orders": [m.epoch_order(idx, s, e) for s in ${JSON.stringify(SEEDS)} for e in range(4)], "limited": [m.limit_split(sp, l) for l in [8, 49, 50, 300, 1000]]}))`,
    );
    const orders = SEEDS.flatMap((s) => [0, 1, 2, 3].map((e) => epochOrder(idx, s, e)));
    expect(got.orders).toEqual(orders);
    [8, 49, 50, 300, 1000].forEach((l, i) => {
      const want = limitSplit({ train: idx, val: idx.slice(0, 50), test: idx.slice(0, 7) }, l);
      expect(got.limited[i]).toEqual({ train: want.train, val: want.val, test: want.test });
    });
  });

  it("the CNN's seeded init and a replaced head's init, to the float32", () => {
    const opts = { imageSize: 32, inChannels: 3, classes: 4 };
    const want = initTorchState(opts, 42);
    const shapes = [...want].map(([n, t]) => [n, t.shape]);
    const got = py<[string, number[], number[]][]>(`print(json.dumps(m.book_init(${JSON.stringify(shapes)}, 42)))`);
    expect(got.map(([n, s]) => [n, s])).toEqual(shapes);
    for (const [name, , values] of got) expect(Float32Array.from(values)).toEqual(want.get(name)!.data);
    const head = py<[number[], number[]]>('print(json.dumps(m.book_init_linear(512, 10, 3)))');
    const lin = initLinear(512, 10, 3);
    expect(Float32Array.from(head[0])).toEqual(lin.get('fc.weight')!.data);
    expect(Float32Array.from(head[1])).toEqual(lin.get('fc.bias')!.data);
  });

  it('mulberry32 drawn in blocks (numpy when present) continues the stream exactly', () => {
    const g = mulberry32(4294967295);
    for (let i = 0; i < 1000; i++) g();
    const want = Array.from({ length: 300 }, () => g());
    expect(py<number[]>('print(json.dumps([float(x) for x in m.mulberry32_block(4294967295, 1000, 300)]))')).toEqual(want);
    // Without numpy (sys.modules entry None makes the import fail): the pure-Python fallback.
    expect(
      py<number[]>('sys.modules["numpy"] = None\nprint(json.dumps([float(x) for x in m.mulberry32_block(4294967295, 1000, 300)]))'),
    ).toEqual(want);
  });

  it("ResNet-18's seeded from-scratch init: the first three convolutions to the float32 (Box-Muller, one stream in state_dict order)", () => {
    const want = initResnet18State(10, 77);
    const shapes = [...resnet18Shapes(10)].slice(0, 17).map(([n, s]) => [n, s]);
    expect(shapes.filter(([, s]) => (s as number[]).length === 4).map(([n]) => n)).toEqual([
      'conv1.weight',
      'layer1.0.conv1.weight',
      'layer1.0.conv2.weight',
    ]);
    const got = py<Record<string, number[]>>(
      `print(json.dumps({k: [float(x) for x in v] for k, v in m.book_resnet18_init(${JSON.stringify(shapes)}, 77).items()}))`,
    );
    expect(Object.keys(got)).toEqual(['conv1.weight', 'layer1.0.conv1.weight', 'layer1.0.conv2.weight']);
    for (const [name, values] of Object.entries(got)) {
      const w = want.get(name)!.data as Float32Array;
      const mine = Float32Array.from(values);
      expect(mine.length).toBe(w.length);
      // Math.log/Math.cos and Python's libm may differ in the last bit of a double, which float32 rounding almost always hides.
      let differ = 0;
      for (let i = 0; i < w.length; i++)
        if (mine[i] !== w[i]) {
          differ++;
          expect(Math.abs(mine[i] - w[i])).toBeLessThanOrEqual(Math.abs(w[i]) * 2 ** -23);
        }
      expect(differ).toBeLessThanOrEqual(2);
    }
  });
});
