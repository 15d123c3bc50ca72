// The layout guard of the browser tests. Every page a test opens through the harness is watched: each address
// it reaches (links, form submits and history changes included) is loaded again in a copy of its session, at
// 1280 px and at 390 px, and checked; when the test ends, each page still open is checked as the test left it
// (forms open, messages shown), at both widths, unless a check already saw it in that very state. A check fails the
// test on:
//  - horizontal overflow of the document (the page scrolls sideways);
//  - a table wider than its container (content cut off or scrolled out of sight), unless the container is a
//    region marked data-scroll-sideways="deliberate" (e.g. many reported versions side by side);
//  - a table cell whose content is clipped, or a date (YYYY-MM-DD) broken across lines;
//  - any axe-core WCAG 2.1 A/AA violation.
// The copy only reads: requests other than GET and HEAD are aborted, so the check cannot change data.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
import { LAYOUT_FAILURES_DIR } from './artifacts.ts';
import { axeViolations, describeViolations } from './axe.ts';

export const WIDTHS = [1280, 390] as const;
const HEIGHT = 900;
/** Where the guard saves a screenshot of each page it finds fault with (CI keeps e2e/artifacts). */
export const FAILURE_DIR = LAYOUT_FAILURES_DIR;

/** Layout faults of the page as it is now, at its current width (runs in the browser). */
export function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const shown = (el: Element) => el.getClientRects().length > 0;
    const name = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      return `<${el.tagName.toLowerCase()}${id}${testId ? ` data-testid="${testId}"` : ''}> "${text}"`;
    };
    const deliberate = (el: Element) => el.closest('[data-scroll-sideways="deliberate"]') !== null;
    // Not drawn: screen-reader-only text, the inside of a closed <details> (its summary excepted), display: none.
    const hiddenIn = (cell: Element, node: Node): boolean => {
      for (let el = node instanceof Element ? node : node.parentElement; el && el !== cell; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden' || el.classList.contains('usa-sr-only')) return true;
        if (el.parentElement instanceof HTMLDetailsElement && !el.parentElement.open && el.tagName !== 'SUMMARY') return true;
      }
      return false;
    };
    const visibleText = (cell: Element): Text[] => {
      const out: Text[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if ((node.textContent ?? '').trim() && !hiddenIn(cell, node)) out.push(node as Text);
      return out;
    };
    const root = document.documentElement;
    const viewport = root.clientWidth;
    if (root.scrollWidth > viewport + 1) {
      // The elements that stick out first: past the window's edge while their parent is not.
      const culprits = Array.from(document.body.querySelectorAll('*'))
        .filter((el) => shown(el) && !deliberate(el) && el.getBoundingClientRect().right > viewport + 1)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= viewport + 1)
        .slice(0, 3)
        .map(name);
      faults.push(`the page is ${root.scrollWidth}px wide in a ${viewport}px window (scrolls sideways): ${culprits.join(', ')}`);
    }
    for (const table of Array.from(document.querySelectorAll('table'))) {
      if (!shown(table)) continue;
      const caption = table.caption?.textContent?.trim() || name(table.querySelector('th') ?? table);
      const container = table.parentElement!;
      if (!deliberate(table) && table.offsetWidth > container.clientWidth + 1)
        faults.push(
          `table "${caption}" is ${table.offsetWidth}px wide in a ${container.clientWidth}px container: content is cut off or hidden`,
        );
      for (const cell of Array.from(table.querySelectorAll('td, th'))) {
        if (!shown(cell)) continue;
        // Clipped: a box that hides what does not fit (overflow hidden or scrolling, an ellipsis).
        const clipped = [cell, ...Array.from(cell.querySelectorAll('*'))].find((el) => {
          if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) return false;
          const style = getComputedStyle(el);
          return style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        });
        if (clipped)
          faults.push(
            `table "${caption}": the text of ${name(cell)} does not fit its cell (${clipped.scrollWidth}px in ${clipped.clientWidth}px)`,
          );
        // Spilling: visible text or controls of the cell reach past its edges (over the next cell, out of the table).
        const box = cell.getBoundingClientRect();
        const spill = [
          ...visibleText(cell),
          ...Array.from(cell.querySelectorAll('button, input, select, img, svg')).filter((el) => !hiddenIn(cell, el)),
        ]
          .map((n) => {
            if (n instanceof Element) return n.getBoundingClientRect();
            const r = document.createRange();
            r.selectNodeContents(n);
            return r.getBoundingClientRect();
          })
          .find((r) => r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1));
        if (spill) faults.push(`table "${caption}": the text of ${name(cell)} spills out of its cell`);
        for (const node of visibleText(cell)) {
          for (const m of (node.textContent ?? '').matchAll(/\d{4}-\d{2}-\d{2}/g)) {
            const date = document.createRange();
            date.setStart(node, m.index);
            date.setEnd(node, m.index + m[0].length);
            const tops = new Set(Array.from(date.getClientRects()).map((r) => Math.round(r.top)));
            if (tops.size > 1) faults.push(`table "${caption}": the date ${m[0]} is broken across lines`);
          }
        }
      }
    }
    return faults;
  });
}

/** Layout faults and axe violations of the page as it is now, at its current width. */
async function faultsHere(page: Page): Promise<string[]> {
  const faults = await layoutFaults(page);
  const v = await axeViolations(page);
  if (v.length) faults.push(`axe: ${describeViolations(v)}`);
  return faults;
}

/** The app has its data: no request in flight, no "Loading…" placeholder. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await page.waitForFunction(() => !document.body.innerText.includes('Loading…'), undefined, { timeout: 5_000 }).catch(() => {});
}

/**
 * What the layout and axe checks of a page depend on: its address, window size, document (with what is typed
 * into its fields, which the markup does not show) as a hash. Undefined when the page cannot say.
 */
async function pageState(page: Page): Promise<string | undefined> {
  const size = page.viewportSize();
  const doc = await page
    .evaluate(() => {
      const fields = Array.from(document.querySelectorAll('input, textarea, select')).map((el) => {
        const f = el as HTMLInputElement;
        return `${f.value}\u0000${f.checked ? 1 : 0}`;
      });
      // Not the scripts: the checks themselves add axe-core's to the page each time.
      const root = document.documentElement;
      const markup = [
        ...root.getAttributeNames().map((n) => `${n}=${root.getAttribute(n)}`),
        ...Array.from(document.head.children)
          .filter((el) => el.tagName !== 'SCRIPT')
          .map((el) => el.outerHTML),
        document.body?.outerHTML ?? '',
      ];
      const text = `${markup.join('\u0001')}\u0002${fields.join('\u0001')}`;
      // FNV-1a over the UTF-16 code units: enough to tell a changed page from an unchanged one.
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      return `${text.length}:${(h >>> 0).toString(16)}`;
    })
    .catch(() => undefined);
  return doc === undefined ? undefined : `${page.url()} ${size?.width}x${size?.height} ${doc}`;
}

/** Narrows or widens the window and waits until the page has laid itself out again. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: HEIGHT });
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

function pathOf(url: string): string | undefined {
  const u = new URL(url);
  if (!u.protocol.startsWith('http') || u.pathname.startsWith('/api/') || u.pathname.startsWith('/docs')) return undefined;
  return `${u.pathname}${u.search}`;
}

const slug = (s: string) =>
  s
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'home';

/** Watches the pages a test opens; `check()` (after each test) reports what every page reached got wrong. */
export class PageGuard {
  private readonly pages = new Set<Page>();
  /** Addresses checked per browser session: the same address shows another user other things. */
  private readonly seen = new WeakMap<BrowserContext, Set<string>>();
  private queue: Promise<void> = Promise.resolve();
  private faults: string[] = [];
  /** Faults already reported: a page left open by an earlier test does not fail the next one again. */
  private readonly reported = new Set<string>();
  /**
   * Addresses checked per session as it was (cookies and storage): sessions without a cookie, such as the /login
   * page every test's fresh browser session starts on, see the same page; it is checked once per file, not once
   * per session. Signed-in sessions differ by their cookie, so each is still checked on its own.
   */
  private readonly visitedAs = new Set<string>();
  /**
   * The states (address, size, document) the visits found, per session they copied: a page the test left just as
   * its visit loaded it (e.g. a home page after signing in) gives the same faults, already checked at both widths.
   */
  private readonly visitedStates = new WeakMap<BrowserContext, Set<string>>();
  /** Each open page's state when it was last checked: a page no test touched since is not checked again. */
  private readonly checkedState = new WeakMap<Page, string>();

  /**
   * `failureDir`: where to save a screenshot of each page found at fault (null: none).
   * `prepare`: sets up each session copy the guard opens (the guard's own test serves a faulty style sheet).
   */
  constructor(
    private readonly failureDir: string | null = FAILURE_DIR,
    private readonly prepare: (context: BrowserContext) => Promise<unknown> = async () => {},
  ) {}

  watch(page: Page): void {
    this.pages.add(page);
    page.on('close', () => this.pages.delete(page));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const where = pathOf(frame.url());
      const context = page.context();
      const seen = this.seen.get(context) ?? new Set<string>();
      this.seen.set(context, seen);
      if (!where || seen.has(where)) return;
      seen.add(where);
      // The session as it is now, so the visit does not depend on the test keeping its page open.
      const session = context.storageState().catch(() => undefined);
      const url = new URL(where, frame.url()).href;
      const browser = context.browser();
      if (browser) this.queue = this.queue.then(() => this.visit(browser, url, where, session, context));
    });
  }

  /** Loads the address in a read-only copy of the session and checks it at each width. Never throws. */
  private async visit(
    browser: Browser,
    url: string,
    where: string,
    session: Promise<StorageState | undefined>,
    origin: BrowserContext,
  ): Promise<void> {
    const storageState = await session;
    if (!storageState || !browser.isConnected()) return;
    const visit = `${where}\u0000${JSON.stringify(storageState)}`;
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext({ storageState, bypassCSP: true });
      await this.prepare(context);
      const tab = await context.newPage();
      await tab.route('**/*', (route) =>
        ['GET', 'HEAD'].includes(route.request().method()) ? route.fallback() : route.abort('blockedbyclient'),
      );
      // Loaded once, then narrowed: the layout is CSS media queries (as `check()` already relies on), and a
      // second load per address cost a page load and a network-idle wait for every address of every test.
      await tab.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
      await tab.goto(url);
      await settle(tab);
      const state = await pageState(tab);
      // The same address in the same session showing the same page was checked already (every fresh session's
      // /login, say): its faults would be the same. A page whose content changed with the server's data since is
      // checked again, which is why the key holds the page's state and not only the address and the session.
      const checked = `${visit}\u0000${state ?? Math.random()}`;
      if (!this.visitedAs.has(checked)) {
        this.visitedAs.add(checked);
        for (const width of WIDTHS) {
          if (width !== WIDTHS[0]) await resize(tab, width);
          await this.record(tab, `${where} at ${width}px`, await faultsHere(tab));
        }
      }
      if (state !== undefined) this.visitedStates.set(origin, (this.visitedStates.get(origin) ?? new Set()).add(state));
    } catch (err) {
      // The browser closed meanwhile (end of the file): nothing left to check.
      if (browser.isConnected()) this.faults.push(`${where}: the layout check could not load the page (${(err as Error).message})`);
    } finally {
      await context?.close().catch(() => {});
    }
  }

  private async record(page: Page, where: string, faults: string[]): Promise<void> {
    if (faults.length === 0) return;
    this.faults.push(...faults.map((f) => `${where}: ${f}`));
    if (!this.failureDir) return;
    fs.mkdirSync(this.failureDir, { recursive: true });
    await page.screenshot({ path: path.join(this.failureDir, `${slug(where)}.png`), fullPage: true }).catch(() => {});
  }

  /** Checks each open page as the test left it, at both widths, waits for the visits, and returns the new faults. */
  async check(): Promise<string[]> {
    await this.queue; // the visits first: a page left as its visit found it is then not checked a second time
    for (const page of this.pages) {
      if (page.isClosed()) continue;
      const where = pathOf(page.url());
      if (!where) continue;
      const original = page.viewportSize();
      await settle(page);
      // Pages stay open until the file ends, so each later test would check them again, unchanged, at both widths
      // (axe included): the same state gives the same faults, already reported. Changed since: checked again.
      const state = await pageState(page);
      if (state !== undefined && (this.checkedState.get(page) === state || this.visitedStates.get(page.context())?.has(state))) continue;
      for (const width of WIDTHS) {
        await resize(page, width);
        await this.record(page, `${where} at ${width}px, as the test left it`, await faultsHere(page));
      }
      if (original) await page.setViewportSize(original);
      const checked = await pageState(page);
      if (checked !== undefined) this.checkedState.set(page, checked);
    }
    await this.queue;
    const faults = [...new Set(this.faults)].filter((f) => !this.reported.has(f));
    for (const f of faults) this.reported.add(f);
    this.faults = [];
    return faults;
  }
}
