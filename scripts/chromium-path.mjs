/** Finds the Chromium the browser tests drive: $CHROMIUM_PATH, Debian's or another system Chromium/Chrome, or Playwright's own download. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The path of a Chromium to launch, or null when none is installed. */
export function chromiumPath() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : null;
  const found = SYSTEM.find((p) => existsSync(p));
  if (found) return found;
  try {
    const own = createRequire(import.meta.url)('playwright-core').chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

/** What to do when no Chromium is found. */
export const NO_CHROMIUM = [
  'No Chromium found for the browser tests.',
  'Install one of these, then run npm test again:',
  '  - Debian/Ubuntu: sudo apt-get install chromium   (the tests use /usr/bin/chromium)',
  '  - where Playwright can download its own browser: npx playwright install chromium',
  '  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
].join('\n');
