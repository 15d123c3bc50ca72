import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from './artifacts.ts';
import { WIDTHS } from './page-guard.ts';

/**
 * Saves what a person would see at 1280 px and at 390 px as <name>-<width>.png in e2e/artifacts/screenshots:
 * the whole page, or one part of it (`testId`). The page is left at its original size.
 */
export async function screenshot(page: Page, name: string, testId?: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState('networkidle').catch(() => {});
    const file = path.join(SCREENSHOTS_DIR, `${name}-${width}.png`);
    // A part is cut from the full page: an element screenshot taller than the window comes out tiled.
    const clip = testId
      ? await page.getByTestId(testId).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
        })
      : undefined;
    await page.screenshot({ path: file, fullPage: true, ...(clip ? { clip } : {}) });
  }
  if (original) await page.setViewportSize(original);
}
