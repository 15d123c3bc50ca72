import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { authenticateInterface } from './interface.service.ts';

describe('HL7 interfaces', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const body = (app: string, clinicPins: string[]) => ({
    name: `${app} EHR`,
    sendingApplication: app,
    sendingFacility: 'FAC1',
    clinicPins,
    contactName: 'Pat Interface',
    contactEmail: 'pat@ehr.example',
  });

  it('DPH registers an interface: onboarding, a secret shown once and only its hash kept, audited', async () => {
    const dph = await s.signIn('dphadmin');
    const res = await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: dph, payload: body('EPIC-A', ['CT1001']) });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.interface).toMatchObject({
      status: 'onboarding',
      sendingApplication: 'EPIC-A',
      clinics: [{ pin: 'CT1001', isDefault: true }],
    });
    expect(created.secret).toMatch(/^[\w-]{32}$/);
    expect(await authenticateInterface(s.ctx.db, created.username, created.secret)).toBeDefined();
    expect(await authenticateInterface(s.ctx.db, created.username, `${created.secret}x`)).toBeUndefined();
    const again = await s.app.inject({ method: 'GET', url: `/api/hl7/interfaces/${created.interface.id}`, headers: dph });
    expect(JSON.stringify(again.json())).not.toContain(created.secret);
  });

  it('refuses a second interface with the same sending application and facility (409 naming the field)', async () => {
    const dph = await s.signIn('dphadmin');
    await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: dph, payload: body('DUP', ['CT1001']) });
    const res = await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: dph, payload: body('DUP', ['CT1001']) });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0].path).toBe('sendingFacility');
  });

  it('refuses clinics that do not exist (400 naming clinicPins)', async () => {
    const dph = await s.signIn('dphadmin');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/hl7/interfaces',
      headers: dph,
      payload: body('NOCLINIC', ['CT9999']),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('clinicPins');
  });

  it('moves onboarding → testing → production at the version seen; a stale edit is a 409', async () => {
    const dph = await s.signIn('dphadmin');
    const created = (
      await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: dph, payload: body('MOVE', ['CT1001']) })
    ).json();
    const id = created.interface.id;
    const testing = await s.app.inject({
      method: 'PATCH',
      url: `/api/hl7/interfaces/${id}`,
      headers: dph,
      payload: { version: 1, status: 'testing' },
    });
    expect(testing.json()).toMatchObject({ status: 'testing', version: 2 });
    const stale = await s.app.inject({
      method: 'PATCH',
      url: `/api/hl7/interfaces/${id}`,
      headers: dph,
      payload: { version: 1, status: 'production' },
    });
    expect(stale.statusCode).toBe(409);
    const rotated = (
      await s.app.inject({ method: 'POST', url: `/api/hl7/interfaces/${id}/secret`, headers: dph, payload: { version: 2 } })
    ).json();
    expect(await authenticateInterface(s.ctx.db, created.username, created.secret)).toBeUndefined();
    expect(await authenticateInterface(s.ctx.db, rotated.username, rotated.secret)).toBeDefined();
  });

  it('a coordinator sees only the interfaces of their clinic and cannot register one; clinic staff see none', async () => {
    const dph = await s.signIn('dphadmin');
    await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: dph, payload: body('HARTFORD-ONLY', ['CT1002']) });
    const coordinator = await s.signIn('coordinator');
    const list = (await s.app.inject({ method: 'GET', url: '/api/hl7/interfaces', headers: coordinator })).json();
    const apps = list.interfaces.map((i: { sendingApplication: string }) => i.sendingApplication);
    expect(apps).toContain('EPIC-A');
    expect(apps).not.toContain('HARTFORD-ONLY');
    const post = await s.app.inject({ method: 'POST', url: '/api/hl7/interfaces', headers: coordinator, payload: body('X', ['CT1001']) });
    expect(post.statusCode).toBe(403);
    const staff = await s.signIn('clinicstaff');
    expect((await s.app.inject({ method: 'GET', url: '/api/hl7/interfaces', headers: staff })).statusCode).toBe(403);
  });
});
