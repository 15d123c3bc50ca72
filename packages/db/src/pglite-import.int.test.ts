import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDataFolder } from './data-folder.ts';
import { listMigrations, MIGRATIONS_DIR } from './migrate.ts';

// ci: own-embedded-postgres — this file starts its own embedded PostgreSQL and never uses TEST_DATABASE_URL's server,
// so CI's PostgreSQL 15 stage leaves it out (scripts/test.mjs); the first stage runs it.

/** A data folder as an earlier Nutmeg left it: a PGlite cluster in DATA_DIR, migrated up to `upTo`, with rows. */
async function makePgliteFolder(dataDir: string, migrations: string[]): Promise<void> {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, fuzzystrmatch, pgcrypto, unaccent, citext } });
  await db.exec('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const m of migrations) {
    await db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, m), 'utf8'));
    await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m]);
  }
  await db.query(
    `INSERT INTO jurisdictions (id, name, state_code, agency_name, program_name) VALUES ('CT', 'Connecticut é', 'CT', 'DPH', 'CT WiZ')`,
  );
  await db.query(`INSERT INTO audit_log (at, action, prev_hash, hash, detail) VALUES (now(), 'x', '', 'h', '{"a": [1, 2]}')`);
  await db.query(`SELECT nextval('patient_iis_seq'), nextval('patient_iis_seq')`);
  await db.close();
  fs.writeFileSync(path.join(dataDir, 'nutmeg.lock'), '999999999'); // left by a process long gone
}

describe('a PGlite data folder of an earlier Nutmeg', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-pglite-'));
  fs.chmodSync(base, 0o755);
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('is copied into the embedded PostgreSQL on first start, row for row, and its files moved aside', async () => {
    const dataDir = path.join(base, 'data');
    const earlier = listMigrations().filter((m) => m < '20261207');
    await makePgliteFolder(dataDir, earlier);
    fs.mkdirSync(path.join(dataDir, 'secrets')); // Nutmeg's own files beside the cluster stay where they are
    fs.writeFileSync(path.join(dataDir, 'secrets', 'keep'), 'x');
    const messages: string[] = [];
    const folder = await openDataFolder(dataDir, (m) => messages.push(m));
    const c = new pg.Client({ connectionString: folder.url });
    await c.connect();
    try {
      expect((await c.query('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name)).toEqual(earlier);
      expect((await c.query('SELECT id, name FROM jurisdictions')).rows).toEqual([{ id: 'CT', name: 'Connecticut é' }]);
      expect((await c.query('SELECT action, detail FROM audit_log')).rows).toEqual([{ action: 'x', detail: { a: [1, 2] } }]);
      expect((await c.query(`SELECT nextval('patient_iis_seq')::int AS n`)).rows[0].n).toBe(1000003);
    } finally {
      await c.end();
      await folder.server.stop();
    }
    expect(messages.join('\n')).toMatch(/holds a database from an earlier Nutmeg \(PGlite\)[\s\S]*Copied \d+ rows/);
    const left = fs.readdirSync(dataDir).sort();
    expect(left).toEqual(['pg', expect.stringMatching(/^pglite-old-/), 'secrets']);
    expect(fs.existsSync(path.join(dataDir, left[1]!, 'PG_VERSION'))).toBe(true);

    // The next start finds nothing to move.
    messages.length = 0;
    const again = await openDataFolder(dataDir, (m) => messages.push(m));
    await again.server.stop();
    expect(messages.join('\n')).not.toMatch(/PGlite/);
  }, 180_000); // PGlite creating a migrated cluster takes 35 s and more on a loaded 2-core machine
});
