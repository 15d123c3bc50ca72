// The reports benchmark's set-based population: what it loads, that a second run loads nothing, that a stop
// keeps the indexes, and that the coverage report reads it like any population.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { loadBenchPopulation } from './bench-population.ts';

describe('nutmeg bench population', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('stops after a slice when asked, keeps the indexes, and resumes where it stopped', async () => {
    const stop = new AbortController();
    const first = await loadBenchPopulation(s.ctx, {
      people: 600,
      slice: 250,
      clinicPatients: 100,
      signal: stop.signal,
      onSlice: () => stop.abort(),
    });
    // Two slices are loaded at a time: the one in flight when the stop came is finished too.
    expect(first).toMatchObject({ loaded: 500, skipped: 0, clinic: { pin: 'CT1001' } });
    const indexes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN
      ('patients_dob_last', 'patients_last_trgm', 'stored_forecasts_group_recommended')`.execute(s.ctx.db);
    expect(indexes.rows[0]!.n).toBe(3);
    const second = await loadBenchPopulation(s.ctx, { people: 600, slice: 250, clinicPatients: 100 });
    expect(second).toMatchObject({ loaded: 100, skipped: 500 });
    expect(await loadBenchPopulation(s.ctx, { people: 600, slice: 250, clinicPatients: 100 })).toMatchObject({ loaded: 0, skipped: 600 });
  });

  it('gives the clinic its children, every person a forecast per group, and dose dates that match the status', async () => {
    const people = await s.ctx.db
      .selectFrom('patients as p')
      .innerJoin('organizations as o', 'o.id', 'p.owner_org_id')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('p.dob').as('oldest')])
      .where('p.iis_id', 'like', 'BENCH%')
      .where('o.pin', '=', 'CT1001')
      .executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(100);
    const today = new Date().toISOString().slice(0, 10);
    expect(String(people.oldest) > `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`).toBe(true);
    const rows = await s.ctx.db
      .selectFrom('stored_forecasts as f')
      .innerJoin('patients as p', 'p.id', 'f.patient_id')
      .select(['f.vaccine_group', 'f.status', 'f.valid_dose_dates', 'f.recommended_date', 'p.dob'])
      .where('p.iis_id', 'like', 'BENCH%')
      .execute();
    expect(rows).toHaveLength(600 * 12);
    for (const r of rows.filter((x) => x.vaccine_group === 'Polio')) {
      expect(r.valid_dose_dates.length).toBeLessThanOrEqual(4);
      if (r.status === 'Complete') expect(r.valid_dose_dates).toHaveLength(4);
      if (r.status === 'Not Complete') expect(r.recommended_date).not.toBeNull();
      for (const d of r.valid_dose_dates) expect(d >= r.dob && d <= today).toBe(true);
    }
  });
});
