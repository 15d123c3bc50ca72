import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from './backup.ts';
import type { DbHandle } from './create-db.ts';
import { createTestDb, withDatabase } from './testing.ts';

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

async function emptyDatabase(): Promise<string> {
  const name = `nutmeg_restore_${crypto.randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return name;
}

async function rows(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return (await c.query(text).finally(() => c.end())).rows;
}

describe('nutmeg backup and restore', () => {
  let source: DbHandle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-backup-'));
  const file = path.join(dir, 'b.jsonl.gz');
  const made: string[] = [];
  beforeAll(async () => {
    source = await createTestDb();
    await sql`INSERT INTO jurisdictions (id, name, state_code, agency_name, program_name) VALUES ('CT', 'Connecticut é "x"', 'CT', 'DPH', 'WiZ')`.execute(
      source.db,
    );
    await sql`INSERT INTO audit_log (at, action, prev_hash, hash, detail) VALUES ('2026-01-02T03:04:05.678901Z', 'x', '', 'h', '{"a": [1, null]}')`.execute(
      source.db,
    );
    await sql`SELECT nextval('patient_iis_seq')`.execute(source.db);
    await writeBackup(source.url, file);
  });
  afterAll(async () => {
    await source.close();
    for (const name of made) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every row, the migrations and the sequences in an empty database', async () => {
    const name = await emptyDatabase();
    made.push(name);
    const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
    const counts = await restoreBackup(file, url);
    expect(counts).toMatchObject({ jurisdictions: 1, audit_log: 1 });
    expect(await rows(url, 'SELECT id, name FROM jurisdictions')).toEqual([{ id: 'CT', name: 'Connecticut é "x"' }]);
    expect(await rows(url, `SELECT at = '2026-01-02T03:04:05.678901Z' AS same, detail FROM audit_log`)).toEqual([
      { same: true, detail: { a: [1, null] } },
    ]);
    expect(await rows(url, `SELECT nextval('patient_iis_seq')::int AS n`)).toEqual([{ n: 1000002 }]);
    const [want, got] = await Promise.all([source.url, url].map((u) => rows(u, 'SELECT name FROM schema_migrations ORDER BY name')));
    expect(got).toEqual(want);
  });

  it('refuses a database that is not empty, changing nothing', async () => {
    await expect(restoreBackup(file, source.url)).rejects.toThrow(/not empty/);
    expect(await rows(source.url, 'SELECT count(*)::int AS n FROM jurisdictions')).toEqual([{ n: 1 }]);
  });

  it('leaves the database empty when the backup file is cut short', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, 4).join('\n'))); // no end marker
    const name = await emptyDatabase();
    made.push(name);
    const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
    await expect(restoreBackup(cut, url)).rejects.toThrow(/ended early/);
    expect(await rows(url, `SELECT to_regclass('public.jurisdictions') AS t`)).toEqual([{ t: null }]);
  });
});
