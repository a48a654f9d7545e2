import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';

const WEIGHTS = readFileSync('../shared/fixtures/resnet18/weights.safetensors');
const MB = (WEIGHTS.byteLength / 1e6).toFixed(1);

/** Another site's copy of the weights: a real HTTP server on its own port with CORS headers, sending the file in slow chunks; counts its requests. */
let server: Server;
let origin = '';
const requests: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url !== '/timm/resnet18.tv_in1k/resolve/main/model.safetensors') {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(WEIGHTS.byteLength),
    });
    const chunk = Math.ceil(WEIGHTS.byteLength / 20);
    let at = 0;
    const send = () => {
      if (at >= WEIGHTS.byteLength) {
        res.end();
        return;
      }
      res.write(WEIGHTS.subarray(at, at + chunk));
      at += chunk;
      setTimeout(send, 100);
    };
    send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(() => {
  requests.length = 0;
});

/** Serves a course.json whose `resnetWeights` is `url`, and opens chapter 2.3 at its widget. */
async function openWithCourse(page: Page, url: string) {
  await page.route('**/hw1/course.json', (r) =>
    r.fulfill({ json: { name: 'C', perStudentVariants: false, salt: '', resnetWeights: url } }),
  );
  await page.goto('2-3/');
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/^No weights are loaded: ResNet-18 trains from random weights \(not pretrained\)\.$/)).toBeVisible({
    timeout: 30_000,
  });
  return w;
}

test("the course's ImageNet weights on another site download on one click with progress, are checked and kept: a reload downloads nothing", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const w = await openWithCourse(page, `${origin}/timm/resnet18.tv_in1k/resolve/main/model.safetensors`);
  const random = w.getByLabel('Train from random weights instead (not pretrained)');
  await expect(random).toBeChecked();
  await expect(random).toBeDisabled();
  await expect(w.getByText(/^From 127\.0\.0\.1:\d+, once: the file is then kept in this browser\./)).toBeVisible();
  expect(requests).toEqual([]);
  await w.getByRole('button', { name: /^Download ImageNet weights \(\d+ MB\)$/ }).click();
  await expect(w.getByRole('progressbar', { name: 'Reading the weights' })).toBeVisible();
  await expect(w.getByText(new RegExp(`^[\\d.]+ of ${MB} MB$`))).toBeVisible();
  const status = w.getByText(
    new RegExp(
      `^Weights: model\\.safetensors \\(safetensors, ${MB} MB, SHA-256 [0-9a-f]{12}…\\): the course's ImageNet weights from 127\\.0\\.0\\.1:\\d+; its BatchNorm statistics show trained weights .* From the course's weights file\\. Kept in this browser for next time\\.$`,
    ),
  );
  await expect(status).toBeVisible({ timeout: 60_000 });
  await expect(w.getByRole('button', { name: /^Download ImageNet weights/ })).toBeHidden();
  expect(requests).toHaveLength(1);

  // The box now chooses between the downloaded weights and random ones, and says which a run starts from.
  await expect(random).toBeEnabled();
  await expect(random).not.toBeChecked();
  await random.check();
  await expect(w.getByText('Training from random weights (not pretrained), as you chose; model.safetensors stays loaded.')).toBeVisible();
  await random.uncheck();
  await expect(w.getByText(/^Weights: model\.safetensors .*the course's ImageNet weights/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('hw-fine-tune').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.reload();
  await page.locator('hw-fine-tune').scrollIntoViewIfNeeded();
  await expect(
    page
      .locator('hw-fine-tune')
      .getByText(/^Weights: model\.safetensors .*the course's ImageNet weights from 127\.0\.0\.1:\d+; .* From kept in this browser\.$/),
  ).toBeVisible({ timeout: 60_000 });
  expect(requests).toHaveLength(1);
});

test('a course URL with no file (404) or no server says what happened and leaves the file picker to use', async ({ page }) => {
  test.setTimeout(120_000);
  const w = await openWithCourse(page, `${origin}/missing/model.safetensors`);
  await w.getByRole('button', { name: /^Download ImageNet weights/ }).click();
  await expect(
    w.getByRole('alert').filter({
      hasText: new RegExp(
        `^The course's ImageNet weights could not be downloaded: there is no file at ${origin.replace(/[.]/g, '\\.')}/missing/model\\.safetensors \\(HTTP 404\\)\\. Pick the weights file yourself above .*, or press the button to try again\\.$`,
      ),
    }),
  ).toBeVisible({ timeout: 30_000 });
  expect(requests).toEqual(['/missing/model.safetensors']);
  await expect(w.getByRole('button', { name: /^Download ImageNet weights/ })).toBeEnabled();
  const axe = await new AxeBuilder({ page }).include('hw-fine-tune').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // No server at all: connection refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await page.unroute('**/hw1/course.json');
  const w2 = await openWithCourse(page, `http://127.0.0.1:${port}/resnet18.safetensors`);
  await w2.getByRole('button', { name: /^Download ImageNet weights/ }).click();
  await expect(
    w2.getByRole('alert').filter({
      hasText: new RegExp(
        `^The course's ImageNet weights could not be downloaded: 127\\.0\\.0\\.1:${port} did not answer \\(.+\\): the browser is offline, the server is down, or it does not allow this site to download from it \\(CORS\\)\\. Pick the weights file yourself above`,
      ),
    }),
  ).toBeVisible({ timeout: 30_000 });
  const pick = w2.getByLabel(/Pick a weights file/);
  await expect(pick).toBeEnabled();
  await pick.setInputFiles('../shared/fixtures/resnet18/weights.safetensors');
  await expect(w2.getByText(/^Weights: weights\.safetensors .* From your file\. Kept in this browser for next time\.$/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(w2.getByRole('button', { name: /^Download ImageNet weights/ })).toBeHidden();
});
