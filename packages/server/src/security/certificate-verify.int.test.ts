// A printed Certificate of Immunization carries a code a school or camp can check at the registry without an
// account. The code must not be forgeable from anything public, and checking one must show no more than the
// paper itself shows, be audited, and be too slow to guess at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateContent, certificateVerificationCode } from '../modules/patients/index.ts';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { MMR_DOSE, buildPatient, caller, type Headers } from './data-battery.test-helpers.ts';

describe('certificate verification', () => {
  let s: TestServer;
  let api: ReturnType<typeof caller>;
  let clinic: Headers;
  let dph: Headers;
  let patient = { id: '', iisId: '' };
  let code = '';

  const CHILD = buildPatient({
    name: { first: 'Wren', last: 'Abernethy' },
    dob: '2019-04-17',
    sex: 'F',
    guardians: [{ name: { first: 'Ivy', last: 'Abernethy' }, relationship: 'MTH' }],
  });

  /** Prints the certificate and returns the code printed on it (the certificate's audit entry records it). */
  async function print(id: string): Promise<string> {
    const res = await api.call(clinic, 'GET', `/api/patients/${id}/certificate.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const entry = await s.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'patient.certificate')
      .where('patient_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return String(entry.detail.verificationCode);
  }
  const verify = (c: string, ip = '198.51.100.7') =>
    s.app.inject({ method: 'POST', url: '/api/certificate-verifications', payload: { code: c }, remoteAddress: ip });

  beforeAll(async () => {
    s = await createTestServer({ CERTIFICATE_VERIFY_PER_MINUTE: 10 });
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    api = caller(s);
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphadmin');
    patient = await api.create(clinic, CHILD);
    expect((await api.call(clinic, 'POST', `/api/patients/${patient.id}/doses`, MMR_DOSE)).statusCode).toBe(201);
    code = await print(patient.id);
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  it('cannot be forged from the public URL: the code is keyed with the install secret', () => {
    const content = certificateContent({
      kind: 'full',
      patient: { first: 'Wren', last: 'Abernethy', dob: '2019-04-17', sex: 'F', iisId: patient.iisId, guardian: 'Ivy Abernethy' },
      groups: [{ group: 'MMR', doses: [{ date: MMR_DOSE.date, cvx: s.ctx.recommender.vaccineInfo('03').cvx, vaccine: 'MMR' }] }],
    });
    const forged = certificateVerificationCode(content, `${s.ctx.config.PUBLIC_URL}|nutmeg-certificate-v1`);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(forged).not.toBe(code);
  });

  it('confirms a printed code without sign-in, showing only what the certificate shows', async () => {
    const res = await verify(code.toLowerCase().replace('-', ' '));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      status: 'valid',
      name: 'Wren Abernethy',
      dob: '2019-04-17',
      kind: 'full',
      printedOn: '2026-11-20',
      printedBy: 'Elm City Pediatrics',
      doses: [{ group: 'MMR', date: MMR_DOSE.date }],
    });
    expect(res.body).not.toContain(patient.iisId);
    expect(res.body).not.toContain('Ivy');
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  it('refuses a code it never printed, without telling more', async () => {
    const res = await verify('ABCDE-FGHJK');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'unknown' });
  });

  it('says a certificate is out of date once the record has changed, without the current record', async () => {
    const second = { ...MMR_DOSE, date: '2023-05-01', lot: 'MMR9' };
    expect((await api.call(clinic, 'POST', `/api/patients/${patient.id}/doses`, second)).statusCode).toBe(201);
    const res = await verify(code);
    expect(res.json()).toEqual({ status: 'superseded', printedOn: '2026-11-20', printedBy: 'Elm City Pediatrics' });
    const fresh = await print(patient.id);
    expect(fresh).not.toBe(code);
    expect((await verify(fresh)).json()).toMatchObject({ status: 'valid', doses: [{ date: MMR_DOSE.date }, { date: '2023-05-01' }] });
  });

  it('confirms nothing about an opted-out child', async () => {
    const current = await print(patient.id);
    await api.call(dph, 'PUT', `/api/patients/${patient.id}/opt-out`, { optedOut: true, reason: 'Signed written request' });
    expect((await verify(current)).json()).toEqual({ status: 'unknown' });
    await api.call(dph, 'PUT', `/api/patients/${patient.id}/opt-out`, { optedOut: false, reason: 'Withdrawn' });
  });

  it('puts every check on the audit record, with the child when one was shown', async () => {
    const entries = await s.ctx.db
      .selectFrom('audit_log')
      .select(['patient_id', 'outcome', 'ip', 'detail'])
      .where('action', '=', 'certificate.verify')
      .orderBy('seq')
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries[0]).toMatchObject({ patient_id: patient.id, outcome: 'success', ip: '198.51.100.7', detail: { status: 'valid' } });
    expect(entries.find((e) => e.detail.status === 'unknown')).toMatchObject({ patient_id: null, outcome: 'failure' });
  });

  it('limits each address to a few checks a minute, so 50-bit codes cannot be guessed', async () => {
    const ip = '203.0.113.99';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await verify(`ZZZZZ-ZZZ${'ABCDEFGHJKM'[i]}Z`, ip)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect((await verify('ZZZZZ-ZZZZZ', '203.0.113.100')).statusCode).toBe(200);
  });
});
