import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXERCISES } from '../../../src/homework/catalog';
import { GRADED_ITEMS, itemOfKey } from '../../../src/homework/structure';
import { ANSWER_KEY, LIMITS } from '../../../src/submission/limits';
import { BATCH_LIMITS } from '../../../src/grading/unpack-files';
import { homeworkRuns } from '../../helpers/run-records';

const DOC = readFileSync('docs/submission-format.md', 'utf8');
const mib = (bytes: number): string => `${bytes / 1024 / 1024} MiB`;
const count = (n: number): string => n.toLocaleString('en');

/** The answer-key table's rows as the catalog defines them: key, item (marks), input kind, how it is graded. */
async function answerKeyRows(): Promise<string[]> {
  const rows: string[] = [];
  for (const ex of EXERCISES) {
    const bare = await ex.parts({ kind: 'homework', seed: 0 }, { runs: [] });
    const withRun = await ex.parts({ kind: 'homework', seed: 0 }, { runs: homeworkRuns() });
    for (const input of ex.inputs) {
      const item = GRADED_ITEMS.find((i) => i.id === itemOfKey(input.key)?.id);
      const auto = [bare, withRun].map((parts) => parts.find((p) => p.key === input.key)?.kind !== 'text');
      const graded =
        auto[0] && auto[1] ? 'auto' : !auto[0] && !auto[1] ? 'by hand' : 'auto against the runs handed in; by hand without them';
      rows.push(`| \`${input.key}\` | ${item ? `${item.id} (${item.marks})` : '—'} | ${input.kind} | ${graded} |`);
    }
  }
  return rows;
}

/** The doc's text between two HTML-comment markers. */
function section(name: string): string {
  const start = DOC.indexOf(`<!-- ${name}:start -->`);
  const end = DOC.indexOf(`<!-- ${name}:end -->`);
  expect(start, `docs/submission-format.md has no ${name} markers`).toBeGreaterThan(-1);
  return DOC.slice(start, end);
}

describe('docs/submission-format.md', () => {
  it('lists every answer key of the catalog, in order, with its item, kind and how it is graded', async () => {
    const expected = await answerKeyRows();
    expect(
      section('answer-keys')
        .split('\n')
        .filter((l) => l.startsWith('| `')),
      `expected table rows:\n${expected.join('\n')}`,
    ).toEqual(expected);
    expect(expected.length).toBe(EXERCISES.reduce((n, e) => n + e.inputs.length, 0));
    for (const ex of EXERCISES) for (const input of ex.inputs) expect(ANSWER_KEY.test(input.key), input.key).toBe(true);
  });
  it('states the answer-key pattern of the reader', () => {
    expect(DOC).toContain(`\`/${ANSWER_KEY.source}/\``);
  });
  it('states the limits of src/submission/limits.ts and of a batch in MiB and characters', () => {
    const limits = section('limits');
    for (const text of [
      mib(LIMITS.maxBytes),
      `${count(LIMITS.maxBytes)} characters`,
      `${LIMITS.maxDepth} levels`,
      `${LIMITS.maxAnswers} answers`,
      `${count(LIMITS.maxAnswerChars)} characters`,
      `${LIMITS.maxCells} cells`,
      `${LIMITS.maxRuns} runs`,
      `${LIMITS.maxIdChars} characters`,
      `${LIMITS.maxNameChars} characters`,
      mib(BATCH_LIMITS.maxFileBytes),
      mib(BATCH_LIMITS.maxArchiveBytes),
      mib(BATCH_LIMITS.maxUnpackedBytes),
      `${count(BATCH_LIMITS.maxEntries)} entries`,
    ])
      expect(limits, text).toContain(text);
  });
});
