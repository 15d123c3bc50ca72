import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicPatient, type ClinicPatient } from './clinic-patient.testing.ts';
import {
  FORECAST_BACKFILL_JOB,
  FORECAST_NIGHTLY_JOB,
  FORECAST_REFRESH_JOB,
  requestForecastBackfill,
  storedForecastsOf,
} from '../recommender/index.ts';

const runJobs = (t: ClinicPatient, kinds: string[]) => t.s.runJobs(kinds);

describe('stored forecasts', () => {
  let t: ClinicPatient;
  const group = async (g: string) => (await storedForecastsOf(t.s.ctx.db, [t.patientId], [g]))[0];
  beforeAll(async () => {
    t = await clinicPatient('2026-03-02T15:00:00Z', { name: { first: 'Ada', last: 'Stored' }, dob: '2026-01-01', sex: 'F' });
  });
  afterAll(async () => {
    await t.s.shutdown();
  });

  it('are stored for a new patient by the refresh job queued with the record, for the day and release it ran', async () => {
    expect(await storedForecastsOf(t.s.ctx.db, [t.patientId])).toEqual([]);
    expect(await runJobs(t, [FORECAST_REFRESH_JOB])).toBe(1);
    const dtap = await group('DTaP/Tdap/Td');
    expect(dtap).toMatchObject({
      status: 'Not Complete',
      forecastDoseNumber: 1,
      computedFor: '2026-03-02',
      release: t.s.ctx.recommender.version,
    });
    expect(dtap?.recommendedDate).toBe('2026-03-01');
  });

  it('change when a dose is recorded: the next dose of the group is forecast', async () => {
    const dose = await t.call('POST', `/api/patients/${t.patientId}/doses`, {
      kind: 'historical',
      cvx: '20',
      date: '2026-03-01',
    });
    expect(dose.statusCode, dose.body).toBe(201);
    expect(await runJobs(t, [FORECAST_REFRESH_JOB])).toBe(1);
    const dtap = await group('DTaP/Tdap/Td');
    expect(dtap).toMatchObject({ status: 'Not Complete', forecastDoseNumber: 2 });
    expect(dtap?.recommendedDate).toBe('2026-05-01');
  });

  it('change when a date is crossed: the nightly refresh recomputes those whose latest date passed', async () => {
    const rota = await group('Rotavirus');
    expect(rota).toMatchObject({ status: 'Not Complete', forecastDoseNumber: 1 });
    expect(rota?.latestDate).toBeTruthy();
    // On the latest date itself (a month on: the monthly safety net recomputes it) dose 1 is still asked for.
    t.s.clock.set(new Date(`${rota!.latestDate}T12:00:00Z`));
    await t.s.ctx.db.updateTable('jobs').set({ run_at: t.s.clock.now() }).where('kind', '=', FORECAST_NIGHTLY_JOB).execute();
    expect(await runJobs(t, [FORECAST_NIGHTLY_JOB])).toBe(1);
    const onLatest = await group('Rotavirus');
    expect(onLatest).toMatchObject({ computedFor: rota!.latestDate, status: 'Not Complete' });
    // The next night the series is past its latest date: stored again, no longer asking for dose 1.
    t.s.clock.advance(24 * 3600_000);
    await t.s.ctx.db.updateTable('jobs').set({ run_at: t.s.clock.now() }).where('kind', '=', FORECAST_NIGHTLY_JOB).execute();
    expect(await runJobs(t, [FORECAST_NIGHTLY_JOB])).toBe(1);
    const after = await group('Rotavirus');
    expect(after!.computedFor > onLatest!.computedFor).toBe(true);
    expect(after?.status).not.toBe('Not Complete');
  });

  it('are backfilled for patients loaded without them', async () => {
    await t.s.ctx.db.deleteFrom('stored_forecast_runs').execute();
    await t.s.ctx.db.deleteFrom('stored_forecasts').execute();
    await requestForecastBackfill(t.s.ctx.db, t.s.clock.now());
    expect(await runJobs(t, [FORECAST_BACKFILL_JOB])).toBe(1);
    expect((await storedForecastsOf(t.s.ctx.db, [t.patientId])).length).toBeGreaterThan(10);
  });
});
