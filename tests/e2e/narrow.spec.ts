import { test, expect } from '@playwright/test';

const PAGES = ['./', '1-1/', '1-2/', '2-1/', '2-2/', '2-3/', '2-4/', '2-6/', 'instructor/'];

test.describe('a 390 px wide phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no page is wider than the viewport, with every widget drawn', async ({ page }) => {
    test.setTimeout(240_000);
    const wide: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForLoadState('load');
      // Widgets draw when they scroll into view: walk the page down once.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 700) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        await page.waitForTimeout(60);
      }
      await page.waitForTimeout(500);
      const report = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const width = document.documentElement.scrollWidth;
        const scrolls = (e: Element) => getComputedStyle(e).overflowX !== 'visible';
        const inScroller = (e: Element) => {
          for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
          return false;
        };
        const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((e) => e.getBoundingClientRect().right > vw + 1 && !inScroller(e))
          .slice(-4)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
        return { width, vw, culprits };
      });
      if (report.width > report.vw) wide.push(`${path}: ${report.width} px wide (${report.culprits.join('; ')})`);
    }
    expect(wide).toEqual([]);
  });
});
