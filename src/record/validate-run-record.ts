/** Validates untrusted JSON as a RunRecord (submissions, grader): never throws, bounds every array. */
import { validatePipeline } from '../augment/validate-pipeline';
import { MODEL_KINDS } from './model-kinds';
import { RUN_QUESTIONS } from './questions';
import { type RunRecord, RUN_FORMAT, RUN_VERSIONS_READ } from './run-record';

const LIMITS = { epochs: 1000, steps: 100_000, classes: 1000, misclassified: 1_000_000, string: 2000, augmentations: 64 };

type Obj = Record<string, unknown>;
class Invalid extends Error {}

function bad(path: string, what: string): never {
  throw new Invalid(`${path} ${what}`);
}
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
function obj(x: unknown, path: string): Obj {
  return isObj(x) ? x : bad(path, 'must be an object');
}
function str(x: unknown, path: string): string {
  return typeof x === 'string' && x.length <= LIMITS.string ? x : bad(path, `must be a string of at most ${LIMITS.string} characters`);
}
function num(x: unknown, path: string, min = -Infinity, max = Infinity): number {
  return typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max ? x : bad(path, `must be a finite number in [${min}, ${max}]`);
}
function int(x: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  return Number.isInteger(x) && (x as number) >= min && (x as number) <= max
    ? (x as number)
    : bad(path, `must be an integer in [${min}, ${max}]`);
}
function arr(x: unknown, path: string, max: number): unknown[] {
  return Array.isArray(x) && x.length <= max ? x : bad(path, `must be an array of at most ${max} items`);
}
function oneOf<T extends string>(x: unknown, path: string, options: readonly T[]): T {
  return options.includes(x as T) ? (x as T) : bad(path, `must be one of ${options.join(', ')}`);
}

/** Version 1: description strings, kept as they are. Version 2: a pipeline, returned in canonical form. */
function checkAugmentations(x: unknown, version: number, imageSize: number): unknown[] {
  const list = arr(x, 'config.augmentations', LIMITS.augmentations);
  if (version === 1) return list.map((a, i) => str(a, `config.augmentations[${i}]`));
  const v = validatePipeline(list, [imageSize, imageSize]);
  return v.ok ? v.value : bad('config.augmentations', `is not a valid pipeline: ${v.errors.join('; ')}`);
}

function checkConfig(x: unknown, version: number): Obj {
  const c = obj(x, 'config');
  oneOf(c.model, 'config.model', MODEL_KINDS);
  oneOf(c.question, 'config.question', RUN_QUESTIONS);
  const imageSize = int(c.imageSize, 'config.imageSize', 1, 4096);
  int(c.epochs, 'config.epochs', 1, LIMITS.epochs);
  int(c.batchSize, 'config.batchSize', 1, 65536);
  num(c.learningRate, 'config.learningRate', 0, 10);
  num(c.adamEpsilon, 'config.adamEpsilon', 0, 1);
  num(c.seed, 'config.seed');
  const augmentations = checkAugmentations(c.augmentations, version, imageSize);
  if (c.pretrained !== null) str(c.pretrained, 'config.pretrained');
  if (c.weights !== undefined && c.weights !== null) {
    const w = obj(c.weights, 'config.weights');
    str(w.source, 'config.weights.source');
    if (typeof w.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(w.sha256)) bad('config.weights.sha256', 'must be 64 lower-case hex digits');
  }
  if (c.fineTuning !== undefined) oneOf(c.fineTuning, 'config.fineTuning', ['full', 'frozen']);
  if (c.batchNorm !== undefined) oneOf(c.batchNorm, 'config.batchNorm', ['train', 'eval']);
  if (c.normalization !== undefined) oneOf(c.normalization, 'config.normalization', ['none', 'imagenet']);
  if (c.fineTuning === 'frozen' && c.batchNorm === 'train') bad('config.batchNorm', "must be 'eval' with a frozen backbone");
  return { ...c, augmentations };
}

function checkTest(x: unknown, classes: number, testCount: number): void {
  if (x === null) return;
  const t = obj(x, 'test');
  num(t.accuracy, 'test.accuracy', 0, 1);
  num(t.macroF1, 'test.macroF1', 0, 1);
  num(t.weightedF1, 'test.weightedF1', 0, 1);
  const per = arr(t.perClass, 'test.perClass', classes);
  if (per.length !== classes) bad('test.perClass', `must have one entry per class (${classes})`);
  per.forEach((p, i) => {
    const o = obj(p, `test.perClass[${i}]`);
    for (const k of ['precision', 'recall', 'f1']) num(o[k], `test.perClass[${i}].${k}`, 0, 1);
    int(o.support, `test.perClass[${i}].support`);
  });
  const conf = arr(t.confusion, 'test.confusion', classes);
  if (conf.length !== classes) bad('test.confusion', `must be ${classes}×${classes}`);
  let total = 0;
  conf.forEach((row, i) => {
    const r = arr(row, `test.confusion[${i}]`, classes);
    if (r.length !== classes) bad('test.confusion', `must be ${classes}×${classes}`);
    r.forEach((v, j) => {
      total += int(v, `test.confusion[${i}][${j}]`);
    });
  });
  if (total !== testCount) bad('test.confusion', `sums to ${total} but the test split has ${testCount} images`);
  arr(t.misclassified, 'test.misclassified', Math.min(LIMITS.misclassified, testCount)).forEach((m, i) => {
    const o = obj(m, `test.misclassified[${i}]`);
    int(o.index, `test.misclassified[${i}].index`, 0, testCount - 1);
    int(o.trueLabel, `test.misclassified[${i}].trueLabel`, 0, classes - 1);
    int(o.predicted, `test.misclassified[${i}].predicted`, 0, classes - 1);
  });
}

function checkFeatureSpace(x: unknown, classes: number): void {
  const f = obj(x, 'featureSpace');
  arr(f.splits, 'featureSpace.splits', 2).forEach((s, i) => oneOf(s, `featureSpace.splits[${i}]`, ['train', 'val']));
  int(f.points, 'featureSpace.points', 1);
  int(f.featureSize, 'featureSpace.featureSize', 1, 65536);
  const rows = arr(f.classCentroidDistances, 'featureSpace.classCentroidDistances', classes);
  if (rows.length !== classes) bad('featureSpace.classCentroidDistances', `must have ${classes} rows, one per class`);
  rows.forEach((row, i) => {
    const cells = arr(row, `featureSpace.classCentroidDistances[${i}]`, classes);
    if (cells.length !== classes) bad(`featureSpace.classCentroidDistances[${i}]`, `must have ${classes} entries`);
    cells.forEach((v, j) => num(v, `featureSpace.classCentroidDistances[${i}][${j}]`, 0));
  });
  if (f.tsne !== undefined) {
    arr(f.tsne, 'featureSpace.tsne', 4).forEach((t, i) => {
      const o = obj(t, `featureSpace.tsne[${i}]`);
      const p = `featureSpace.tsne[${i}]`;
      if (o.dims !== 2 && o.dims !== 3) bad(`${p}.dims`, 'must be 2 or 3');
      num(o.perplexity, `${p}.perplexity`, 0);
      int(o.iterations, `${p}.iterations`, 1);
      num(o.seed, `${p}.seed`);
      num(o.kl, `${p}.kl`, 0);
      if (o.trustworthiness !== null) num(o.trustworthiness, `${p}.trustworthiness`, 0, 1);
      int(o.points, `${p}.points`, 1);
    });
  }
}

function checkRuntime(x: unknown): void {
  const r = obj(x, 'runtime');
  int(r.worldSize, 'runtime.worldSize', 1, 1_000_000);
  if (str(r.device, 'runtime.device').length > 64) bad('runtime.device', 'must be at most 64 characters');
  if (str(r.torchVersion, 'runtime.torchVersion').length > 64) bad('runtime.torchVersion', 'must be at most 64 characters');
  if (r.syncBatchNorm !== undefined && typeof r.syncBatchNorm !== 'boolean') bad('runtime.syncBatchNorm', 'must be true or false');
}

function check(x: unknown): RunRecord {
  const r = obj(x, 'record');
  if (r.format !== RUN_FORMAT) bad('format', `must be "${RUN_FORMAT}"`);
  if (!RUN_VERSIONS_READ.includes(r.version as 1)) bad('version', `must be ${RUN_VERSIONS_READ.join(' or ')}`);
  str(r.id, 'id');
  str(r.createdAt, 'createdAt');
  str(r.backend, 'backend');
  const config = checkConfig(r.config, r.version as number);
  const d = obj(r.dataset, 'dataset');
  str(d.name, 'dataset.name');
  str(d.hash, 'dataset.hash');
  const classes = arr(d.classes, 'dataset.classes', LIMITS.classes);
  if (classes.length < 2) bad('dataset.classes', 'must name at least 2 classes');
  classes.forEach((c, i) => str(c, `dataset.classes[${i}]`));
  const counts = obj(d.counts, 'dataset.counts');
  for (const k of ['train', 'val', 'test']) int(counts[k], `dataset.counts.${k}`);
  arr(r.epochs, 'epochs', LIMITS.epochs).forEach((e, i) => {
    const o = obj(e, `epochs[${i}]`);
    int(o.epoch, `epochs[${i}].epoch`, 1, LIMITS.epochs);
    for (const k of ['trainLoss', 'valLoss', 'seconds']) num(o[k], `epochs[${i}].${k}`, 0);
    for (const k of ['trainAccuracy', 'valAccuracy']) num(o[k], `epochs[${i}].${k}`, 0, 1);
  });
  arr(r.steps, 'steps', LIMITS.steps).forEach((s, i) => {
    const o = obj(s, `steps[${i}]`);
    int(o.step, `steps[${i}].step`);
    num(o.loss, `steps[${i}].loss`, 0);
  });
  checkTest(r.test, classes.length, counts.test as number);
  const tm = obj(r.timings, 'timings');
  num(tm.totalSeconds, 'timings.totalSeconds', 0);
  num(tm.imagesPerSecond, 'timings.imagesPerSecond', 0);
  if (r.stopped !== null) str(r.stopped, 'stopped');
  if (r.featureSpace !== undefined) checkFeatureSpace(r.featureSpace, classes.length);
  if (r.runtime !== undefined) checkRuntime(r.runtime);
  return { ...r, config } as unknown as RunRecord;
}

/** Checks that `x` is a well-formed RunRecord (version 1 or 2); returns it (a version-2 pipeline in canonical form), or the first problem found. */
export function validateRunRecord(x: unknown): { ok: true; value: RunRecord } | { ok: false; error: string } {
  try {
    return { ok: true, value: check(x) };
  } catch (e) {
    return { ok: false, error: e instanceof Invalid ? e.message : 'record could not be read' };
  }
}
