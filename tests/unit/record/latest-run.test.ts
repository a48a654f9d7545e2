import { describe, expect, it } from 'vitest';
import { latestRun } from '../../../src/record/latest-run';
import type { RunRecord } from '../../../src/record/run-record';

const run = (id: string, question: string, createdAt: string, test: boolean): RunRecord =>
  ({ id, createdAt, config: { question }, test: test ? { accuracy: 0.5 } : null }) as unknown as RunRecord;

describe('latestRun', () => {
  it('picks the newest run of the question that has test metrics, the later one on a tie', () => {
    const runs = [
      run('a', 'q2.2', '2026-01-02', true),
      run('b', 'q2.2', '2026-01-03', false),
      run('c', 'q2.3', '2026-01-04', true),
      run('d', 'q2.2', '2026-01-02', true),
    ];
    expect(latestRun('q2.2', runs)?.id).toBe('d');
    expect(latestRun('q2.3', runs)?.id).toBe('c');
    expect(latestRun('q2.4', runs)).toBeNull();
  });
});
