import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { DEMO_PASSWORD } from '@nutmeg/server/seed';
import { totp } from '@nutmeg/server/access';
import { startServerProcess } from './server-client.ts';
import { WEB_DIST } from './server-protocol.ts';
import { FAILURE_DIR, PageGuard } from './page-guard.ts';

/** Guards of the servers started in this test file: after each test, every page they watched is checked. */
const guards = new Set<PageGuard>();
afterEach(async () => {
  const faults = (await Promise.all([...guards].map((g) => g.check()))).flat();
  if (faults.length) throw new Error(`Layout guard (e2e/page-guard.ts; screenshots in ${FAILURE_DIR}):\n${faults.join('\n')}`);
});

export interface E2E {
  /** The server's database (demo organizations and users), queried through the server process. */
  db: Kysely<Database>;
  baseUrl: string;
  browser: Browser;
  /** A new browser session (its own cookies); every address it reaches is checked by the layout guard. */
  newPage(): Promise<Page>;
  /** Current TOTP code for a user, read from the database as an authenticator app would compute it. */
  codeFor(username: string): Promise<string>;
  /** The body of the latest mail to an address whose subject matches, as its owner reads it (waits for it to be sent). */
  mailBody(to: string, subject: RegExp): Promise<string>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real server on a random port (demo organizations and users), in its own process, and a headless
 * Debian chromium. `seed` runs against the server's database before the browser starts.
 */
export async function startE2E(opts: { seed?: (db: Kysely<Database>) => Promise<void> } = {}): Promise<E2E> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('Build the web UI first: npm run build');
  const server = await startServerProcess();
  const { db, baseUrl } = server;
  let browser: Browser;
  try {
    if (opts.seed) await opts.seed(db);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  const guard = new PageGuard();
  guards.add(guard);
  async function codeFor(username: string) {
    // A code signs in once; tests sign in again within 30 s, as if each time with a fresh code.
    await db.updateTable('users').set({ mfa_last_step: null }).where('username', '=', username).execute();
    const u = await db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow();
    return totp(u.mfa_secret!, Date.now());
  }
  async function mailBody(to: string, subject: RegExp) {
    // Some mail is sent after the answer (so that its timing tells nothing): poll for a while.
    for (let tries = 0; ; tries++) {
      const rows = await db.selectFrom('mail_outbox').select(['subject', 'body']).where('to_address', '=', to).orderBy('seq').execute();
      const m = rows.filter((r) => subject.test(r.subject)).at(-1);
      if (m?.body) return m.body;
      if (tries >= 50) throw new Error(`no mail to ${to} matching ${subject}; have: ${rows.map((r) => r.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    db,
    baseUrl,
    browser,
    async newPage() {
      // bypassCSP only so the test can inject axe-core; the app itself runs under its real CSP.
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      guard.watch(page);
      return page;
    },
    codeFor,
    mailBody,
    async signIn(page, username, password = DEMO_PASSWORD) {
      await page.goto('/login');
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Authenticator code').fill(await codeFor(username));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    },
    async close() {
      guards.delete(guard);
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

export { axeViolations, describeViolations, type AxeViolation } from './axe.ts';
