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
import { migrate, MIGRATIONS_DIR } from './migrate.ts';
import { createTestDb, withDatabase } from './testing.ts';

// A migration that inserts a row and guards its table the way the audit tables are guarded: a TRUNCATE-refusing
// trigger and a row trigger, both ENABLE ALWAYS (they fire even in replica mode).
const GUARDED = `
CREATE TABLE test_guarded (id int PRIMARY KEY, note text NOT NULL);
INSERT INTO test_guarded VALUES (1, 'from the migration');
CREATE FUNCTION test_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$;
CREATE TRIGGER test_guarded_no_truncate BEFORE TRUNCATE ON test_guarded FOR EACH STATEMENT EXECUTE FUNCTION test_refuse_truncate();
ALTER TABLE test_guarded ENABLE ALWAYS TRIGGER test_guarded_no_truncate;
CREATE FUNCTION test_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := NEW.note || ' (stamped)'; RETURN NEW; END $$;
CREATE TRIGGER test_guarded_stamp BEFORE INSERT ON test_guarded FOR EACH ROW EXECUTE FUNCTION test_stamp();
ALTER TABLE test_guarded ENABLE ALWAYS TRIGGER test_guarded_stamp;
`;

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

async function rows(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return (await c.query(text).finally(() => c.end())).rows;
}

describe('nutmeg backup and restore', () => {
  let source: DbHandle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-backup-'));
  const migrations = path.join(dir, 'migrations');
  const file = path.join(dir, 'b.jsonl.gz');
  const made: string[] = [];

  async function emptyDatabase(): Promise<string> {
    const name = `nutmeg_restore_${crypto.randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    made.push(name);
    return withDatabase(process.env.TEST_DATABASE_URL!, name);
  }

  beforeAll(async () => {
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    fs.writeFileSync(path.join(migrations, '29990101000000_test_guarded.sql'), GUARDED);
    source = await createTestDb();
    await migrate(source.db, migrations);
    await sql`INSERT INTO test_guarded VALUES (2, 'added')`.execute(source.db);
    await sql`INSERT INTO jurisdictions (id, name, state_code, agency_name, program_name) VALUES ('CT', 'Connecticut é "x"', 'CT', 'DPH', 'WiZ')`.execute(
      source.db,
    );
    await sql`INSERT INTO jobs (kind, payload, run_at) VALUES ('x', '{"a": [1, null]}', '2026-01-02T03:04:05.678901Z')`.execute(source.db);
    await sql`SELECT setval(pg_get_serial_sequence('mail_outbox', 'seq'), 41)`.execute(source.db);
    await writeBackup(source.url, file);
  });
  afterAll(async () => {
    await source.close();
    for (const name of made) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every row, the migrations, the sequences and the triggers in an empty database', async () => {
    const url = await emptyDatabase();
    const counts = await restoreBackup(file, url, migrations);
    expect(counts).toMatchObject({ jurisdictions: 1, jobs: 1, test_guarded: 2 });
    expect(await rows(url, 'SELECT id, name FROM jurisdictions')).toEqual([{ id: 'CT', name: 'Connecticut é "x"' }]);
    expect(await rows(url, `SELECT run_at = '2026-01-02T03:04:05.678901Z' AS same, payload FROM jobs`)).toEqual([
      { same: true, payload: { a: [1, null] } },
    ]);
    // The migration's row once, the added row stamped once (no trigger fired while loading).
    expect(await rows(url, 'SELECT id, note FROM test_guarded ORDER BY id')).toEqual([
      { id: 1, note: 'from the migration' },
      { id: 2, note: 'added (stamped)' },
    ]);
    expect(await rows(url, `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'test_guarded'::regclass ORDER BY 1`)).toEqual([
      { tgname: 'test_guarded_no_truncate', tgenabled: 'A' },
      { tgname: 'test_guarded_stamp', tgenabled: 'A' },
    ]);
    expect(await rows(url, `SELECT nextval(pg_get_serial_sequence('mail_outbox', 'seq'))::int AS n`)).toEqual([{ n: 42 }]);
    const [want, got] = await Promise.all([source.url, url].map((u) => rows(u, 'SELECT name FROM schema_migrations ORDER BY name')));
    expect(got).toEqual(want);
  });

  it('refuses a database that is not empty, changing nothing', async () => {
    await expect(restoreBackup(file, source.url, migrations)).rejects.toThrow(/not empty/);
    expect(await rows(source.url, 'SELECT count(*)::int AS n FROM jurisdictions')).toEqual([{ n: 1 }]);
  });

  it('leaves the database empty when the backup file is cut short', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, 4).join('\n'))); // no end marker
    const url = await emptyDatabase();
    await expect(restoreBackup(cut, url, migrations)).rejects.toThrow(/ended early/);
    expect(await rows(url, `SELECT to_regclass('public.jurisdictions') AS t`)).toEqual([{ t: null }]);
  });
});
