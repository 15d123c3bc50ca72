import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const clinic = (over: Record<string, unknown> = {}) => ({
  legalName: 'Shoreline Family Medicine, PC',
  dbaName: 'Shoreline Family Medicine',
  clinicType: 'private_practice',
  medicalHome: true,
  physicalAddress: { street: '40 Boston Post Rd', city: 'Guilford', state: 'ct', zip: '06437' },
  shippingAddress: null,
  phone: '203-555-0142',
  enrolment: { status: 'enrolled', enrolledOn: '2026-01-05', endedOn: null },
  ...over,
});

describe('DPH enrols and deactivates clinics', () => {
  let s: TestServer;
  let dph: Headers;
  beforeAll(async () => {
    s = await createTestServer();
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });

  it('allocates a new PIN to each clinic enrolled, even at once, and lists them; bad input names the field', async () => {
    const missingDate = await call(
      dph,
      'POST',
      '/api/clinics',
      clinic({ enrolment: { status: 'enrolled', enrolledOn: null, endedOn: null } }),
    );
    expect(missingDate.statusCode).toBe(400);
    expect(missingDate.json().fields[0].path).toBe('enrolment.enrolledOn');
    // The same date rules as DPH's later edits: only a terminated enrolment has an end date.
    const endedPending = await call(
      dph,
      'POST',
      '/api/clinics',
      clinic({ enrolment: { status: 'pending', enrolledOn: null, endedOn: '2026-01-01' } }),
    );
    expect(endedPending.statusCode).toBe(400);
    expect(endedPending.json().fields[0].path).toBe('enrolment.endedOn');
    const badType = await call(dph, 'POST', '/api/clinics', clinic({ clinicType: 'spa' }));
    expect(badType.json().fields[0].path).toBe('clinicType');

    const [a, b] = await Promise.all([
      call(dph, 'POST', '/api/clinics', clinic()),
      call(
        dph,
        'POST',
        '/api/clinics',
        clinic({ legalName: 'Mystic Pediatrics', physicalAddress: { ...clinic().physicalAddress, city: 'Mystic' } }),
      ),
    ]);
    expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
    const pins = [a!.json().pin, b!.json().pin];
    expect(new Set(pins).size).toBe(2);
    for (const pin of pins) expect(Number(pin.slice(2))).toBeGreaterThan(1002);
    expect(a!.json()).toMatchObject({
      dbaName: 'Shoreline Family Medicine',
      clinicType: 'private_practice',
      medicalHome: true,
      physicalAddress: { state: 'CT' },
      enrolment: { status: 'enrolled', enrolledOn: '2026-01-05' },
      canEdit: false,
    });
    const listed = (await call(dph, 'GET', '/api/clinics?town=Guilford')).json();
    expect(listed.clinics.map((c: { pin: string }) => c.pin)).toEqual([a!.json().pin]);
    const history = (await call(dph, 'GET', `/api/clinic/profile/history?organizationId=${a!.json().organizationId}`)).json();
    expect(history.versions[0].changes.map((c: { field: string }) => c.field)).toContain('enrolment.status');

    const coordinator = await s.signIn('coordinator');
    expect((await call(coordinator, 'POST', '/api/clinics', clinic())).statusCode).toBe(403);
  });

  it('deactivates once: memberships end, a user left with none is signed out, patients lose this medical home, audited', async () => {
    const ceo = await s.signIn('ceo'); // Hartford CHC only
    const created = await call(ceo, 'POST', '/api/patients', {
      name: { first: 'Teodor', last: 'Wiśniewski' },
      dob: '2022-03-04',
      sex: 'M',
      addresses: [{ street: '12 Main St', city: 'Hartford', state: 'CT', zip: '06103' }],
      confirmNew: true,
    });
    const patientId = created.json().id;
    await s.app.inject({ method: 'PUT', url: `/api/patients/${patientId}/owner`, headers: ceo, payload: { own: true } });
    const hartford = await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1002').executeTakeFirstOrThrow();
    expect(
      (await s.ctx.db.selectFrom('patients').select('owner_org_id').where('id', '=', patientId).executeTakeFirstOrThrow()).owner_org_id,
    ).toBe(hartford.id);

    const noReason = await call(dph, 'POST', `/api/clinics/${hartford.id}/deactivate`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const results = await Promise.all([
      call(dph, 'POST', `/api/clinics/${hartford.id}/deactivate`, { reason: 'Practice closed' }),
      call(dph, 'POST', `/api/clinics/${hartford.id}/deactivate`, { reason: 'Practice closed' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const done = results.find((r) => r.statusCode === 200)!.json();
    expect(done).toMatchObject({ pin: 'CT1002', accountsDeactivated: 1, patientsReleased: 1 });
    expect(done.membershipsEnded).toBeGreaterThanOrEqual(2);

    expect(
      (await s.ctx.db.selectFrom('patients').select('owner_org_id').where('id', '=', patientId).executeTakeFirstOrThrow()).owner_org_id,
    ).toBeNull();
    expect((await call(ceo, 'GET', '/api/me')).statusCode).toBe(401);
    const users = await s.ctx.db
      .selectFrom('users')
      .select(['username', 'status'])
      .where('username', 'in', ['ceo', 'coordinator'])
      .execute();
    expect(Object.fromEntries(users.map((u) => [u.username, u.status]))).toEqual({ ceo: 'inactive', coordinator: 'active' });
    const active = await s.ctx.db
      .selectFrom('memberships')
      .select('id')
      .where('organization_id', '=', hartford.id)
      .where('active', '=', true)
      .execute();
    expect(active).toHaveLength(0);

    const list = (await call(dph, 'GET', '/api/clinics?status=inactive')).json();
    expect(list.clinics).toEqual([expect.objectContaining({ pin: 'CT1002', active: false, enrolment: 'terminated' })]);
    expect((await call(dph, 'GET', '/api/clinics')).json().clinics.map((c: { pin: string }) => c.pin)).not.toContain('CT1002');
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'clinic.deactivate').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ reason: 'Practice closed', patientIds: [patientId] });
  });
});
