import { describe, it, expect } from 'vitest';
import { loadProgress, saveProgress, clearProgress, PROGRESS_KEY, type StorageLike } from '../../../src/progress/store';
import { emptyProgress, withAnswer, withCheck, isEmptyAnswer } from '../../../src/progress/progress';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('saveProgress / loadProgress', () => {
  it('round-trips progress', () => {
    const s = memory();
    const p = withAnswer(emptyProgress(), 'q1.1c', '3.32');
    expect(saveProgress(s, p)).toBeNull();
    expect(loadProgress(s).progress.answers).toEqual({ 'q1.1c': '3.32' });
  });

  it('warns instead of throwing when storage is full', () => {
    const s = memory();
    s.setItem = () => {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    };
    expect(saveProgress(s, emptyProgress())?.kind).toBe('quota');
  });

  it('warns when storage is unavailable', () => {
    expect(loadProgress(null).warning?.kind).toBe('unavailable');
    const s = memory();
    s.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(loadProgress(s).warning?.kind).toBe('unavailable');
    expect(clearProgress(null)?.kind).toBe('unavailable');
  });

  it('keeps a corrupt saved copy aside and starts afresh', () => {
    const s = memory();
    s.setItem(PROGRESS_KEY, '{not json');
    const r = loadProgress(s);
    expect(r.warning?.kind).toBe('corrupt');
    expect(r.progress.answers).toEqual({});
    expect(s.data.get(`${PROGRESS_KEY}:corrupt-backup`)).toBe('{not json');
  });
});

describe('withCheck', () => {
  it('counts readable checks as attempts and unreadable ones not', () => {
    let p = withCheck(emptyProgress(), 'q1.1c', { status: 'unreadable', marks: 0, maxMarks: 1 });
    expect(p.attempts['q1.1c']).toBeUndefined();
    p = withCheck(p, 'q1.1c', { status: 'wrong', marks: 0, maxMarks: 1 });
    p = withCheck(p, 'q1.1c', { status: 'correct', marks: 1, maxMarks: 1 });
    expect(p.attempts['q1.1c']).toBe(2);
    expect(p.results['q1.1c'].status).toBe('correct');
  });
});

describe('isEmptyAnswer', () => {
  it('sees blank strings, vectors and matrices as empty', () => {
    expect(isEmptyAnswer(' ')).toBe(true);
    expect(isEmptyAnswer(['', ' '])).toBe(true);
    expect(isEmptyAnswer([[''], ['']])).toBe(true);
    expect(isEmptyAnswer([[''], ['1']])).toBe(false);
  });
});
