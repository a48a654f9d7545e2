/** The sentences of chapter 2.3's fine-tuning widget (components/resnet/hw-fine-tune.ts), as pure functions of what they report. */
import type { FeatureSpaceSummary, RunRecord } from '../record/run-record';
import { epochsOfText } from './progress-text';
import { stopReasonText } from './run-summary';

/** What the BatchNorm setting means, for the note under the form. */
export const BN_NOTES = {
  frozen:
    "A frozen backbone always runs BatchNorm in eval mode: ImageNet's running statistics, so its features never change and are computed once, before the head trains.",
  train:
    "Train mode normalises every layer with the mean and variance of the current batch and updates the running statistics. With a batch of 8 these estimates are noisy, and the running statistics drift away from ImageNet's; prefer batch 32 or more, or eval mode.",
  eval: "Eval mode keeps ImageNet's running statistics while the weights train: stable for small batches, at the price of statistics that do not adapt to your images.",
} as const;

/** The data set line: which images the run fine-tunes on and what that makes of fc. */
export function datasetText(d: { origin: string; name: string; count: number; classes: number } | null): string {
  if (!d) return 'No data set is available: load one in chapter 2.1, or reload the page to get the default data set.';
  const which = d.origin === 'default' ? 'the default data set (Fashion-MNIST stand-in)' : `your data set "${d.name}"`;
  return `Fine-tuning on ${which}: ${d.count.toLocaleString('en')} images, ${d.classes} classes, split 70/10/20 with the seed below. fc becomes a ${d.classes}-way layer; inputs get ImageNet's normalisation.`;
}

/** What the run record's `pretrained` says about the starting weights (null: random weights). */
export function pretrainedSource(w: { name: string; imagenet: boolean; courseUrl?: string } | null): string | null {
  if (!w) return null;
  if (w.imagenet) return `torchvision ImageNet weights (${w.name})`;
  return w.courseUrl ? `the course's ImageNet weights (${w.name})` : w.name;
}

/** The download button's label, with the size of ResNet-18's float32 state_dict. */
export function downloadLabel(bytes: number): string {
  return `Download ImageNet weights (${Math.round(bytes / 1e6)} MB)`;
}

/** The status line after a fine-tuning run ends. */
export function runDoneText(run: RunRecord, epochs: number, label: string, featureError: string): string {
  const t = run.timings;
  const feats = t.featureSeconds === undefined ? '' : `; backbone features in ${t.featureSeconds.toFixed(1)} s`;
  const lost = featureError ? ` The feature space could not be computed: ${featureError}.` : '';
  return `Run ${stopReasonText(run.stopped)} on ${run.backend} in ${t.totalSeconds.toFixed(1)} s (${Math.round(t.imagesPerSecond).toLocaleString('en')} images/s${feats}): ${epochsOfText(run.epochs.length, epochs)}, ${label}. It is in your runs list below.${lost}`;
}

/** How many of a feature set's points are train and validation images. */
function splitCounts(splits: readonly ('train' | 'val')[]): string {
  return `${splits.length} images (${splits.filter((s) => s === 'train').length} train, ${splits.filter((s) => s === 'val').length} validation)`;
}

/** The feature-space line once a run's features are computed; `kept`: whether they survive a reload, or why they could not be kept. */
export function runFeaturesText(splits: readonly ('train' | 'val')[], kept: boolean | string): string {
  const note =
    kept === true
      ? ''
      : kept === false
        ? ' (They last until you leave the page: this browser cannot keep them.)'
        : ` (They could not be kept for after a reload: ${kept}.)`;
  return `Features of this run: ${splitCounts(splits)}. Press "Draw t-SNE".${note}`;
}

/** The feature-space line for a kept run's features read back from this browser (images drawn only when the data set is the run's). */
export function keptFeaturesText(runId: string, label: string, splits: readonly ('train' | 'val')[], sameData: boolean): string {
  const pictures = sameData ? '' : " The data set loaded now is not the run's, so the points have no thumbnails.";
  return `Features of your kept run ${runId} (${label}), kept in this browser: ${splitCounts(splits)}. Press "Draw t-SNE".${pictures}`;
}

/** The feature-space line when the newest kept run's features were not kept (older runs, imported ones, a full store). */
export function noKeptFeaturesText(runId: string): string {
  return `Your kept run ${runId} has no features kept in this browser (it was trained before the book kept them, imported, or the browser refused the space), so its t-SNE cannot be drawn again: train it again with the same settings, or press "Features of the loaded weights".`;
}

/** Who the features of the loaded weights are of. */
export function weightsOf(name: string | null): string {
  return name ?? 'random weights (not pretrained)';
}

/** The feature-space line after computing the features of the loaded weights without training. */
export function weightsFeaturesText(p: {
  name: string | null;
  points: number;
  imageSize: number;
  computed: number;
  seconds: number;
  backend: string;
}): string {
  const speed = p.computed
    ? `${p.computed} computed in ${p.seconds.toFixed(1)} s (${Math.round(p.computed / p.seconds)} images/s) on ${p.backend}`
    : 'none computed';
  return `Features of ${weightsOf(p.name)} before any training: ${p.points} images at ${p.imageSize}×${p.imageSize}, ${speed}, ${p.points - p.computed} from this page's cache. Press "Draw t-SNE".`;
}

/** The feature-space line after t-SNE was drawn for a run and kept with it. */
export function tsneKeptText(drawn: NonNullable<FeatureSpaceSummary['tsne']>, runId: string): string {
  return `t-SNE drawn (${drawn.map((t) => `${t.dims}-D: KL ${t.kl.toFixed(3)}, trustworthiness ${t.trustworthiness?.toFixed(3) ?? '—'}`).join('; ')}); kept with run ${runId}.`;
}
