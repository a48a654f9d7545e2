/** CLI: pack an image folder or zip into the book's data set format. Exit 0 ok, 1 fatal data error, 2 usage error. */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { classMapping } from '../src/data/class-mapping';
import { DatasetError } from '../src/data/folder-scan';
import { formatReport } from '../src/data/image-report';
import { packFolder } from '../src/data/pack-folder';
import { decodeNode } from './node-decoders';
import { PACK_USAGE, parsePackArgs } from './pack-args';
import { folderSource, zipSource } from './read-input';

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parsePackArgs(argv);
  if (parsed.ok === 'help') {
    console.log(PACK_USAGE);
    return 0;
  }
  if (parsed.ok === false) {
    console.error(`pack-dataset: ${parsed.error}\n\n${PACK_USAGE}`);
    return 2;
  }
  const args = parsed.args;
  if (!existsSync(args.input)) {
    console.error(`pack-dataset: ${args.input} does not exist\n\n${PACK_USAGE}`);
    return 2;
  }
  const t0 = performance.now();
  try {
    const isDir = statSync(args.input).isDirectory();
    const src = isDir ? await folderSource(args.input) : zipSource(args.input);
    const tty = process.stderr.isTTY;
    const { manifest, bytes, report } = await packFolder(src.entries, src.readBatch, decodeNode, {
      name: args.name,
      size: args.size,
      fit: args.fit,
      maxPixels: args.maxPixels,
      source: `packed by pack-dataset from ${isDir ? 'folder' : 'zip'} ${resolve(args.input).split(/[\\/]/).pop()} (${args.size}×${args.size}, ${args.fit})`,
      onProgress: tty ? (done, total) => process.stderr.write(`\rDecoded ${done}/${total}`) : undefined,
    });
    if (tty) process.stderr.write('\n');
    mkdirSync(args.out, { recursive: true });
    const binPath = join(args.out, `${args.name}.bin`);
    const jsonPath = join(args.out, `${args.name}.json`);
    writeFileSync(binPath, bytes);
    writeFileSync(jsonPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const seconds = (performance.now() - t0) / 1000;
    console.log(formatReport(report));
    const scheme =
      classMapping(manifest.classes).scheme === 'russian-wildlife'
        ? "the homework's Russian Wildlife mapping"
        : 'sorted names, as ImageFolder';
    console.log(`Classes in label order (${scheme}): ${manifest.classes.join(', ')}`);
    if (bytes.length > 1024 ** 3)
      console.log(
        `Warning: the binary is ${(bytes.length / 1024 ** 3).toFixed(2)} GiB; a browser may fail to load it. Try a smaller --size.`,
      );
    console.log(`Wrote ${binPath} (${(bytes.length / 1024 ** 2).toFixed(1)} MiB) and ${jsonPath}`);
    console.log(
      `Packed ${manifest.count} images in ${seconds.toFixed(2)} s (${(manifest.count / seconds).toFixed(1)} images/s), peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(`pack-dataset: ${e.message}`);
      const lines = e.skipped.slice(0, 50).map((f) => `  ${f.path}: ${f.reason}${f.message ? ` (${f.message})` : ''}`);
      if (lines.length)
        console.error(`Skipped:\n${lines.join('\n')}${e.skipped.length > 50 ? `\n  … and ${e.skipped.length - 50} more` : ''}`);
      if (e.emptyClasses.length) console.error(`Empty class folders: ${e.emptyClasses.join(', ')}`);
      return 1;
    }
    console.error(`pack-dataset: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
