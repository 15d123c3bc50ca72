import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { postHl7, readJsonl, registerInterface, withMsh, type TestInterface } from './hl7.testing.ts';

const BASELINE = readJsonl<{ id: string; text: string }>('messages/derived-aart-not-accepted.jsonl')[0]!.text;
const NO_LOT = BASELINE.replace('|Z0860BB|', '||');
const RULE = 'VaccinationLotNumberIsMissing';

describe('DPH’s severity per data-quality rule', () => {
  let s: TestServer;
  let iface: TestInterface;
  let dph: Record<string, string>;
  let n = 0;
  beforeAll(async () => {
    s = await createTestServer();
    iface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const lotErr = async () => {
    const res = await postHl7(s, iface, withMsh(NO_LOT, 10, `SEV-${++n}`));
    return /ERR\|[^\r]*\|([EWI])\|[^\r]*VaccinationLotNumberIsMissing/.exec(res.text)?.[1] ?? null;
  };
  const put = (headers: Record<string, string>, payload: unknown, rule = RULE) =>
    s.app.inject({ method: 'PUT', url: `/api/hl7/severities/${rule}`, headers, payload: payload as object });

  it('lists every rule with its default; processing follows DPH’s change at once (ignore, then error)', async () => {
    const list = (await s.app.inject({ method: 'GET', url: '/api/hl7/severities', headers: dph })).json();
    expect(list.rules.length).toBeGreaterThan(600);
    expect(list.rules.find((r: { rule: string }) => r.rule === RULE)).toMatchObject({ defaultSeverity: 'W', severity: 'W', version: 0 });
    expect(await lotErr()).toBe('W');

    const ignored = await put(dph, { severity: 'ignore', version: 0, reason: 'Most EHRs leave it empty for historical doses' });
    expect(ignored.statusCode).toBe(200);
    expect(ignored.json()).toMatchObject({ severity: 'ignore', version: 1 });
    expect(await lotErr()).toBeNull();

    expect((await put(dph, { severity: 'E', version: 1, reason: 'Needed for recalls' })).json()).toMatchObject({
      severity: 'E',
      version: 2,
    });
    expect(await lotErr()).toBe('E');

    const history = await s.ctx.db
      .selectFrom('hl7_dq_severity_changes')
      .select(['from_severity', 'to_severity', 'version'])
      .where('rule', '=', RULE)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { from_severity: 'W', to_severity: 'ignore', version: 1 },
      { from_severity: 'ignore', to_severity: 'E', version: 2 },
    ]);
    const audit = await s.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'hl7.dq_severity.change').execute();
    expect(audit).toHaveLength(2);
  });

  it('two changes made on the same version: one wins, the other is a 409 (checked in one SQL statement)', async () => {
    const rule = 'PatientGenderIsMissing';
    const [a, b] = await Promise.all([
      put(dph, { severity: 'W', version: 0, reason: 'first' }, rule),
      put(dph, { severity: 'E', version: 0, reason: 'second' }, rule),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [c, d] = await Promise.all([
      put(dph, { severity: 'I', version: 1, reason: 'third' }, rule),
      put(dph, { severity: 'ignore', version: 1, reason: 'fourth' }, rule),
    ]);
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 409]);
    const rows = await s.ctx.db.selectFrom('hl7_dq_severity_changes').select('version').where('rule', '=', rule).execute();
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it('only DPH’s administrators change a severity; bad input is a 400 naming the field; an unknown rule a 404', async () => {
    const coordinator = await s.signIn('coordinator');
    expect((await put(coordinator, { severity: 'E', version: 0, reason: 'x' }, 'PatientBirthDateIsMissing')).statusCode).toBe(403);
    const bad = await put(dph, { severity: 'fatal', version: 0, reason: 'x' }, 'PatientBirthDateIsMissing');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('severity');
    const noReason = await put(dph, { severity: 'E', version: 0, reason: ' ' }, 'PatientBirthDateIsMissing');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    expect((await put(dph, { severity: 'E', version: 0, reason: 'x' }, 'NoSuchRule')).statusCode).toBe(404);
  });
});
