/**
 * Checks a ResNet-18 weights file the page was given (bytes, no DOM): reads it as .pth or
 * .safetensors, checks every name and shape against torchvision's ResNet-18, computes its SHA-256,
 * and says whether it is torchvision's published ImageNet file (hash beginning f37072fd, or a
 * .safetensors converted from it, whose metadata records that hash); reads its BatchNorm statistics
 * to tell trained weights from a fresh init (a course's download must be trained). Throws one clear message.
 */
import { sha256Hex } from '../../src/data/sha256';
import type { TorchState } from '../../src/train/model';
import { checkResnet18State } from '../../src/train/resnet18';
import { type BatchNormStats, batchNormStats, batchNormText, looksTrained } from '../../src/tensor/weights/batchnorm-stats';
import { isZip, readWeightsBytes } from '../../src/tensor/weights/read-weights';
import { readSafetensors } from '../../src/tensor/weights/safetensors';

/** The first hex digits of the SHA-256 of torchvision's resnet18-f37072fd.pth (its file name carries them). */
export const TORCHVISION_SHA_PREFIX = 'f37072fd';

/** Weights ready to train from, with what the run record and the page say about them. */
export interface CheckedWeights {
  state: TorchState;
  name: string;
  format: 'safetensors' | 'pth';
  sha256: string;
  bytes: number;
  /** True when the file is (or was converted from) torchvision's published ImageNet weights. */
  imagenet: boolean;
  /** The BatchNorm running statistics, which show whether the weights were trained. */
  batchNorm: BatchNormStats;
  /** The course's URL the file was downloaded from (course.json's ImageNet weights), absent for a picked file. */
  courseUrl?: string;
}

/** Reads and checks `bytes` named `name`; a corrupt, truncated or wrong-architecture file (or an untrained one when `requireTrained`) throws a message saying which. */
export async function checkWeights(bytes: Uint8Array, name: string, opts: { requireTrained?: boolean } = {}): Promise<CheckedWeights> {
  if (bytes.byteLength === 0) throw new Error(`${name} is empty`);
  const { tensors, format } = readWeightsBytes(bytes, name);
  try {
    checkResnet18State(tensors);
  } catch (e) {
    throw new Error(`${name} is not a ResNet-18 state_dict: ${(e as Error).message}`);
  }
  const batchNorm = batchNormStats(tensors);
  if (opts.requireTrained && !looksTrained(batchNorm)) throw new Error(`${name} is not pretrained: ${batchNormText(batchNorm)}`);
  const sha256 = await sha256Hex(bytes);
  const source = format === 'safetensors' && !isZip(bytes) ? (readSafetensors(bytes).metadata.source_sha256 ?? '') : '';
  const imagenet = sha256.startsWith(TORCHVISION_SHA_PREFIX) || source.startsWith(TORCHVISION_SHA_PREFIX);
  if (/-f37072fd\.pth$/i.test(name) && !sha256.startsWith(TORCHVISION_SHA_PREFIX)) {
    throw new Error(
      `${name} is named like torchvision's file but its SHA-256 begins ${sha256.slice(0, 8)}, not ${TORCHVISION_SHA_PREFIX}: it is damaged or a different file; download it again`,
    );
  }
  return { state: tensors as TorchState, name, format, sha256, bytes: bytes.byteLength, imagenet, batchNorm };
}

/** One line on what the weights are, for the page and the run record's `pretrained`. */
export function weightsText(w: CheckedWeights | null): string {
  if (!w) return 'No weights are loaded: ResNet-18 trains from random weights (not pretrained).';
  const what = w.imagenet
    ? "torchvision's ImageNet weights (checksum matches)"
    : w.courseUrl
      ? `the course's ImageNet weights from ${new URL(w.courseUrl).host}`
      : "ResNet-18 weights whose checksum is not torchvision's published file";
  return `Weights: ${w.name} (${w.format}, ${(w.bytes / 1e6).toFixed(1)} MB, SHA-256 ${w.sha256.slice(0, 12)}…): ${what}; ${batchNormText(w.batchNorm)}.`;
}

/** The label every chart of a run carries: the model and whether it started from pretrained weights. */
export function chartLabel(pretrained: string | null): string {
  return pretrained ? `ResNet-18 from ${pretrained}` : 'ResNet-18, not pretrained';
}
