/**
 * Whether a ResNet state_dict has been trained, read off its BatchNorm buffers: torch initialises
 * every running mean to 0 and every running variance to 1, and training moves them (ImageNet's
 * stem sees variances in the hundreds). Names, shapes and a checksum cannot tell trained weights
 * from a fresh `resnet18()`; these statistics can.
 */
import type { TensorMap } from './tensor-map';

/** torch's initial running statistics of a BatchNorm layer. */
export const BN_INIT = { mean: 0, variance: 1 } as const;

/** How far from torch's initial values a buffer must be for a layer to count as trained. */
export const BN_INIT_TOLERANCE = 1e-6;

/** The BatchNorm layers of a state_dict and how far their running statistics are from the initial ones. */
export interface BatchNormStats {
  /** Layers with both running buffers. */
  layers: number;
  /** Layers whose running mean and variance are still exactly torch's initial values (within the tolerance). */
  atInit: number;
  /** Mean running variance over every channel of every layer. */
  meanVariance: number;
  /** Mean |running mean| over every channel of every layer. */
  meanAbsMean: number;
  /** Largest num_batches_tracked, or null when the file has none (older torchvision files do not). */
  batchesTracked: number | null;
}

/** Reads the running statistics of every `<prefix>.running_mean` / `<prefix>.running_var` pair. */
export function batchNormStats(state: TensorMap): BatchNormStats {
  let layers = 0;
  let atInit = 0;
  let channels = 0;
  let sumVar = 0;
  let sumAbsMean = 0;
  let batches: number | null = null;
  for (const [name, t] of state) {
    if (name.endsWith('.num_batches_tracked') && t.data.length > 0) batches = Math.max(batches ?? 0, Number(t.data[0]));
    if (!name.endsWith('.running_mean')) continue;
    const v = state.get(`${name.slice(0, -'running_mean'.length)}running_var`);
    if (!v || v.data.length !== t.data.length) continue;
    layers++;
    let moved = false;
    for (let i = 0; i < t.data.length; i++) {
      const m = Number(t.data[i]);
      const s = Number(v.data[i]);
      sumAbsMean += Math.abs(m);
      sumVar += s;
      if (Math.abs(m - BN_INIT.mean) > BN_INIT_TOLERANCE || Math.abs(s - BN_INIT.variance) > BN_INIT_TOLERANCE) moved = true;
    }
    channels += t.data.length;
    if (!moved) atInit++;
  }
  return {
    layers,
    atInit,
    meanVariance: channels ? sumVar / channels : NaN,
    meanAbsMean: channels ? sumAbsMean / channels : NaN,
    batchesTracked: batches,
  };
}

/** True when every BatchNorm layer has left torch's initial statistics (and there is at least one layer). */
export function looksTrained(s: BatchNormStats): boolean {
  return s.layers > 0 && s.atInit === 0;
}

/** One sentence on what the statistics show, for the page. */
export function batchNormText(s: BatchNormStats): string {
  if (s.layers === 0) return 'it has no BatchNorm running statistics to tell whether it was trained';
  const avg = `average running variance ${s.meanVariance.toPrecision(3)}, average |running mean| ${s.meanAbsMean.toPrecision(3)}`;
  if (looksTrained(s))
    return `its BatchNorm statistics show trained weights (all ${s.layers} layers moved from mean ${BN_INIT.mean} and variance ${BN_INIT.variance}; ${avg})`;
  if (s.atInit === s.layers)
    return `its BatchNorm statistics are torch's initial values in all ${s.layers} layers (mean ${BN_INIT.mean}, variance ${BN_INIT.variance}): these weights were never trained`;
  return `${s.atInit} of its ${s.layers} BatchNorm layers still have torch's initial statistics (mean ${BN_INIT.mean}, variance ${BN_INIT.variance}): only partly trained`;
}
