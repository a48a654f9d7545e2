/**
 * Node side of the wasm backend's threads (tfjs 4.22 turns them off in Node, tfjs issue 3830). Its
 * threaded build starts each pthread from a blob: URL, which Node's worker_threads refuse, and the
 * worker loads the main script from a Blob it cannot read synchronously. So, only while the backend
 * starts: URL.createObjectURL returns a worker file written to the temp folder (the package's own
 * worker code, which in turn loads the package's threaded-simd.js from disk), and os.cpus() reports
 * 2 × threads logical cores, since tfjs sizes its pool at half of them.
 */
import type { InitHooks } from './threads';

type Builtin = <T>(name: string) => T;

function builtin<T>(name: string): T {
  const get = (globalThis as { process?: { getBuiltinModule?: Builtin } }).process?.getBuiltinModule;
  if (!get) throw new Error('wasm threads in Node need process.getBuiltinModule (Node 20.16 or 22.3 and later)');
  return get<T>(name);
}

let workerFile: string | null = null;

/** Writes (once per process) the pthread worker file for the installed tfjs-backend-wasm and returns its path. */
export function pthreadWorkerFile(): string {
  if (workerFile) return workerFile;
  const { createRequire } = builtin<typeof import('node:module')>('node:module');
  const fs = builtin<typeof import('node:fs')>('node:fs');
  const os = builtin<typeof import('node:os')>('node:os');
  const path = builtin<typeof import('node:path')>('node:path');
  const crypto = builtin<typeof import('node:crypto')>('node:crypto');
  const req = createRequire(path.join(process.cwd(), 'package.json'));
  const out = path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'));
  const mainScript = path.join(out, 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = req(path.join(out, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  // The worker asks for an object URL of the main script's Blob; it gets the same script's path on disk.
  const text = `URL.createObjectURL = () => ${JSON.stringify(mainScript)};\nURL.revokeObjectURL = () => {};\n${wasmWorkerContents.replace(/\n/g, '\\n')}`;
  const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `tfjs-wasm-pthread-${hash}.cjs`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  workerFile = file;
  return file;
}

/** The start-up changes for `threads` threads in Node (see the file's comment). */
export function nodeThreadsHooks(threads: number): InitHooks {
  const os = builtin<{ cpus: () => unknown[] }>('node:os');
  const realCpus = os.cpus;
  const realUrl = URL.createObjectURL;
  return {
    install: () => {
      const file = pthreadWorkerFile();
      os.cpus = () => Array.from({ length: 2 * threads }, (_, i) => realCpus()[i % realCpus().length]);
      URL.createObjectURL = () => file;
    },
    undo: () => {
      os.cpus = realCpus;
      URL.createObjectURL = realUrl;
    },
  };
}
