import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { AGREEMENT_RENEWAL_JOB } from './index.ts';

/** Mails of the renewal job, by recipient, oldest first. */
async function renewalMails(s: TestServer) {
  const rows = await s.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject'])
    .where('subject', 'like', 'Nutmeg IIS:%provider agreement%')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => `${r.to_address.split('@')[0]}: ${r.subject}`);
}

/** The one queued renewal run, moved to the test clock's now. */
async function dueNow(s: TestServer) {
  const moved = await s.ctx.db
    .updateTable('jobs')
    .set({ run_at: s.clock.now() })
    .where('kind', '=', AGREEMENT_RENEWAL_JOB)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  expect(Number(moved.numUpdatedRows)).toBe(1);
}

describe('provider agreement renewal job', () => {
  let s: TestServer;
  let elm: string;
  let hartford: string;
  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-15T12:00:00Z'));
    const orgs = await s.ctx.db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'in', ['CT1001', 'CT1002']).execute();
    elm = orgs.find((o) => o.pin === 'CT1001')!.id;
    hartford = orgs.find((o) => o.pin === 'CT1002')!.id;
    const creator = await s.ctx.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    // Both clinics had 2026 agreements approved; Hartford CHC also takes part in COVID-19 and renewed its CVP for 2027.
    const agreement = (organization_id: string, program: 'cvp' | 'covid19', program_year: number) => ({
      organization_id,
      program,
      program_year,
      revision: 1,
      status: 'approved' as const,
      conditions_version: 'test',
      conditions_text: 'Conditions',
      data: '{}',
      created_by: creator.id,
      created_at: new Date(),
      updated_at: new Date(),
    });
    await s.ctx.db
      .insertInto('provider_agreements')
      .values([
        agreement(elm, 'cvp', 2026),
        agreement(hartford, 'cvp', 2026),
        agreement(hartford, 'covid19', 2026),
        agreement(hartford, 'cvp', 2027),
      ])
      .execute();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('mails coordinators and the CMO (and the CEO for COVID-19) once, before the year ends without next year approved', async () => {
    // Six weeks before the end of the year: within the 60 days' notice.
    // The server scheduled the nightly run when it started (for the real night ahead): bring it to now.
    expect(await s.runJobs([AGREEMENT_RENEWAL_JOB])).toBe(0);
    await dueNow(s);
    expect(await s.runJobs([AGREEMENT_RENEWAL_JOB])).toBe(1);
    expect((await renewalMails(s)).sort()).toEqual(
      [
        'backup: Nutmeg IIS: renew the 2027 provider agreement of Elm City Pediatrics (CT1001)',
        'cmo: Nutmeg IIS: renew the 2027 provider agreement of Elm City Pediatrics (CT1001)',
        'coordinator: Nutmeg IIS: renew the 2027 provider agreement of Elm City Pediatrics (CT1001)',
        'ceo: Nutmeg IIS: renew the 2027 provider agreement of Hartford Community Health Center (CT1002)',
        'coordinator: Nutmeg IIS: renew the 2027 provider agreement of Hartford Community Health Center (CT1002)',
      ].sort(),
    );
    // The job re-queued itself for the next night, and running it again mails nothing new.
    const next = await s.ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', AGREEMENT_RENEWAL_JOB)
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    expect(next.run_at.toISOString()).toBe('2026-11-16T07:30:00.000Z');
    s.clock.set(new Date('2026-11-16T08:00:00Z'));
    expect(await s.runJobs([AGREEMENT_RENEWAL_JOB])).toBe(1);
    expect(await renewalMails(s)).toHaveLength(5);
  });

  it('tells the clinic once the new year began without an approved agreement; DPH’s list shows who has not renewed', async () => {
    s.clock.set(new Date('2027-01-02T08:00:00Z'));
    await s.ctx.db
      .updateTable('jobs')
      .set({ run_at: s.clock.now() })
      .where('kind', '=', AGREEMENT_RENEWAL_JOB)
      .where('status', '=', 'queued')
      .execute();
    expect(await s.runJobs([AGREEMENT_RENEWAL_JOB])).toBe(1);
    const lapsed = (await renewalMails(s)).filter((m) => m.includes('has no approved 2027'));
    expect(lapsed.sort()).toEqual(
      [
        'backup: Nutmeg IIS: Elm City Pediatrics (CT1001) has no approved 2027 provider agreement',
        'cmo: Nutmeg IIS: Elm City Pediatrics (CT1001) has no approved 2027 provider agreement',
        'coordinator: Nutmeg IIS: Elm City Pediatrics (CT1001) has no approved 2027 provider agreement',
        // Hartford renewed CVP but not COVID-19: its CEO hears about COVID-19 too.
        'ceo: Nutmeg IIS: Hartford Community Health Center (CT1002) has no approved 2027 provider agreement',
        'coordinator: Nutmeg IIS: Hartford Community Health Center (CT1002) has no approved 2027 provider agreement',
      ].sort(),
    );

    const dph = await s.signIn('dphadmin');
    const page = (await s.app.inject({ method: 'GET', url: '/api/clinics?year=2027&renewal=not_renewed', headers: dph })).json();
    expect(page.year).toBe(2027);
    // The pharmacy and the school-based center never had an agreement and are not enrolled: not listed.
    const due = Object.fromEntries(page.clinics.map((c: { pin: string; renewal: { due: string[] } }) => [c.pin, c.renewal.due]));
    expect(due).toEqual({ CT1001: ['cvp'], CT1002: ['covid19'] });
    expect(page.clinics[0].renewal.notices).toEqual([
      expect.objectContaining({ program: 'cvp', kind: 'reminder' }),
      expect.objectContaining({ program: 'cvp', kind: 'lapsed' }),
    ]);
    const renewed = (await s.app.inject({ method: 'GET', url: '/api/clinics?year=2027', headers: dph })).json();
    expect(renewed.clinics.find((c: { pin: string }) => c.pin === 'CT1002').current).toEqual({ cvp: true, covid19: false });
    const y2026 = (await s.app.inject({ method: 'GET', url: '/api/clinics?year=2026&renewal=not_renewed', headers: dph })).json();
    expect(y2026.clinics).toEqual([]);
  });
});
