/**
 * The augmentation form of chapter 2.4 as data: which transforms it offers (in the order they are
 * applied), each with the homework's starting parameters, how a parameter reads as text and back,
 * and how a pipeline is fitted to the training image size (crops always output that size).
 */
import { PIPELINE_OPS, type Pipeline, type PipelineStep } from './pipeline';
import { validatePipeline } from './validate-pipeline';

/** The form's transforms in the order a pipeline applies them: geometry, then colour, then erasing. */
export const FORM_ORDER: readonly PipelineStep['op'][] = [
  'RandomResizedCrop', 'RandomCrop', 'RandomHorizontalFlip', 'RandomPerspective', 'RandomRotation', 'ColorJitter', 'GaussianBlur', 'RandomErasing',
];

/** The starting parameters (torchvision's constructor form) of each transform at image size `size`. */
function startParams(op: PipelineStep['op'], size: number): Record<string, unknown> {
  switch (op) {
    case 'RandomHorizontalFlip': return { p: 0.5 };
    case 'ColorJitter': return { brightness: 0.3, contrast: 0.2, saturation: 0.2 };
    case 'RandomPerspective': return { distortion_scale: 0.5, p: 0.5 };
    case 'RandomResizedCrop': return { size, scale: [0.6, 1] };
    case 'RandomCrop': return { size, padding: Math.max(1, Math.round(size / 16)) };
    case 'RandomRotation': return { degrees: 15 };
    case 'RandomErasing': return { p: 0.5 };
    case 'GaussianBlur': return { kernel_size: 3, sigma: [0.1, 2] };
  }
}

/** One transform's canonical step with the starting parameters at image size `size`. */
export function startStep(op: PipelineStep['op'], size: number): PipelineStep {
  const v = validatePipeline([{ op, params: startParams(op, size) }]);
  if (!v.ok) throw new Error(`starting parameters of ${op}: ${v.errors.join('; ')}`);
  return v.value[0];
}

/** The homework's pipeline (the original submission's): random perspective, colour jitter of brightness/contrast/saturation, random crop with padding. */
export function homeworkPipeline(size: number): Pipeline {
  return [startStep('RandomCrop', size), startStep('RandomPerspective', size), startStep('ColorJitter', size)];
}

/** The pipeline with every crop's output set to size × size, so it keeps training images at the size the model takes. */
export function fitPipeline(pipeline: Pipeline, size: number): Pipeline {
  return pipeline.map((s) => (s.op === 'RandomCrop' || s.op === 'RandomResizedCrop' ? { ...s, params: { ...s.params, size: [size, size] } } as PipelineStep : s));
}

/** A parameter's value as the text a form field shows: numbers as they are, lists comma-separated. */
export function paramText(value: unknown): string {
  if (Array.isArray(value)) return value.map(paramText).join(', ');
  return String(value);
}

/** A field's text read back in the kind of `like` (the parameter's current value); text that is not a number stays text, so validatePipeline names it. */
export function readParam(text: string, like: unknown): unknown {
  const t = text.trim();
  const number = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  if (typeof like === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  if (typeof like === 'number') return number(t);
  if (Array.isArray(like) || like === 'random') {
    if (t === 'random') return 'random';
    return t === '' ? [] : t.split(',').map(number);
  }
  return t;
}

/** One transform of the form: whether it is used, and the text of each parameter field. */
export interface FormEntry { op: string; on: boolean; fields: Record<string, string> }

/** The form's entries for `pipeline`: its steps are on (with their parameters), every other transform off with its starting parameters. */
export function formEntries(pipeline: Pipeline, size: number): FormEntry[] {
  return FORM_ORDER.map((op) => {
    const step = pipeline.find((s) => s.op === op) ?? startStep(op, size);
    return { op, on: pipeline.some((s) => s.op === op), fields: Object.fromEntries(Object.entries(step.params).map(([k, v]) => [k, paramText(v)])) };
  });
}

/** The pipeline the form says, checked at size × size: the used transforms in form order, or every problem named. */
export function pipelineFromForm(entries: readonly FormEntry[], size: number): ReturnType<typeof validatePipeline> {
  const steps = entries.filter((e) => e.on).map((e) => {
    if (!(PIPELINE_OPS as readonly string[]).includes(e.op)) return { op: e.op };
    const like = startStep(e.op as PipelineStep['op'], size).params as Record<string, unknown>;
    return { op: e.op, params: Object.fromEntries(Object.entries(e.fields).map(([k, text]) => [k, readParam(text, like[k])])) };
  });
  return validatePipeline(steps, [size, size]);
}
