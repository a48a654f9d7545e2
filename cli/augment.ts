/** `npm run augment -- --input IN --ops OPS.json --out OUT`: torchvision.transforms.functional ops on `images` [N, 3, H, W] of a safetensors file. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { AugmentInputError, augmentFile } from '../src/augment/augment-file';
import { FUNCTIONAL_OPS } from '../src/augment/ops-file';
import { selectBackend } from '../src/train/backends';

const USAGE = `usage: npm run augment -- --input IN.safetensors --ops OPS.json --out OUT.safetensors [--backend cpu|wasm]

Reads the tensor "images" [N, 3, H, W] (float, values in [0, 1]) from IN, applies the operations of
OPS.json in order, and writes "images" [N, 3, H', W'] (float32) to OUT. OPS.json is a list of
torchvision.transforms.functional calls with their keyword arguments, e.g.
  [{"op": "perspective", "startpoints": [[0,0],[22,0],[22,16],[0,16]], "endpoints": [[2,1],[20,3],[21,15],[1,13]],
    "interpolation": "bilinear", "fill": 0}, {"op": "adjust_hue", "hue_factor": 0.1}]
Operations: ${FUNCTIONAL_OPS.join(', ')}.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        ops: { type: 'string' },
        out: { type: 'string' },
        backend: { type: 'string', default: 'cpu' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    console.error(`augment: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = (['input', 'ops', 'out'] as const).filter((k) => !values[k]);
  if (missing.length) {
    console.error(`augment: missing ${missing.map((k) => `--${k}`).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  if (values.backend !== 'cpu' && values.backend !== 'wasm') {
    console.error(`augment: --backend must be cpu or wasm, got ${values.backend}`);
    return 2;
  }
  for (const k of ['input', 'ops'] as const)
    if (!existsSync(values[k]!)) {
      console.error(`augment: --${k} ${values[k]} does not exist`);
      return 2;
    }
  await selectBackend(tf, { preferred: [values.backend] });
  const t0 = performance.now();
  const { bytes, shape } = await augmentFile(tf, new Uint8Array(readFileSync(values.input!)), readFileSync(values.ops!, 'utf8'));
  const tmp = `${values.out}.partial`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, values.out!);
  console.log(
    `wrote ${values.out}: images [${shape.join(', ')}] in ${((performance.now() - t0) / 1000).toFixed(2)} s on ${tf.getBackend()}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`augment: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof AugmentInputError ? 2 : 1);
  },
);
