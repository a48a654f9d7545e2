/** Reads a picked file or a fetched URL into bytes with progress (a 45 MB file takes a moment); a truncated download is an error. */

/** Reads a stream of `total` bytes (0 when unknown) into one array, reporting (done, total). */
async function readStream(stream: ReadableStream<Uint8Array>, total: number, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    chunks.push(r.value);
    done += r.value.byteLength;
    onProgress(done, total);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}

/** The bytes of a file the student picked. */
export async function readFileBytes(file: File, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const bytes = await readStream(file.stream(), file.size, onProgress);
  if (bytes.byteLength !== file.size) throw new Error(`${file.name}: read ${bytes.byteLength} of ${file.size} bytes`);
  return bytes;
}

/** The bytes at `url`, or null when there is none (404 or offline); other HTTP errors and short downloads throw. */
export async function fetchBytes(url: string, onProgress: (done: number, total: number) => void): Promise<Uint8Array | null> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    return null;
  }
  if (res.status === 404) return null;
  if (!res.ok || !res.body) throw new Error(`${url} answered HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const encoded = (res.headers.get('content-encoding') ?? '') !== '';
  const bytes = await readStream(res.body, encoded ? 0 : total, onProgress);
  if (!encoded && total > 0 && bytes.byteLength !== total) throw new Error(`${url} was cut off: ${bytes.byteLength} of ${total} bytes arrived`);
  return bytes;
}
