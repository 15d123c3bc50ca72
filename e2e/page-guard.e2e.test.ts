import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.ts';
import { PageGuard, layoutFaults } from './page-guard.ts';

/** The guard itself: it must find each kind of fault, and spare a region that scrolls sideways on purpose. */
describe('the layout guard', () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    // A page outside the harness's own guard: its faults are this test's subject, not failures.
    page = await e.browser.newPage({ viewport: { width: 390, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
    await e?.close();
  });

  const faultsOf = async (body: string) => {
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:0">${body}</body></html>`);
    return layoutFaults(page);
  };

  it('finds a page that scrolls sideways, and names what sticks out', async () => {
    const faults = await faultsOf('<main><p id="wide" style="width:617px">too wide for a phone</p></main>');
    expect(faults).toEqual([expect.stringMatching(/page is 617px wide in a 390px window .*<p#wide> "too wide for a phone"/)]);
  });

  it('finds a table wider than its container, as the recommender table was (1072 px in 960)', async () => {
    const faults = await faultsOf(
      '<div style="width:300px;overflow-x:auto"><table><caption>Vaccine groups</caption><tr><td style="white-space:nowrap">Any age-appropriate Meningococcal B vaccine, and more text</td></tr></table></div>',
    );
    expect(faults).toEqual([expect.stringMatching(/table "Vaccine groups" is \d+px wide in a 300px container/)]);
  });

  it('finds text clipped in a cell, text spilling out of one, and a date broken across lines', async () => {
    const faults = await faultsOf(`<table style="table-layout:fixed;width:300px"><caption>Audit log</caption><tr>
        <td><div style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">patient 01a24ff1-d4b5-71c8-a989-ff0f2f7cf4d6</div></td>
        <td style="width:40px">2017-10-16</td>
        <td style="width:60px;white-space:nowrap">Deactivate — left the clinic</td></tr></table>`);
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/table "Audit log": the text of <td> "patient 01a24ff1.*" does not fit its cell/),
        'table "Audit log": the date 2017-10-16 is broken across lines',
        expect.stringMatching(/table "Audit log": the text of <td> "Deactivate — left the clinic" spills out of its cell/),
      ]),
    );
  });

  it('spares a region marked as scrolling sideways on purpose, and a page that fits', async () => {
    expect(
      await faultsOf(
        '<div data-scroll-sideways="deliberate" style="overflow-x:auto"><table><caption>Versions</caption><tr><td style="min-width:900px">many versions</td></tr></table></div>',
      ),
    ).toEqual([]);
    expect(await faultsOf('<main><h1>Fits</h1><table><tr><td>2026-12-07</td></tr></table></main>')).toEqual([]);
  });

  it('checks each address a watched page reaches, and the page as the test left it, with axe', async () => {
    // Each session copy the guard opens gets, once `faulty` is set, a style sheet that makes pages wider than a phone.
    let faulty = false;
    const guard = new PageGuard(null, (copy) =>
      copy.route('**/*.css', (route) =>
        faulty ? route.fulfill({ contentType: 'text/css', body: 'main { min-width: 700px }' }) : route.continue(),
      ),
    );
    const context = await e.browser.newContext({ baseURL: e.baseUrl, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const watched = await context.newPage();
    guard.watch(watched);
    await watched.goto('/login');
    await watched.getByRole('heading', { name: 'Sign in to Nutmeg' }).waitFor();
    expect(await guard.check()).toEqual([]);
    // What the test leaves behind is checked too: here a block wider than a phone and an image without a text alternative.
    await watched.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '700px';
      wide.textContent = 'wide';
      document.querySelector('main')!.append(wide, document.createElement('img'));
    });
    const faults = await guard.check();
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/login at 390px, as the test left it: the page is \d+px wide in a 390px window/),
        expect.stringMatching(/^\/login at 1280px, as the test left it: axe: image-alt/),
      ]),
    );
    // An address the page reaches is loaded again in a copy of its session, at both widths.
    faulty = true;
    await watched.getByRole('link', { name: 'Forgot your password?' }).click();
    await watched.waitForURL('**/forgot-password');
    expect(await guard.check()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/forgot-password at 390px: the page is \d+px wide in a 390px window/)]),
    );
    await context.close();
  });
});
