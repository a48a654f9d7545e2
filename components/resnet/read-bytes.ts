/** Reads a picked file or a fetched URL into bytes with progress (a 45 MB file takes a moment); a truncated download is an error. */

/** Reads a stream of `total` bytes (0 when unknown) into one array, reporting (done, total). */
async function readStream(
  stream: ReadableStream<Uint8Array>,
  total: number,
  onProgress: (done: number, total: number) => void,
): Promise<Uint8Array> {
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
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The bytes of a file the student picked. */
export async function readFileBytes(file: File, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const bytes = await readStream(file.stream(), file.size, onProgress);
  if (bytes.byteLength !== file.size) throw new Error(`${file.name}: read ${bytes.byteLength} of ${file.size} bytes`);
  return bytes;
}

/** Why a download gave no file: nothing at the URL, no answer (offline, refused, or blocked by CORS), another HTTP error, or cut off. */
export class DownloadError extends Error {
  constructor(
    readonly reason: 'not-found' | 'unreachable' | 'http' | 'cut',
    message: string,
  ) {
    super(message);
  }
}

/** The bytes at `url`, read with progress; throws a DownloadError saying what went wrong. */
export async function fetchBytes(url: string, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new DownloadError(
      'unreachable',
      `${new URL(url, globalThis.location?.href).host} did not answer (${(e as Error).message}): the browser is offline, the server is down, or it does not allow this site to download from it (CORS)`,
    );
  }
  if (res.status === 404) throw new DownloadError('not-found', `there is no file at ${url} (HTTP 404)`);
  if (!res.ok || !res.body)
    throw new DownloadError('http', `${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const encoded = (res.headers.get('content-encoding') ?? '') !== '';
  let bytes: Uint8Array;
  try {
    bytes = await readStream(res.body, encoded ? 0 : total, onProgress);
  } catch (e) {
    throw new DownloadError('cut', `the download of ${url} broke off (${(e as Error).message})`);
  }
  if (!encoded && total > 0 && bytes.byteLength !== total)
    throw new DownloadError('cut', `${url} was cut off: ${bytes.byteLength} of ${total} bytes arrived`);
  return bytes;
}
