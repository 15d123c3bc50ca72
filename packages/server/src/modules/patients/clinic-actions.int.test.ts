import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

/** A clinic's own relationship with a patient (status at the clinic, medical home) is offered to clinics only. */
describe('clinic-only actions on a record', () => {
  let s: TestServer;
  let id = '';
  beforeAll(async () => {
    s = await createTestServer();
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: await s.signIn('ceo'),
      payload: {
        name: { first: 'Teodor', last: 'Wiśniewski' },
        dob: '2022-03-04',
        sex: 'M',
        addresses: [{ street: '12 Dixwell Avenue', city: 'Hamden', state: 'CT', zip: '06514' }],
        confirmNew: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const view = async (user: string) =>
    (await s.app.inject({ method: 'GET', url: `/api/patients/${id}`, headers: await s.signIn(user) })).json();

  it('offers a medical-home clinic its status and the medical home, and DPH and read-only users neither', async () => {
    expect((await view('clinicstaff')).clinicActions).toEqual({ setStatus: true, takeMedicalHome: true });
    expect((await view('dphadmin')).clinicActions).toEqual({ setStatus: false, takeMedicalHome: false });
    expect((await view('healthdirector')).clinicActions).toEqual({ setStatus: false, takeMedicalHome: false });
  });

  it('does not offer the medical home to the clinic that already is it', async () => {
    const h = await s.signIn('clinicstaff');
    expect((await s.app.inject({ method: 'PUT', url: `/api/patients/${id}/owner`, headers: h, payload: { own: true } })).statusCode).toBe(
      200,
    );
    expect((await view('clinicstaff')).clinicActions).toEqual({ setStatus: true, takeMedicalHome: false });
  });

  it('refuses a status "at your clinic" from DPH, which is no clinic', async () => {
    const res = await s.app.inject({
      method: 'PUT',
      url: `/api/patients/${id}/status`,
      headers: await s.signIn('dphadmin'),
      payload: { status: 'inactive_moved' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toMatch(/set by the clinic/);
    expect((await view('dphadmin')).organizationStatuses.map((x: { organizationName: string }) => x.organizationName)).not.toContain(
      'CT DPH Immunization Program',
    );
  });
});
