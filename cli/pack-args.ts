/** Command-line arguments of `pack-dataset`: parsed and checked, or a usage error message. */
import { parseArgs } from 'node:util';
import { basename, extname } from 'node:path';
import type { FitMode } from '../src/data/center-crop';

export const PACK_USAGE = `Usage: npm run pack-dataset -- <folder|file.zip> --size <px> --out <dir> [options]

Packs an image folder (one sub-folder per class) into <dir>/<name>.bin + <dir>/<name>.json
for the book's training page. The split is not applied here: the page splits 70/10/20 by seed.

  --size <px>          output side: a multiple of 16 from 16 to 512 (64, 128 or 224 are typical)
  --out <dir>          output folder (created if missing)
  --name <name>        data set name (default: the input's base name)
  --fit <mode>         center-crop (default: largest centred square) or stretch
  --max-megapixels <n> skip images larger than this (default 40)
  --help               this text`;

export interface PackArgs {
  input: string;
  size: number;
  out: string;
  name: string;
  fit: FitMode;
  maxPixels: number;
}

/** Parses argv (without node and script); returns args, 'help', or an error message. */
export function parsePackArgs(argv: string[]): { ok: true; args: PackArgs } | { ok: 'help' } | { ok: false; error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        size: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        fit: { type: 'string' },
        'max-megapixels': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const v = parsed.values;
  if (v.help) return { ok: 'help' };
  if (parsed.positionals.length !== 1)
    return { ok: false, error: `expected one input (a folder or a .zip), got ${parsed.positionals.length}` };
  const input = parsed.positionals[0];
  if (v.size === undefined) return { ok: false, error: '--size is required' };
  const size = Number(v.size);
  if (!Number.isInteger(size) || size < 16 || size > 512 || size % 16 !== 0) {
    return { ok: false, error: `--size must be a multiple of 16 from 16 to 512 (the homework CNN divides the side by 16), got ${v.size}` };
  }
  if (!v.out) return { ok: false, error: '--out is required' };
  const fit = (v.fit ?? 'center-crop') as FitMode;
  if (fit !== 'center-crop' && fit !== 'stretch') return { ok: false, error: `--fit must be center-crop or stretch, got ${v.fit}` };
  const mp = Number(v['max-megapixels'] ?? 40);
  if (!Number.isFinite(mp) || mp <= 0)
    return { ok: false, error: `--max-megapixels must be a positive number, got ${v['max-megapixels']}` };
  const base = basename(input.replace(/[\\/]+$/, ''), extname(input).toLowerCase() === '.zip' ? extname(input) : '');
  const name = v.name ?? base;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) {
    return {
      ok: false,
      error: `--name must be 1–100 letters, digits, '.', '_' or '-' (starting with a letter or digit), got ${JSON.stringify(name)}`,
    };
  }
  return { ok: true, args: { input, size, out: v.out, name, fit, maxPixels: mp * 1e6 } };
}
