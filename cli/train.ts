/** `npm run train`: trains a model of the registry (the homework CNN, or fine-tunes ResNet-18) on a packed data set in Node and writes a run record. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { decodePacked } from '../src/data/packed-format';
import { stratifiedSplit } from '../src/data/split';
import { selectBackend } from '../src/train/backends';
import { loadWeights } from './train-io';
import { trainRecordSummary } from './train-summary';
import { TRAIN_USAGE, type TrainArgs, parseTrainArgs } from './train-args';
import { train } from '../src/train/trainer';
import { readPth } from '../src/tensor/weights/pth';
import { readSafetensors, writeSafetensors } from '../src/tensor/weights/safetensors';
import { limitSplit } from '../src/runs/train-limit';
import { modelOf } from '../src/train/models';

function manifestPath(data: string): string {
  if (!existsSync(data)) throw new Error(`--data ${data} does not exist`);
  if (!statSync(data).isDirectory()) return data;
  const jsons = readdirSync(data).filter((f) => f.endsWith('.json'));
  if (jsons.includes('default.json')) return join(data, 'default.json');
  if (jsons.length === 1) return join(data, jsons[0]);
  throw new Error(
    `${data} holds ${jsons.length} .json files; pass the manifest itself (an image folder must first be packed with npm run pack-dataset)`,
  );
}

async function loadData(args: TrainArgs) {
  const json = manifestPath(args.data);
  const bin = json.replace(/\.json$/, '.bin');
  if (!existsSync(bin)) throw new Error(`the manifest ${json} has no binary ${bin} next to it`);
  const ds = await decodePacked(readFileSync(json, 'utf8'), new Uint8Array(readFileSync(bin)));
  const m = ds.manifest;
  return { manifest: m, count: m.count, pixels: ds.pixels, labels: Array.from(ds.labels) };
}

async function useBackend(name: TrainArgs['backend']): Promise<string> {
  if (name === 'webgpu' && !(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) {
    const { create, globals } = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
    Object.assign(globalThis, globals);
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
  }
  const choice = await selectBackend(tf, { preferred: [name] });
  return choice.name;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseTrainArgs(argv);
  if (parsed.ok === 'help') {
    console.log(TRAIN_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`train: ${parsed.error}\n\n${TRAIN_USAGE}`);
    return 2;
  }
  const args = parsed.args;
  const data = await loadData(args);
  const split = limitSplit(stratifiedSplit(data.labels, data.manifest.classes.length, args.seed), args.limit);
  const init = args.init ? readInit(args.init) : undefined;
  const weights = args.weights ? await loadWeights(args.weights) : null;
  const backend = await useBackend(args.backend);
  console.log(
    `data ${data.manifest.name}: ${data.count} images${args.limit ? ` (each split cut to at most ${args.limit})` : ''} ${data.manifest.imageSize}px×${data.manifest.channels} → ${args.size}px; split ${split.train.length}/${split.val.length}/${split.test.length}; backend ${backend}`,
  );
  const def = modelOf(args.model);
  if (def.fineTunes)
    console.log(
      weights
        ? `weights ${args.weights} (${weights.format}, sha256 ${weights.sha256}); ${args.fineTune} fine-tuning, BatchNorm ${args.batchNorm}`
        : `no --weights: ${def.name} starts from a seeded init (not pretrained)`,
    );
  const fineTuning = def.fineTunes
    ? {
        fineTuning: args.fineTune,
        batchNorm: args.batchNorm,
        normalization: def.normalization,
        weights: weights ? { source: basename(args.weights as string), sha256: weights.sha256 } : null,
      }
    : {};
  let lastShown = -1;
  const record = await train({
    tf,
    model: args.model,
    split,
    data: {
      images: data.pixels,
      labels: data.labels,
      imageSize: data.manifest.imageSize,
      channels: data.manifest.channels,
      classes: data.manifest.classes,
    },
    config: {
      model: args.model,
      question: def.question,
      imageSize: args.size,
      epochs: args.epochs,
      batchSize: args.batch,
      learningRate: args.lr,
      adamEpsilon: args.eps,
      seed: args.seed,
      augmentations: [],
      pretrained: !def.fineTunes ? args.init : args.weights ? basename(args.weights) : null,
      ...fineTuning,
    },
    dataset: { name: data.manifest.name, hash: data.manifest.hash },
    yieldFn: () => Promise.resolve(),
    initialWeights: init ?? weights?.tensors,
    callbacks: {
      onFeatures: ({ done, total }) => {
        const pct = Math.floor((100 * done) / total);
        if (pct >= lastShown + 10 || done === total) {
          lastShown = pct;
          console.log(`features ${done}/${total} images (frozen backbone)`);
        }
      },
      onStep: (s) => {
        if (s.step % 10 === 0)
          console.log(`epoch ${s.epoch} step ${s.step} loss ${s.loss.toFixed(4)} ${s.imagesPerSecond.toFixed(0)} img/s`);
      },
      onEpoch: (e) =>
        console.log(
          `epoch ${e.epoch}: train loss ${e.trainLoss.toFixed(4)} acc ${e.trainAccuracy.toFixed(4)} | val loss ${e.valLoss.toFixed(4)} acc ${e.valAccuracy.toFixed(4)} | ${e.seconds.toFixed(1)} s`,
        ),
      onModel: async (model) => {
        if (args.weightsOut)
          writeFileSync(
            args.weightsOut,
            writeSafetensors(await model.exportTorch(), { format: 'pt', model: args.model, imageSize: String(args.size) }),
          );
      },
    },
  });
  writeFileSync(args.out, `${JSON.stringify(record)}\n`);
  console.log(trainRecordSummary(record));
  console.log(`wrote ${args.out}${args.weightsOut ? ` and ${args.weightsOut}` : ''}`);
  return 0;
}

function readInit(path: string) {
  if (!existsSync(path)) throw new Error(`--init ${path} does not exist`);
  const bytes = new Uint8Array(readFileSync(path));
  return path.endsWith('.pth') || path.endsWith('.pt') ? readPth(bytes) : readSafetensors(bytes).tensors;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`train: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
