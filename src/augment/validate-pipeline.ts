/**
 * Validates untrusted JSON as a Pipeline: never throws. Every problem is named twice: by path for the
 * command line ("steps[1].params.p must be a number in [0, 1]") and in a student's words for the page
 * ("Step 2 (Random horizontal flip): the probability p must be a number from 0 to 1").
 */
import { type Obj, ParamError, fail, isObj, oneOf, onlyKeys } from './check';
import { type Pipeline, type PipelineStep, stepOutputSize } from './pipeline';
import { PIPELINE_OPS, type StepOf, TRANSFORMS, type TransformName, isTransformName } from './transforms';

const MAX_STEPS = 32;
const EXAMPLE = '{"op": "RandomHorizontalFlip", "params": {"p": 0.5}}';

/** One problem: the step (index) and parameter (key) it is about, where it is one's; `text` names it by path, `words` as a student reads it. */
export interface PipelineProblem {
  step: number | null;
  param: string | null;
  text: string;
  words: string;
}

function parseStep(o: Obj, where: string): PipelineStep {
  const op = oneOf(o.op, `${where}.op`, PIPELINE_OPS);
  onlyKeys(o, ['op', 'params'], `${where} (${op})`);
  if (o.params !== undefined && !isObj(o.params)) fail(`${where}.params`, 'an object', o.params, 'a list of parameters like {"p": 0.5}');
  const p: Obj = isObj(o.params) ? o.params : {};
  const t = TRANSFORMS[op];
  onlyKeys(p, t.accepts, `${where} (${op})`);
  return t.parse(p, (k) => `${where}.params.${k}`);
}

/** Why a step cannot run on an H × W image, as torchvision would fail at call time, or null. */
function misfit<K extends TransformName>(step: StepOf<K>, h: number, w: number): string | null {
  return TRANSFORMS[step.op].misfit?.(step.params, h, w) ?? null;
}

/** The parameter a field path names ("size[1]" of step `where`), in words: "number 2 of the output size size". */
function paramWords(op: TransformName | null, rest: string): { key: string; words: string } {
  const b = rest.indexOf('[');
  const key = b < 0 ? rest : rest.slice(0, b);
  const about: Partial<Record<string, string>> = op ? TRANSFORMS[op].about : {};
  const named = about[key] ? `${about[key]} ${key}` : key;
  return { key, words: b < 0 ? named : `number ${Number(rest.slice(b + 1, -1)) + 1} of ${named}` };
}

/** A problem of step i from the ParamError its parsing threw. */
function stepProblem(e: ParamError, i: number, op: TransformName | null): PipelineProblem {
  const where = `steps[${i}]`;
  const step = `Step ${i + 1}${op ? ` (${TRANSFORMS[op].title})` : ''}`;
  const field = e.field ?? '';
  if (field.startsWith(`${where}.params.`)) {
    const { key, words } = paramWords(op, field.slice(`${where}.params.`.length));
    return { step: i, param: key, text: e.message, words: `${step}: ${words} ${e.words ?? ''}`.trim() };
  }
  if (field === `${where}.op`) return { step: i, param: null, text: e.message, words: `${step}: the transform ${e.words ?? ''}`.trim() };
  if (field === `${where}.params`)
    return { step: i, param: null, text: e.message, words: `${step}: the parameters ${e.words ?? ''}`.trim() };
  return { step: i, param: null, text: e.message, words: `${step}: ${e.words ?? e.message}` };
}

/** Parses a pipeline ([{op, params}, …]); with `imageSize` [H, W], also checks each step fits the size it meets; every problem named by path and in words. */
export function checkPipeline(
  json: unknown,
  imageSize?: [number, number],
): { ok: true; value: Pipeline } | { ok: false; problems: PipelineProblem[] } {
  const whole = (text: string, words: string): { ok: false; problems: PipelineProblem[] } => ({
    ok: false,
    problems: [{ step: null, param: null, text, words }],
  });
  if (!Array.isArray(json))
    return whole(`the pipeline must be a list of steps, e.g. [${EXAMPLE}]`, `The pipeline must be a list of steps, e.g. [${EXAMPLE}].`);
  if (json.length > MAX_STEPS)
    return whole(
      `the pipeline has ${json.length} steps; at most ${MAX_STEPS}`,
      `The pipeline has ${json.length} steps; it may have at most ${MAX_STEPS}.`,
    );
  const problems: PipelineProblem[] = [];
  const value: Pipeline = [];
  let hw = imageSize;
  json.forEach((o, i) => {
    const where = `steps[${i}]`;
    const op = isObj(o) && isTransformName(o.op) ? o.op : null;
    if (!isObj(o)) {
      problems.push({
        step: i,
        param: null,
        text: `${where} must be an object like ${EXAMPLE} (got ${JSON.stringify(o)})`,
        words: `Step ${i + 1} is not a transform: each step is like ${EXAMPLE}.`,
      });
      hw = undefined;
      return;
    }
    try {
      const step = parseStep(o, where);
      const bad = hw ? misfit(step, hw[0], hw[1]) : null;
      if (bad !== null) {
        problems.push({
          step: i,
          param: null,
          text: `${where} (${step.op}): ${bad}`,
          words: `Step ${i + 1} (${TRANSFORMS[step.op].title}): ${bad}`,
        });
        hw = undefined;
        return;
      }
      if (hw) hw = stepOutputSize(step, hw[0], hw[1]);
      value.push(step);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      problems.push(stepProblem(e, i, op));
      hw = undefined;
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** Parses a pipeline ([{op, params}, …]); with `imageSize` [H, W], also checks each step fits the size it meets; problems named by path. */
export function validatePipeline(
  json: unknown,
  imageSize?: [number, number],
): { ok: true; value: Pipeline } | { ok: false; errors: string[] } {
  const v = checkPipeline(json, imageSize);
  return v.ok ? v : { ok: false, errors: v.problems.map((p) => p.text) };
}
