/** Class statistics of a graded batch: per-item means, histograms, discrimination and common wrong answers. */
import { GRADED_ITEMS } from '../homework/structure';
import { normaliseAnswer } from './normalise-answer';
import type { Flag, GradedSubmission } from './types';

export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

export interface ItemStats {
  id: string;
  maxMarks: number;
  mean: number;
  /** Share of students with full marks on the item. */
  shareCorrect: number;
  /** Pearson correlation of the item's marks with the rest of the total; null when undefined (no spread). */
  discrimination: number | null;
  bins: HistogramBin[];
}

export interface WrongAnswer {
  key: string;
  answer: string;
  count: number;
  students: string[];
}

export interface BatchStats {
  count: number;
  meanTotal: number;
  totalBins: HistogramBin[];
  items: ItemStats[];
  /** The most common wrong answers of each key, most frequent first. */
  commonWrong: Record<string, WrongAnswer[]>;
  /** Identical wrong answers given by two or more students (named mistakes and choices excluded). */
  shared: WrongAnswer[];
}

/** Pearson correlation of two equal-length series, or null when either has no spread or a value is not finite. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Number.isFinite(r) && sxx > 1e-12 && syy > 1e-12 ? Math.max(-1, Math.min(1, r)) : null;
}

/** Counts of `values` in `bins` equal bins over [0, max] (the last bin includes max). */
export function histogram(values: readonly number[], max: number, bins: number): HistogramBin[] {
  const n = Math.max(1, Math.floor(bins));
  const width = max > 0 ? max / n : 1;
  const out = Array.from({ length: n }, (_, i) => ({ lo: i * width, hi: (i + 1) * width, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(v / width + 1e-9)));
    out[i].count++;
  }
  return out;
}

/** Bins for marks out of `max`: one per half mark up to 10 bins. */
function binsFor(max: number): number {
  return Math.max(1, Math.min(10, Math.round(max * 2)));
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Statistics of `graded` (apply manual grades first to include them). */
export function batchStats(graded: readonly GradedSubmission[], topWrong = 5): BatchStats {
  const totals = graded.map((g) => g.total);
  const items = GRADED_ITEMS.map((it) => {
    const marks = graded.map((g) => g.items.find((x) => x.id === it.id)?.marks ?? 0);
    const rest = totals.map((t, i) => t - marks[i]);
    return {
      id: it.id,
      maxMarks: it.marks,
      mean: mean(marks),
      shareCorrect: graded.length === 0 ? 0 : marks.filter((m) => m >= it.marks - 1e-9).length / graded.length,
      discrimination: pearson(marks, rest),
      bins: histogram(marks, it.marks, binsFor(it.marks)),
    };
  });
  const wrong = wrongAnswers(graded);
  const commonWrong: Record<string, WrongAnswer[]> = {};
  for (const [key, list] of wrong.all) commonWrong[key] = list.slice(0, topWrong);
  const maxTotal = graded[0]?.maxTotal ?? GRADED_ITEMS.reduce((s, i) => s + i.marks, 0);
  return {
    count: graded.length,
    meanTotal: mean(totals),
    totalBins: histogram(totals, maxTotal, 11),
    items,
    commonWrong,
    shared: wrong.shared,
  };
}

function wrongAnswers(graded: readonly GradedSubmission[]): { all: Map<string, WrongAnswer[]>; shared: WrongAnswer[] } {
  const byKey = new Map<string, Map<string, WrongAnswer & { suspicious: boolean }>>();
  for (const g of graded) {
    for (const a of g.answers) {
      const s = a.feedback.status;
      if (s !== 'wrong' && s !== 'partial') continue;
      const text = normaliseAnswer(a.raw);
      if (text === '') continue;
      const m = byKey.get(a.key) ?? new Map();
      byKey.set(a.key, m);
      const w = m.get(text) ?? { key: a.key, answer: text, count: 0, students: [], suspicious: a.kind !== 'choice' && !a.feedback.mistake };
      w.count++;
      w.students.push(g.studentId);
      m.set(text, w);
    }
  }
  const all = new Map<string, WrongAnswer[]>();
  const shared: WrongAnswer[] = [];
  for (const [key, m] of byKey) {
    const list = [...m.values()].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer));
    all.set(
      key,
      list.map(({ suspicious: _s, ...w }) => w),
    );
    for (const w of list)
      if (w.suspicious && w.count >= 2) shared.push({ key: w.key, answer: w.answer, count: w.count, students: w.students.slice() });
  }
  return { all, shared };
}

/** `graded` with a 'shared-wrong-answer' flag on every student who gave one of the `shared` answers. */
export function withSharedFlags(graded: readonly GradedSubmission[], shared: readonly WrongAnswer[]): GradedSubmission[] {
  return graded.map((g) => {
    const extra: Flag[] = shared
      .filter((w) => w.students.includes(g.studentId))
      .map((w) => ({
        kind: 'shared-wrong-answer',
        key: w.key,
        message: `Same wrong answer to ${w.key} as ${others(w.students, g.studentId)}: "${w.answer.slice(0, 60)}".`,
      }));
    return extra.length === 0 ? g : { ...g, flags: [...g.flags.filter((f) => f.kind !== 'shared-wrong-answer'), ...extra] };
  });
}

function others(students: readonly string[], me: string): string {
  const rest = students.filter((s) => s !== me);
  return rest.length <= 5 ? rest.join(', ') : `${rest.slice(0, 5).join(', ')} and ${rest.length - 5} more`;
}
