import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/exercises/format-number';
import { previewAnswer } from '../../../src/exercises/preview';
import type { PartSpec } from '../../../src/exercises/types';
import { homeworkVariant } from '../../../src/exercises/variant';
import { EXERCISES } from '../../../src/homework/catalog';

async function part(key: string): Promise<PartSpec> {
  const id = key
    .split('.')
    .slice(0, 2)
    .join('.')
    .replace(/^(q\d\.\d[a-z]).*$/, '$1');
  const ex = EXERCISES.find((e) => e.id === id);
  const spec = (await ex!.parts(homeworkVariant)).find((p) => p.key === key);
  if (!spec) throw new Error(`no part ${key}`);
  return spec;
}

describe('previewAnswer', () => {
  it("shows a formula as the book writes it, with the spec's display names", async () => {
    const q12c = await part('q1.2c');
    const typed = previewAnswer(q12c, 'y_k(d - y_j)');
    expect(typed).toEqual({ ok: true, tex: expect.stringContaining('\\cdot'), text: 'y_k · (d − y_j)' });
    const shown = previewAnswer({ ...q12c, display: { d: '\\delta_{kj}' } } as PartSpec, '\\hat y_k(\\delta_{kj} - \\hat y_j)');
    expect(shown).toMatchObject({ ok: true, text: 'y_k · (d − y_j)', tex: expect.stringContaining('\\delta_{kj}') });
    const bce = await part('q1.1b');
    expect(previewAnswer(bce, '-[y log2(p) + (1-y) log2(1-p)]')).toMatchObject({ ok: true, tex: expect.stringContaining('\\log_2') });
    expect(previewAnswer(bce, 'y log p')).toMatchObject({ ok: true, tex: expect.stringContaining('\\ln\\left(') });
  });

  it('shows a number with the value it reads, a percentage and a unit', () => {
    const spec: PartSpec = { kind: 'number', key: 'n', marks: 1, answer: 0.853, units: ['bits', 'bit'] };
    expect(previewAnswer(spec, '\\log_2(10)')).toEqual({ ok: true, tex: '\\log_2\\left(10\\right) = 3.3219', text: 'log2(10) = 3.3219' });
    expect(previewAnswer(spec, '3.3219')).toEqual({ ok: true, tex: '3.3219', text: '3.3219' });
    expect(previewAnswer(spec, '85.3 %')).toEqual({ ok: true, tex: '85.3\\,\\% = 0.853', text: '85.3 % = 0.853' });
    expect(previewAnswer(spec, '3.3219 bits')).toEqual({ ok: true, tex: '3.3219\\ \\text{bits}', text: '3.3219 bits' });
    const percent: PartSpec = { ...spec, percent: true };
    expect(previewAnswer(percent, '85.3')).toEqual({ ok: true, tex: '85.3\\,\\% = 0.853', text: '85.3 % = 0.853' });
    expect(previewAnswer(percent, '0.5')).toEqual({ ok: true, tex: '0.5', text: '0.5' });
  });

  it('shows shapes, vectors and matrices as read', async () => {
    expect(previewAnswer(await part('q1.2a.W2'), 'K \\times D_a')).toEqual({ ok: true, tex: 'K \\times D_{a}', text: 'K × Da' });
    expect(previewAnswer(await part('q1.2a.b2'), '(K,)')).toEqual({ ok: true, tex: '(K,)', text: '(K,)' });
    const vector: PartSpec = { kind: 'vector', key: 'v', marks: 1, answer: [1, 2] };
    expect(previewAnswer(vector, '½, log2(4)')).toEqual({ ok: true, tex: '\\left[0.5,\\ 2\\right]', text: '[0.5, 2]' });
    const matrix: PartSpec = {
      kind: 'matrix',
      key: 'm',
      marks: 1,
      answer: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(
      previewAnswer(matrix, [
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toEqual({ ok: true, tex: '\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}', text: '[[1, 2], [3, 4]]' });
  });

  it('says why an answer cannot be read, and nothing for blanks, choices and text', async () => {
    expect(previewAnswer(await part('q1.2c'), 'y_k(d - z)')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not read .*unknown symbol "z"/),
    });
    expect(previewAnswer(await part('q1.2c'), '   ')).toBeNull();
    expect(previewAnswer(await part('q1.1a'), 'vanishing')).toBeNull();
    expect(previewAnswer({ kind: 'text', key: 't', marks: 1 } as PartSpec, 'Because')).toBeNull();
  });

  it('never shows the expected answer', async () => {
    const c = await part('q1.1c');
    if (c.kind !== 'number') throw new Error('q1.1c is a number');
    for (const text of ['log2(9)', '3', '7 bits', '-log2(0.2)']) {
      const p = previewAnswer(c, text);
      expect(JSON.stringify(p)).not.toContain(formatNumber(c.answer));
    }
  });

  it('never throws and stays cheap on hostile text', async () => {
    const specs = await Promise.all(['q1.1b', 'q1.2c', 'q1.1c', 'q1.2a.W2', 'q1.1d.losses', 'q1.2d.jacobian'].map(part));
    const hostile = [
      '\\frac{'.repeat(10_000),
      'x'.repeat(100_000),
      '('.repeat(5000),
      '\\left('.repeat(400),
      '{'.repeat(900),
      '\\',
      '$$',
      '\u0000',
      '😀'.repeat(300),
    ];
    const start = performance.now();
    for (const spec of specs) {
      for (const text of hostile) {
        const p = previewAnswer(spec, text);
        expect(p === null || (p.ok ? p.text.length > 0 : p.error.startsWith('Could not read'))).toBe(true);
      }
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
