import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from './create-db.ts';
import { createTestDb } from './testing.ts';
import { migrate } from './migrate.ts';

describe('test databases', () => {
  let a: DbHandle;
  let b: DbHandle;
  beforeAll(async () => {
    a = await createTestDb();
    b = await createTestDb();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('are migrated and isolated from each other', async () => {
    await a.db.insertInto('jurisdictions').values({ id: 'XX', name: 'X', state_code: 'XX', agency_name: 'A', program_name: 'P' }).execute();
    const inA = await a.db.selectFrom('jurisdictions').select('id').execute();
    const inB = await b.db.selectFrom('jurisdictions').select('id').execute();
    expect(inA).toEqual([{ id: 'XX' }]);
    expect(inB).toEqual([]);
  });

  it('re-running migrations applies nothing', async () => {
    const result = await migrate(a.db);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
  });

  it('returns DATE columns as plain YYYY-MM-DD strings', async () => {
    const r = await sql<{ d: string }>`SELECT DATE '2020-02-29' AS d`.execute(a.db);
    expect(r.rows[0]?.d).toBe('2020-02-29');
  });

  it('refuses to change or delete audit rows', async () => {
    await sql`INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (now(), 'x', '', 'h')`.execute(a.db);
    await sql`UPDATE audit_log SET action = 'y'`.execute(a.db);
    await sql`DELETE FROM audit_log`.execute(a.db);
    const rows = await a.db.selectFrom('audit_log').select('action').execute();
    expect(rows).toEqual([{ action: 'x' }]);
  });
});
