/** The student's augmentation pipeline (q2.4), kept in localStorage so chapter 2.4's training uses what the preview shows; 'pipeline-change' on `pipelineEvents` when it changes. */
import type { Pipeline } from '../../src/augment/pipeline';
import { homeworkPipeline } from '../../src/augment/pipeline-form';
import { checkPipeline } from '../../src/augment/validate-pipeline';

const KEY = 'dlcv-hw1:augment-pipeline';
/** Fires 'pipeline-change' (detail: the new Pipeline) after savePipeline. */
export const pipelineEvents = new EventTarget();
export const PIPELINE_CHANGE = 'pipeline-change';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The kept pipeline, or the homework's at `size` when none is kept; a kept one that no longer validates is reported and replaced by the homework's. */
export function loadPipeline(size: number): { pipeline: Pipeline; warning: string | null } {
  const text = storage()?.getItem(KEY);
  if (!text) return { pipeline: homeworkPipeline(size), warning: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      pipeline: homeworkPipeline(size),
      warning: "The kept augmentation pipeline could not be read; the homework's pipeline is shown instead.",
    };
  }
  const v = checkPipeline(json);
  return v.ok
    ? { pipeline: v.value, warning: null }
    : {
        pipeline: homeworkPipeline(size),
        warning: `The kept augmentation pipeline is not valid (${v.problems.map((p) => p.words).join('; ')}); the homework's pipeline is shown instead.`,
      };
}

/** Keeps `pipeline` (returns a message when the browser refuses to store it) and tells listeners. */
export function savePipeline(pipeline: Pipeline): string | null {
  let problem: string | null = null;
  try {
    const s = storage();
    if (!s) problem = 'this browser does not keep data for this page';
    else s.setItem(KEY, JSON.stringify(pipeline));
  } catch (e) {
    problem = (e as Error).message;
  }
  pipelineEvents.dispatchEvent(new CustomEvent(PIPELINE_CHANGE, { detail: pipeline }));
  return problem === null ? null : `The pipeline is used on this page but could not be kept (${problem}).`;
}
