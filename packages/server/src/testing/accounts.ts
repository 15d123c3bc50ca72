import type { TestServer } from './test-server.ts';

/** Factories and small helpers shared by the accounts integration tests and the attack battery. */

export function buildRequest(overrides: Record<string, unknown> = {}) {
  return {
    accessType: 'clinic_access',
    pins: 'CT1001',
    firstName: 'Jordan',
    lastName: 'Rivera',
    email: 'jordan.rivera@elmcitypeds.example',
    phone: '203-555-0199',
    jobTitle: 'LPN',
    agreements: { user: '2026.1', confidentiality: '2026.1' },
    ...overrides,
  };
}

/** The mails to one address, oldest first (each is written with the change that causes it). */
export async function outboxTo(s: TestServer, to: string) {
  return s.ctx.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body', 'created_at'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();
}

/** Signs in with a password (and code), returning the headers of the session whatever its stage. */
export async function signInWith(s: TestServer, username: string, password: string, otp?: string) {
  const res = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username, password, ...(otp ? { otp } : {}) } });
  if (res.statusCode !== 200) return { res, headers: null };
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  return { res, headers: { cookie, 'x-csrf-token': (me.json() as { csrfToken: string }).csrfToken } };
}

export async function auditActions(s: TestServer, entityId: string) {
  const rows = await s.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}
