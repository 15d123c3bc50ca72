import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, ROOT_CLUSTERS_DIR, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { isRoot, SERVER_USER } from './os-user.ts';

// ci: own-embedded-postgres — this file starts its own embedded PostgreSQL and never uses TEST_DATABASE_URL's server,
// so CI's PostgreSQL 15 stage leaves it out (scripts/test.mjs); the first stage runs it.

async function query(server: EmbeddedPostgres, text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: server.url('postgres') });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

async function gone(pid: number, ms: number): Promise<boolean> {
  for (let t = 0; t < ms; t += 100) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('the embedded PostgreSQL server', () => {
  let base: string;
  let dir: string;
  const messages: string[] = [];
  const start = () => startEmbeddedPostgres({ dir, log: (m) => messages.push(m) });
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-launcher-'));
    fs.chmodSync(base, 0o755); // as root, the server's user must reach it
    dir = path.join(base, 'pg');
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('creates a UTF-8 / C.UTF-8 cluster on first start, listening on its socket only, with the extensions we use', async () => {
    const s = await start();
    try {
      expect(messages.join('\n')).toMatch(/Creating the database cluster/);
      const [row] = await query(
        s,
        `SELECT current_setting('listen_addresses') AS listen, inet_server_addr() AS addr, pg_encoding_to_char(encoding) AS enc, datctype
         FROM pg_database WHERE datname = current_database()`,
      );
      expect(row).toEqual({ listen: '', addr: null, enc: 'UTF8', datctype: 'C.UTF-8' });
      expect(fs.existsSync(path.join(dir, '.s.PGSQL.5432'))).toBe(true);
      await query(s, 'CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch; CREATE EXTENSION unaccent; CREATE EXTENSION citext');
      if (isRoot()) {
        const uid = fs.readFileSync(`/proc/${s.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)![1];
        expect(Number(uid)).toBe(fs.statSync(dir).uid);
        expect(fs.readFileSync('/etc/passwd', 'utf8')).toMatch(new RegExp(`^${SERVER_USER}:[^:]*:${uid}:`, 'm'));
      }
    } finally {
      await s.stop();
    }
  });

  it('stops within seconds even while a query is running', async () => {
    const s = await start();
    const c = new pg.Client({ connectionString: s.url('postgres') });
    await c.connect();
    c.on('error', () => {});
    const stuck = c.query('SELECT pg_sleep(60)').catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await s.stop();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await stuck).toBeInstanceOf(Error);
    expect(isAlive(s.pid)).toBe(false);
  });

  it('stops a server left running by a Nutmeg process that is gone, then starts', async () => {
    const first = await start();
    fs.writeFileSync(path.join(dir, 'nutmeg.owner'), '999999999'); // its owner: a process that no longer exists
    messages.length = 0;
    const second = await start();
    try {
      expect(messages.join('\n')).toMatch(new RegExp(`A PostgreSQL server \\(pid ${first.pid}\\) was left running`));
      expect(isAlive(first.pid)).toBe(false);
      expect(await query(second, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a folder whose server belongs to another live Nutmeg process', async () => {
    const s = await start();
    try {
      fs.writeFileSync(path.join(dir, 'nutmeg.owner'), String(process.ppid));
      await expect(start()).rejects.toThrow(`in use by another Nutmeg process (pid ${process.ppid})`);
    } finally {
      await s.stop();
    }
  });

  it('goes away with a Nutmeg process killed by SIGKILL, and the next start recovers', async () => {
    const child = fork(path.join(import.meta.dirname, 'start-for-test.fixture.ts'), [dir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const pid = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString()))));
    expect(isAlive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(pid, 10_000)).toBe(true);
    const s = await start();
    await s.stop();
  });

  it('removes a stale postmaster.pid whose process id now belongs to another program, never signalling it', async () => {
    // The id now belongs to the postmaster of another cluster: it must keep running.
    const other = await startEmbeddedPostgres({ dir: path.join(base, 'other'), log: () => {} });
    try {
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${other.pid}\n${dir}\n`);
      messages.length = 0;
      const s = await start();
      await s.stop();
      expect(messages.join('\n')).toMatch(/Removed a stale .*postmaster.pid/);
      expect(await query(other, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await other.stop();
    }
  });

  it('refuses a data folder whose socket path would be too long, saying what to do', async () => {
    await expect(startEmbeddedPostgres({ dir: path.join(base, 'x'.repeat(120)) })).rejects.toThrow(/set DATA_DIR to a shorter folder path/);
  });

  it.runIf(isRoot())('as root, keeps the cluster where the server user can reach it when the data folder is out of its reach', async () => {
    const hidden = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-hidden-')); // mode 700, root's: like a checkout under /root
    const pgDir = path.join(hidden, 'data', 'pg');
    let real: string | undefined;
    try {
      const server = await startEmbeddedPostgres({ dir: pgDir, log: (m) => messages.push(m) });
      real = server.dir;
      expect(real.startsWith(ROOT_CLUSTERS_DIR)).toBe(true);
      expect(fs.realpathSync(pgDir)).toBe(real);
      expect(messages.join('\n')).toMatch(/cannot reach .*the database cluster is kept in/);
      expect(await query(server, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await server.stop();
      // the next start finds the same cluster through the link
      const again = await startEmbeddedPostgres({ dir: pgDir, log: () => {} });
      expect(again.dir).toBe(real);
      await again.stop();
    } finally {
      fs.rmSync(hidden, { recursive: true, force: true });
      if (real) fs.rmSync(real, { recursive: true, force: true });
    }
  });

  it.runIf(isRoot())(
    'as root, refuses a cluster already made inside a folder the server user cannot reach, saying what to do',
    async () => {
      const hidden = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-hidden-'));
      try {
        fs.mkdirSync(path.join(hidden, 'data', 'pg'), { recursive: true });
        await expect(startEmbeddedPostgres({ dir: path.join(hidden, 'data', 'pg') })).rejects.toThrow(
          /cannot reach .*set DATA_DIR to a folder it can reach/,
        );
      } finally {
        fs.rmSync(hidden, { recursive: true, force: true });
      }
    },
  );
});
