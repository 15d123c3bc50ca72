import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('DPH clinic list', () => {
  let s: TestServer;
  let dph: Headers;
  beforeAll(async () => {
    s = await createTestServer();
    dph = await s.signIn('dphanalyst');
  });
  afterAll(async () => {
    await s.shutdown();
  });
  const get = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });

  it('lists every active clinic with type, town, enrolment and agreement status, and filters them', async () => {
    const all = (await get(dph, '/api/clinics')).json();
    const pins = all.clinics.map((c: { pin: string }) => c.pin);
    expect(pins).toEqual(expect.arrayContaining(['CT1001', 'CT1002']));
    expect(pins).not.toContain('SCH2001');
    expect(all.clinics.find((c: { pin: string }) => c.pin === 'CT1001')).toMatchObject({
      enrolment: 'not_enrolled',
      agreements: { cvp: null, covid19: null },
      current: { cvp: false, covid19: false },
    });
    const elm = all.clinics.find((c: { pin: string }) => c.pin === 'CT1001');
    const byTown = (await get(dph, `/api/clinics?town=${encodeURIComponent(elm.town.toUpperCase())}`)).json();
    expect(byTown.clinics.map((c: { pin: string }) => c.pin)).toContain('CT1001');
    expect(byTown.clinics.every((c: { town: string }) => c.town === elm.town)).toBe(true);
    const byType = (await get(dph, `/api/clinics?type=${elm.clinicType}`)).json();
    expect(byType.clinics.every((c: { clinicType: string }) => c.clinicType === elm.clinicType)).toBe(true);
    expect((await get(dph, '/api/clinics?agreement=approved')).json().total).toBe(0);
    expect((await get(dph, '/api/clinics?agreement=none')).json().total).toBe(all.total);
    expect((await get(dph, '/api/clinics?enrolment=enrolled')).json().total).toBe(0);
    expect((await get(dph, '/api/clinics?enrolment=maybe')).statusCode).toBe(400);
  });

  it('exports the list as CSV with formula-like cells neutralised', async () => {
    const cmo = await s.signIn('cmo');
    const profile = (await get(cmo, '/api/clinic/profile')).json();
    const week = { mon: [{ from: '08:00', to: '12:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const saved = await s.app.inject({
      method: 'PUT',
      url: '/api/clinic/profile',
      headers: cmo,
      payload: {
        ...profile,
        legalName: '=HYPERLINK("http://evil.example")',
        deliveryHours: week,
        physicalAddress: { street: '1 Elm St', city: 'New Haven', state: 'CT', zip: '06510' },
      },
    });
    expect(saved.statusCode).toBe(200);
    const res = await get(dph, '/api/clinics/export.csv');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toMatch(/^PIN,Name,Type,Town/);
    const elmLine = lines.find((l) => l.startsWith('CT1001,'))!;
    expect(elmLine).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('is DPH’s only', async () => {
    const coordinator = await s.signIn('coordinator');
    expect((await get(coordinator, '/api/clinics')).statusCode).toBe(403);
    expect((await get(coordinator, '/api/clinics/export.csv')).statusCode).toBe(403);
  });
});
