import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('check-browser', () => {
  it('says how to get a Chromium, without a stack trace, when none is found', () => {
    const r = spawnSync(process.execPath, ['scripts/check-browser.mjs'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No Chromium found/);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(r.stderr).toMatch(/npx playwright install chromium/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
