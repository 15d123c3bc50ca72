// Coverage on a small population whose answer is counted by hand (see each patient's comment), per access type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
const hamden = { street: '1 Dixwell Ave', city: 'Hamden', state: 'CT', zip: '06514' };
const newHaven = { street: '2 Chapel St', city: 'New Haven', state: 'CT', zip: '06510' };

// Every dose valid by the CDSi schedule for a child born 2024-01-10.
const PRIMARY: Array<[string, string]> = [
  ...['2024-03-10', '2024-05-10', '2024-07-10', '2025-04-10'].map((d): [string, string] => ['20', d]), // DTaP ×4
  ...['2024-03-10', '2024-05-10', '2024-07-10'].map((d): [string, string] => ['10', d]), // IPV ×3
  ...['2024-03-10', '2024-05-10', '2024-07-10'].map((d): [string, string] => ['48', d]), // Hib ×3
  ...['2024-01-10', '2024-03-10', '2024-07-10'].map((d): [string, string] => ['08', d]), // HepB ×3
  ...['2024-03-10', '2024-05-10', '2024-07-10', '2025-01-15'].map((d): [string, string] => ['133', d]), // PCV13 ×4
];
const MMR_VAR: Array<[string, string]> = [
  ['03', '2025-01-15'],
  ['21', '2025-01-15'],
];
// Run on 2026-06-15: 24–35 months is born 2023-06-16 … 2024-06-15.
const Q = 'preset=child&assessmentDate=2026-06-15';

describe('coverage assessment', () => {
  let s: TestServer;
  let clinic: Headers;
  const ids: Record<string, string> = {};
  const call = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });

  async function child(h: Headers, key: string, dob: string, address: object, doses: Array<[string, string]>) {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: h,
      payload: { name: { first: key, last: 'Coverage' }, dob, sex: 'M', addresses: [address], confirmNew: true },
    });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
    for (const [cvx, date] of doses) {
      const d = await s.app.inject({
        method: 'POST',
        url: `/api/patients/${ids[key]}/doses`,
        headers: h,
        payload: { kind: 'historical', cvx, date },
      });
      expect(d.statusCode, d.body).toBe(201);
    }
  }

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    await child(clinic, 'Full', '2024-01-10', hamden, [...PRIMARY, ...MMR_VAR]); // every measure
    await child(clinic, 'NoMmr', '2024-01-10', newHaven, PRIMARY); // all but MMR and varicella
    await child(clinic, 'Nothing', '2024-02-01', hamden, []); // none
    await child(clinic, 'Baby', '2025-12-01', hamden, []); // 6 months: not in the cohort
    await child(clinic, 'Dead', '2024-01-10', hamden, []); // deceased: not counted
    await child(await s.signIn('ceo'), 'Other', '2024-01-10', hamden, []); // CT1002's: statewide and the towns only
    // The exclusions (none has a dose, so each one counted would show as a not-up-to-date child):
    await child(clinic, 'Inactive', '2024-01-10', hamden, []); // inactive at the clinic: out of the clinic's count only
    await child(clinic, 'Moved', '2024-01-10', hamden, []); // moved out of the jurisdiction (MOGE): nowhere
    await child(clinic, 'Optout', '2024-01-10', hamden, []); // opted out: nowhere, not even statewide
    await child(clinic, 'Retaken', '2024-01-10', hamden, []); // owned again while still inactive at the clinic: as Inactive
    const put = async (h: Headers, url: string, payload: object) => {
      const r = await s.app.inject({ method: 'PUT', url, headers: h, payload });
      expect(r.statusCode, r.body).toBe(200);
    };
    await put(clinic, `/api/patients/${ids.Inactive}/status`, { status: 'inactive_moved', reason: 'moved to another practice' });
    await put(clinic, `/api/patients/${ids.Retaken}/status`, { status: 'inactive_not_patient', reason: 'not our patient' });
    await put(clinic, `/api/patients/${ids.Retaken}/owner`, { own: true, reason: 'taken back by mistake' });
    await put(clinic, `/api/patients/${ids.Moved}/jurisdiction-status`, { status: 'moved', reason: 'moved to Rhode Island' });
    await put(await s.signIn('dphadmin'), `/api/patients/${ids.Optout}/opt-out`, {
      optedOut: true,
      reason: 'signed written request received',
    });
    const died = await s.app.inject({
      method: 'PUT',
      url: `/api/patients/${ids.Dead}/jurisdiction-status`,
      headers: clinic,
      payload: { status: 'deceased', deceasedDate: '2026-05-01' },
    });
    expect(died.statusCode, died.body).toBe(200);
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('counts a clinic’s 24–35-month-olds per measure and for 4:3:1:3:3:1:4 as counted by hand', async () => {
    const r = await call(clinic, `/api/reports/coverage?${Q}`);
    expect(r.statusCode, r.body).toBe(200);
    const { total } = r.json();
    expect(total.population).toBe(3);
    const byKey = Object.fromEntries(total.measures.map((m: { key: string; upToDate: number }) => [m.key, m.upToDate]));
    expect(byKey).toEqual({ dtap: 2, polio: 2, mmr: 1, hib: 2, hepb: 2, varicella: 1, pcv: 2 });
    expect(total.combined).toMatchObject({ upToDate: 1, percent: 33.3 });
  });

  it('gives DPH the state by town, and the drill-down to a town’s not-up-to-date children', async () => {
    const dph = await s.signIn('dphanalyst');
    const rows = (await call(dph, `/api/reports/coverage?${Q}&by=town`)).json().rows;
    expect(
      rows.map((x: { label: string; population: number; combined: { upToDate: number } }) => [x.label, x.population, x.combined.upToDate]),
    ).toEqual([
      ['Hamden', 5, 1], // Full, Nothing, Other, Inactive and Retaken (still residents); not Moved, Optout or Dead
      ['New Haven', 1, 0],
    ]);
    const drill = await call(dph, `/api/reports/coverage/not-up-to-date?${Q}&by=town&area=New%20Haven&measure=combined`);
    expect(drill.json().patients).toMatchObject([{ patientId: ids.NoMmr, missing: ['1+ MMR', '1+ Varicella'] }]);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'report.coverage_not_up_to_date.run')
      .execute();
    expect(audit.at(-1)?.detail).toMatchObject({ patientIds: [ids.NoMmr] });
  });

  it('keeps a health director to the district’s towns and a school nurse to her students', async () => {
    const hd = await s.signIn('healthdirector');
    const rows = (await call(hd, `/api/reports/coverage?${Q}&by=town`)).json().rows;
    expect(rows.map((x: { label: string; population: number }) => [x.label, x.population])).toEqual([['Hamden', 5]]);
    expect((await call(hd, `/api/reports/coverage/not-up-to-date?${Q}&by=town&area=New%20Haven`)).json().patients).toEqual([]);
    expect((await call(await s.signIn('schoolnurse'), `/api/reports/coverage?${Q}`)).json().total.population).toBe(0);
  });

  it('leaves each exclusion out of the denominator: inactive at the clinic, moved away, opted out, deceased, out of scope', async () => {
    const names = async (h: Headers, area: string) =>
      (await call(h, `/api/reports/coverage/not-up-to-date?${Q}&by=town&area=${encodeURIComponent(area)}&measure=combined`))
        .json()
        .patients.map((p: { patientId: string }) => Object.keys(ids).find((k) => ids[k] === p.patientId));
    // Clinic: its active patients only (not Inactive or Retaken; not CT1002's Other); nobody moved, opted out or deceased.
    expect(await names(clinic, 'Hamden')).toEqual(['Nothing']);
    // Health director: the district's residents, whichever clinic (Inactive, Retaken and Other count), none from New Haven.
    const hd = await s.signIn('healthdirector');
    expect(await names(hd, 'Hamden')).toEqual(['Inactive', 'Nothing', 'Other', 'Retaken']);
    // DPH: the state's residents; an opted-out record is in no denominator, DPH's included.
    const dph = await s.signIn('dphanalyst');
    expect(await names(dph, 'Hamden')).toEqual(['Inactive', 'Nothing', 'Other', 'Retaken']);
    const state = (await call(dph, `/api/reports/coverage?${Q}`)).json().total;
    expect([state.population, state.combined.upToDate]).toEqual([6, 1]); // Hamden 5 + New Haven 1
  });

  it('draws a monthly trend counting the doses given by each month’s end', async () => {
    const r = await call(clinic, `/api/reports/coverage/trend?preset=child&months=3`);
    const points = r.json().points;
    expect(points.map((p: { assessmentDate: string }) => p.assessmentDate)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
    expect(points.map((p: { population: number; combined: { upToDate: number } }) => [p.population, p.combined.upToDate])).toEqual([
      [3, 1],
      [3, 1],
      [3, 1],
    ]);
  });

  it('refuses a future assessment date naming the field, and gives CSV with formula-safe cells', async () => {
    const bad = await call(clinic, '/api/reports/coverage?assessmentDate=2027-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('assessmentDate');
    const csv = await call(clinic, `/api/reports/coverage.csv?${Q}`);
    expect(csv.body.split('\r\n')[0]).toContain('Combined %');
  });
});
