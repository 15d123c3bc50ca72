import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { postHl7, readJsonl, registerInterface, withMsh, type TestInterface } from './hl7.testing.ts';
import { periodStart, periodStarts } from './quality.service.ts';

const BASELINE = readJsonl<{ id: string; text: string }>('messages/derived-aart-not-accepted.jsonl')[0]!.text;
// The baseline without its lot number: a warning (VaccinationLotNumberIsMissing) on each message.
const NO_LOT = BASELINE.replace('|Z0860BB|', '||');

describe('per-interface data-quality counts per rule and period', () => {
  let s: TestServer;
  let elm: TestInterface;
  let hartford: TestInterface;
  beforeAll(async () => {
    s = await createTestServer();
    // Wednesday 2026-11-18 noon in Connecticut, then the next Wednesday.
    s.clock.set(new Date('2026-11-18T17:00:00Z'));
    elm = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    hartford = await registerInterface(s, { app: 'HARTFORD EHR', clinicPins: ['CT1002'], status: 'production' });
    await postHl7(s, elm, withMsh(NO_LOT, 10, 'Q-1'));
    await postHl7(s, elm, withMsh(BASELINE, 12, '2.3'));
    s.clock.set(new Date('2026-11-25T17:00:00Z'));
    await postHl7(s, elm, withMsh(NO_LOT, 10, 'Q-2'));
    await postHl7(s, elm, withMsh(NO_LOT, 10, 'Q-3'));
    await postHl7(s, hartford, withMsh(NO_LOT, 10, 'H-1'));
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('periods: weeks start on Monday, months on the 1st, the last N up to today', () => {
    expect(periodStart('2026-11-25', 'week')).toBe('2026-11-23');
    expect(periodStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(periodStart('2026-11-29', 'week')).toBe('2026-11-23');
    expect(periodStarts('2026-01-15', 'month', 3)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
  });

  it('counts each rule per week for one interface (only its own messages), empty weeks included', async () => {
    const dph = await s.signIn('dphadmin');
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/hl7/quality/rules?interfaceId=${elm.id}&period=week&periods=3`,
      headers: dph,
    });
    expect(res.statusCode).toBe(200);
    const q = res.json();
    expect(q.periods).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(q.messages).toEqual([0, 2, 2]);
    const lot = q.rules.find((r: { rule: string }) => r.rule === 'VaccinationLotNumberIsMissing');
    expect(lot).toEqual({ rule: 'VaccinationLotNumberIsMissing', severity: 'W', counts: [0, 1, 2], total: 3 });
    const months = (
      await s.app.inject({ method: 'GET', url: `/api/hl7/quality/rules?interfaceId=${elm.id}&period=month&periods=2`, headers: dph })
    ).json();
    expect(months.periods).toEqual(['2026-10-01', '2026-11-01']);
    expect(months.rules.find((r: { rule: string }) => r.rule === 'VaccinationLotNumberIsMissing').counts).toEqual([0, 3]);
  });

  it('an interface that does not exist is a 404, not a page of zeros', async () => {
    const dph = await s.signIn('dphadmin');
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/hl7/quality/rules?interfaceId=00000000-0000-4000-8000-000000000000&period=week',
      headers: dph,
    });
    expect(res.statusCode).toBe(404);
  });

  it('a coordinator sees their clinic’s interface only; a bad query is a 400 naming the field', async () => {
    const coordinator = await s.signIn('coordinator');
    const own = await s.app.inject({ method: 'GET', url: `/api/hl7/quality/rules?interfaceId=${elm.id}`, headers: coordinator });
    expect(own.statusCode).toBe(200);
    const other = await s.app.inject({ method: 'GET', url: `/api/hl7/quality/rules?interfaceId=${hartford.id}`, headers: coordinator });
    expect(other.statusCode).toBe(404);
    const bad = await s.app.inject({ method: 'GET', url: `/api/hl7/quality/rules?interfaceId=${elm.id}&period=day`, headers: coordinator });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('period');
  });
});
