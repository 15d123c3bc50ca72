import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.ts';
import { ensureTemplate } from './testing.ts';

const PREFIX = 'nutmeg-test-pg-';
const RUNNER_FILE = 'runner.pid';

/** Folders of earlier runs whose test runner is gone (killed before its teardown); their server stopped with it. */
function sweepEarlierRuns(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      const runner = Number(fs.readFileSync(path.join(dir, RUNNER_FILE), 'utf8'));
      if (runner > 0 && isAlive(runner)) continue;
      const pidFile = path.join(dir, 'pg', 'postmaster.pid');
      if (fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) continue; // still stopping
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run's folder being made or removed
    }
  }
}

/**
 * vitest globalSetup: one PostgreSQL server for the whole test run — the embedded one, in a temporary
 * folder with durability off (the data is thrown away), unless TEST_DATABASE_URL names a server — and the
 * migrated template every test database is cloned from. Workers (and the browser tests' server process)
 * inherit both through the environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | undefined;
  let dir: string | undefined;
  if (!process.env.TEST_DATABASE_URL) {
    sweepEarlierRuns();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
    fs.chmodSync(dir, 0o755); // as root, the server's own user must reach pg/ inside
    fs.writeFileSync(path.join(dir, RUNNER_FILE), String(process.pid));
    server = await startEmbeddedPostgres({
      dir: path.join(dir, 'pg'),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
      log: () => {},
    });
    process.env.TEST_DATABASE_URL = server.url('postgres');
  }
  process.env.NUTMEG_TEST_TEMPLATE = await ensureTemplate(process.env.TEST_DATABASE_URL!);
  return async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
