import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { postHl7, readJsonl, registerInterface, withMsh, type TestInterface } from './hl7.testing.ts';

const BASELINE = readJsonl<{ id: string; text: string }>('messages/derived-aart-not-accepted.jsonl')[0]!.text;

describe('the HL7 message log', () => {
  let s: TestServer;
  let elmIface: TestInterface;
  let hartfordIface: TestInterface;
  beforeAll(async () => {
    s = await createTestServer();
    elmIface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    hartfordIface = await registerInterface(s, { app: 'HARTFORD EHR', clinicPins: ['CT1002'], status: 'production' });
    await postHl7(s, elmIface, withMsh(BASELINE, 10, 'ELM-1'));
    await postHl7(s, elmIface, withMsh(BASELINE, 12, '2.3'));
    await postHl7(s, hartfordIface, withMsh(BASELINE, 10, 'HFD-1'));
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('DPH sees every interface’s messages; a coordinator only their clinic’s; clinic staff none', async () => {
    const dph = await s.signIn('dphadmin');
    const all = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages', headers: dph })).json();
    expect(all.messages.map((m: { controlId: string }) => m.controlId)).toEqual(expect.arrayContaining(['ELM-1', 'HFD-1']));
    const coordinator = await s.signIn('coordinator');
    const mine = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages', headers: coordinator })).json();
    const ids = mine.messages.map((m: { controlId: string }) => m.controlId);
    expect(ids).toContain('ELM-1');
    expect(ids).not.toContain('HFD-1');
    const hfd = all.messages.find((m: { controlId: string }) => m.controlId === 'HFD-1');
    expect((await s.app.inject({ method: 'GET', url: `/api/hl7/messages/${hfd.id}`, headers: coordinator })).statusCode).toBe(404);
    const staff = await s.signIn('clinicstaff');
    expect((await s.app.inject({ method: 'GET', url: '/api/hl7/messages', headers: staff })).statusCode).toBe(403);
  });

  it('searches by interface, patient and date (the jurisdiction’s days)', async () => {
    const dph = await s.signIn('dphadmin');
    const ids = async (query: string) =>
      (await s.app.inject({ method: 'GET', url: `/api/hl7/messages?${query}`, headers: dph }))
        .json()
        .messages.map((m: { controlId: string }) => m.controlId)
        .sort();
    expect(await ids(`interfaceId=${hartfordIface.id}`)).toEqual(['HFD-1']);
    const all = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages', headers: dph })).json();
    const elm = all.messages.find((m: { controlId: string }) => m.controlId === 'ELM-1');
    const detail = (await s.app.inject({ method: 'GET', url: `/api/hl7/messages/${elm.id}`, headers: dph })).json();
    expect(detail.patientId).toBeTruthy();
    expect(await ids(`patientId=${detail.patientId}&interfaceId=${elmIface.id}`)).toEqual(['ELM-1']);
    expect(await ids('from=2000-01-01')).toEqual(expect.arrayContaining(['ELM-1', 'HFD-1']));
    expect(await ids('from=2099-01-01')).toEqual([]);
    expect(await ids('to=2000-01-01')).toEqual([]);
  });

  it('shows a message’s raw text and its ACK side by side, and audits the view with the patient', async () => {
    const dph = await s.signIn('dphadmin');
    const list = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages?status=accepted', headers: dph })).json();
    const one = list.messages.find((m: { controlId: string }) => m.controlId === 'ELM-1');
    const detail = (await s.app.inject({ method: 'GET', url: `/api/hl7/messages/${one.id}`, headers: dph })).json();
    expect(detail.raw).toContain('MSH|^~\\&|Test EHR Application');
    expect(detail.ack).toMatch(/^MSH\|.*\rMSA\|AA\|ELM-1/);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('action', '=', 'hl7.message.view')
      .where('entity_id', '=', one.id)
      .executeTakeFirst();
    expect(audit?.patient_id).toBe(detail.patientId);
  });

  it('the error queue lists rejected messages; reprocessing makes a new entry pointing at the old one', async () => {
    const dph = await s.signIn('dphadmin');
    const queue = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages?errorsOnly=true', headers: dph })).json();
    expect(queue.messages.length).toBeGreaterThan(0);
    expect(queue.messages.every((m: { status: string; errorCount: number }) => m.status === 'rejected' || m.errorCount > 0)).toBe(true);
    const bad = queue.messages[0];
    const res = await s.app.inject({ method: 'POST', url: `/api/hl7/messages/${bad.id}/reprocess`, headers: dph });
    expect(res.statusCode).toBe(200);
    const again = (await s.app.inject({ method: 'GET', url: `/api/hl7/messages/${res.json().messageId}`, headers: dph })).json();
    expect(again).toMatchObject({ reprocessOf: bad.id, transport: 'reprocess', status: 'rejected' });
  });

  it('counts messages, warnings and errors per interface and day', async () => {
    const dph = await s.signIn('dphadmin');
    const q = (await s.app.inject({ method: 'GET', url: '/api/hl7/quality?days=7', headers: dph })).json();
    const elm = q.counts.find((c: { interfaceId: string }) => c.interfaceId === elmIface.id);
    expect(elm.messages).toBeGreaterThanOrEqual(2);
    expect(elm.errors).toBeGreaterThanOrEqual(1);
  });
});
