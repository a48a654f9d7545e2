import type { Parsed } from '../exercises/types';
import { RUN_FORMAT, RUN_VERSION, type RunRecord } from '../train/run-record';
import { LIMITS } from './limits';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const str = (x: unknown, max = 200): x is string => typeof x === 'string' && x.length <= max;
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const MAX_CLASSES = 1000;
const MAX_EPOCHS = 1000;
const MAX_STEPS = 20_000;
const MAX_MISCLASSIFIED = 100_000;

/** Checks one run record's structure and bounds; returns a structured copy or the first problem found. */
export function readRun(v: unknown, where = 'run'): Parsed<RunRecord> {
  if (!isObj(v)) return fail(`${where} is not an object.`);
  if (v.format !== RUN_FORMAT || v.version !== RUN_VERSION) return fail(`${where} is not a version ${RUN_VERSION} run record.`);
  if (!str(v.id) || !str(v.createdAt) || !str(v.backend)) return fail(`${where} lacks an id, a time or a backend.`);
  const c = v.config;
  if (!isObj(c) || !str(c.model) || !str(c.question) || !num(c.imageSize) || !num(c.epochs) || !num(c.batchSize) || !num(c.learningRate) || !num(c.adamEpsilon) || !num(c.seed)) {
    return fail(`${where} has a malformed config.`);
  }
  if (!Array.isArray(c.augmentations) || !c.augmentations.every((a) => str(a)) || !(c.pretrained === null || str(c.pretrained))) return fail(`${where} has malformed augmentations or pretrained weights.`);
  const d = v.dataset;
  if (!isObj(d) || !str(d.name) || !str(d.hash) || !Array.isArray(d.classes) || d.classes.length > MAX_CLASSES || !d.classes.every((x) => str(x)) || !isObj(d.counts)) {
    return fail(`${where} has a malformed dataset description.`);
  }
  if (!Array.isArray(v.epochs) || v.epochs.length > MAX_EPOCHS || !v.epochs.every((e) => isObj(e) && ['epoch', 'trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy', 'seconds'].every((k) => num(e[k]) || e[k] === null))) {
    return fail(`${where} has malformed epoch metrics.`);
  }
  if (!Array.isArray(v.steps) || v.steps.length > MAX_STEPS || !v.steps.every((s) => isObj(s) && num(s.step) && (num(s.loss) || s.loss === null))) {
    return fail(`${where} has malformed step losses.`);
  }
  const t = v.test;
  if (t !== null) {
    const k = d.classes.length;
    if (!isObj(t) || !num(t.accuracy) || !num(t.macroF1) || !num(t.weightedF1)) return fail(`${where} has malformed test metrics.`);
    if (!Array.isArray(t.confusion) || t.confusion.length !== k || !t.confusion.every((row) => Array.isArray(row) && row.length === k && row.every((n) => num(n) && n >= 0))) {
      return fail(`${where} has a confusion matrix that is not ${k}×${k} counts.`);
    }
    if (!Array.isArray(t.perClass) || t.perClass.length !== k || !t.perClass.every((p) => isObj(p) && num(p.precision) && num(p.recall) && num(p.f1) && num(p.support))) {
      return fail(`${where} has malformed per-class metrics.`);
    }
    if (!Array.isArray(t.misclassified) || t.misclassified.length > MAX_MISCLASSIFIED || !t.misclassified.every((m) => isObj(m) && num(m.index) && num(m.trueLabel) && num(m.predicted))) {
      return fail(`${where} has a malformed list of misclassified images.`);
    }
  }
  const tm = v.timings;
  if (!isObj(tm) || !num(tm.totalSeconds) || !num(tm.imagesPerSecond)) return fail(`${where} has malformed timings.`);
  if (!(v.stopped === null || str(v.stopped))) return fail(`${where} has a malformed stop reason.`);
  return { ok: true, value: structuredCloneJson(v) as unknown as RunRecord };
}

/** Reads the `runs` array of a submission. */
export function readRuns(v: unknown): Parsed<RunRecord[]> {
  if (!Array.isArray(v)) return fail('runs must be a list.');
  if (v.length > LIMITS.maxRuns) return fail(`A submission holds at most ${LIMITS.maxRuns} runs.`);
  const out: RunRecord[] = [];
  for (let i = 0; i < v.length; i++) {
    const r = readRun(v[i], `Run ${i + 1}`);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function structuredCloneJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v), (key, value) => (key === '__proto__' ? undefined : value));
}
