/** Chapter 2.4's option of a training widget: the augmentation preview's pipeline (kept in localStorage), fitted to the chosen image size, and the sentence that says what it does. */
import { describeStep, type Pipeline } from '../../src/augment/pipeline';
import { fitPipeline } from '../../src/augment/pipeline-form';
import { PIPELINE_CHANGE, loadPipeline, pipelineEvents } from '../book/pipeline-store';

/** The pipeline a run at `imageSize` trains with (crops output that size). */
export function pipelineFor(imageSize: number): Pipeline {
  return fitPipeline(loadPipeline(imageSize).pipeline, imageSize);
}

/** What the widget says about the pipeline. */
export function pipelineText(p: Pipeline): string {
  return p.length
    ? `Each training batch is augmented with: ${p.map(describeStep).join(' → ')}. Validation and test images are not. Change it in the preview above.`
    : 'No augmentation is switched on in the preview above: this run trains on the images as they are (a run without augmentation, to compare with).';
}

/** Keeps `show` called whenever the preview's pipeline or the widget's image size changes. */
export function watchPipeline(sizeSelect: HTMLSelectElement, show: () => void): void {
  sizeSelect.addEventListener('change', show);
  pipelineEvents.addEventListener(PIPELINE_CHANGE, show);
  show();
}
