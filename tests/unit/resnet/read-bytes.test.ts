import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, fetchBytes } from '../../../components/resnet/read-bytes';

const body = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/file') {
      res.writeHead(200, { 'Content-Length': String(body.byteLength) });
      res.write(body.subarray(0, body.byteLength / 2));
      setTimeout(() => res.end(body.subarray(body.byteLength / 2)), 20);
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'Content-Length': String(body.byteLength) });
      res.write(body.subarray(0, 10));
      setTimeout(() => res.destroy(), 20);
    } else if (req.url === '/error') {
      res.writeHead(500).end('oops');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The DownloadError `p` rejects with. */
async function failure(p: Promise<unknown>): Promise<DownloadError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DownloadError);
  return e as DownloadError;
}

describe('fetchBytes', () => {
  it('reads a file with progress up to its Content-Length', async () => {
    const seen: [number, number][] = [];
    const bytes = await fetchBytes(`${base}/file`, (done, total) => seen.push([done, total]));
    expect(bytes).toEqual(body);
    expect(seen.at(-1)).toEqual([body.byteLength, body.byteLength]);
    expect(seen.every(([, t]) => t === body.byteLength)).toBe(true);
  });

  it('says why there is no file: 404, another HTTP error, a broken-off download, no server', async () => {
    const none = () => undefined;
    expect((await failure(fetchBytes(`${base}/missing.safetensors`, none))).reason).toBe('not-found');
    const http = await failure(fetchBytes(`${base}/error`, none));
    expect(http.reason).toBe('http');
    expect(http.message).toMatch(/answered HTTP 500/);
    expect((await failure(fetchBytes(`${base}/cut`, none))).reason).toBe('cut');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(fetchBytes(`http://127.0.0.1:${port}/w.safetensors`, none));
    expect(refused.reason).toBe('unreachable');
    expect(refused.message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port} did not answer .*\\(CORS\\)$`));
  });
});
