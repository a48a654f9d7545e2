import { chromium } from 'playwright-core';
const [,, url, out, w, h, theme, scrollSel] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w || 1280, height: +h || 900 } });
if (theme) await p.emulateMedia({ colorScheme: theme });
p.on('pageerror', e => console.log('PAGEERROR', e.message));
await p.goto(url);
if (scrollSel) { await p.locator(scrollSel).first().scrollIntoViewIfNeeded(); }
await p.waitForTimeout(4000);
if (scrollSel) { await p.locator(scrollSel).first().scrollIntoViewIfNeeded(); }
await p.screenshot({ path: out, fullPage: false });
await b.close();
