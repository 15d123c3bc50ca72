import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsNamed, valueAt, type Message } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { postHl7, qbp, readJsonl, registerInterface, type TestInterface } from './hl7.testing.ts';

const BASELINE = readJsonl<{ text: string }>('messages/derived-aart-not-accepted.jsonl')[0]!.text;

function obxValues(m: Message, loinc: string): string[] {
  return segmentsNamed(m, 'OBX')
    .map((_, i) => [valueAt(m, `OBX[${i + 1}]-3.1`), valueAt(m, `OBX[${i + 1}]-5.1`)] as const)
    .filter(([code]) => code === loinc)
    .map(([, v]) => v ?? '');
}

describe('QBP^Q11 → RSP^K11', () => {
  let s: TestServer;
  let iface: TestInterface;
  let snowId: string;
  beforeAll(async () => {
    s = await createTestServer();
    iface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    await postHl7(s, iface, BASELINE);
    snowId = (
      await s.ctx.db.selectFrom('hl7_messages').select('patient_id').where('control_id', '=', 'NIST-IZ-001.00').executeTakeFirstOrThrow()
    ).patient_id!;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('Z34 after a VXU returns its doses (Z32, QAK OK), and the read is audited with the patient', async () => {
    const res = await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Snow', first: 'Madelynn', dob: '20070706', controlId: 'Q1' }));
    const m = res.message!;
    expect(valueAt(m, 'MSH-9.1')).toBe('RSP');
    expect(valueAt(m, 'MSH-21.1')).toBe('Z32');
    expect(valueAt(m, 'MSA-1')).toBe('AA');
    expect(valueAt(m, 'QAK-2')).toBe('OK');
    expect(valueAt(m, 'QAK-1')).toBe('Q1-tag');
    expect(valueAt(m, 'PID-5.1')).toBe('Snow');
    expect(valueAt(m, 'RXA-5.1')).toBe('140');
    expect(valueAt(m, 'RXA-3.1')).toBe('20120814');
    const audit = await s.ctx.db.selectFrom('audit_log').select('patient_id').where('action', '=', 'patient.hl7.query').executeTakeFirst();
    expect(audit?.patient_id).toBe(snowId);
  });

  it('Z44 returns each dose’s evaluation and the forecast the REST API gives (Z42)', async () => {
    const res = await postHl7(s, iface, qbp({ profile: 'Z44', last: 'Snow', first: 'Madelynn', dob: '20070706', controlId: 'Q2' }));
    const m = res.message!;
    expect(valueAt(m, 'MSH-21.1')).toBe('Z42');
    expect(obxValues(m, '59781-5')).toContain('Y');
    const dph = await s.signIn('dphadmin');
    const rest = (await s.app.inject({ method: 'GET', url: `/api/patients/${snowId}/forecast`, headers: dph })).json();
    const restDue = (rest.vaccineGroups as Array<{ recommendedDate?: string; seriesType: string }>)
      .filter((g) => g.seriesType !== 'Evaluation Only' && g.recommendedDate)
      .map((g) => g.recommendedDate!.replaceAll('-', ''))
      .sort();
    expect(restDue.length).toBeGreaterThan(0);
    expect(obxValues(m, '30980-7').sort()).toEqual(restDue);
    expect(obxValues(m, '59779-9').every((v) => v === 'VXC16')).toBe(true);
    expect(obxValues(m, '59783-1').length).toBeGreaterThan(0);
  });

  it('no match: Z33 with QAK NF; missing date of birth: Z33 AE with an ERR', async () => {
    const nf = (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Nobody', first: 'Here', dob: '20010101', controlId: 'Q3' }))).message!;
    expect([valueAt(nf, 'MSH-21.1'), valueAt(nf, 'QAK-2'), valueAt(nf, 'MSA-1')]).toEqual(['Z33', 'NF', 'AA']);
    const ae = (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Snow', first: 'Madelynn', dob: '', controlId: 'Q4' }))).message!;
    expect([valueAt(ae, 'QAK-2'), valueAt(ae, 'MSA-1'), valueAt(ae, 'ERR-2.1')]).toEqual(['AE', 'AE', 'QPD']);
  });

  it('a grey-zone match only (DOB a year or ten days off, name equal) is NF with nothing disclosed or audited; a certain one is Z32', async () => {
    const disclosures = async () =>
      (
        await s.ctx.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', 'in', ['patient.hl7.query', 'patient.hl7.candidates'])
          .execute()
      ).length;
    const before = await disclosures();
    for (const [controlId, first, dob] of [
      ['QG1', 'Madelynn', '20080706'],
      ['QG2', 'Madelynn', '20070716'],
    ] as const) {
      for (const profile of ['Z34', 'Z44'] as const) {
        const m = (await postHl7(s, iface, qbp({ profile, last: 'Snow', first, dob, controlId: `${controlId}${profile}` }))).message!;
        expect([valueAt(m, 'MSH-21.1'), valueAt(m, 'QAK-2'), valueAt(m, 'MSA-1')], `${first} ${dob} ${profile}`).toEqual([
          'Z33',
          'NF',
          'AA',
        ]);
        expect(segmentsNamed(m, 'PID')).toHaveLength(0);
        expect(segmentsNamed(m, 'RXA')).toHaveLength(0);
      }
    }
    expect(await disclosures()).toBe(before);
    const certain = (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Snow', first: 'Madelynn', dob: '20070706', controlId: 'QG3' })))
      .message!;
    expect([valueAt(certain, 'MSH-21.1'), valueAt(certain, 'QAK-2')]).toEqual(['Z32', 'OK']);
    expect(await disclosures()).toBe(before + 1);
  });

  it('several matching people: Z31 candidates up to RCP-2, TM beyond it', async () => {
    const dph = await s.signIn('dphadmin');
    for (const mother of ['Alpha', 'Beta'])
      await s.app.inject({
        method: 'POST',
        url: '/api/patients',
        headers: dph,
        payload: { name: { first: 'Twin', last: 'Sameson' }, dob: '2015-03-03', sex: 'M', mothersMaidenName: mother, confirmNew: true },
      });
    const z31 = (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Sameson', first: 'Twin', dob: '20150303', controlId: 'Q5' })))
      .message!;
    expect(valueAt(z31, 'MSH-21.1')).toBe('Z31');
    expect(segmentsNamed(z31, 'PID')).toHaveLength(2);
    expect(segmentsNamed(z31, 'RXA')).toHaveLength(0);
    const tm = (
      await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Sameson', first: 'Twin', dob: '20150303', controlId: 'Q6', limit: 1 }))
    ).message!;
    expect([valueAt(tm, 'MSH-21.1'), valueAt(tm, 'QAK-2')]).toEqual(['Z33', 'TM']);
  });

  it('never returns an opted-out patient to a clinic (NF)', async () => {
    const dph = await s.signIn('dphadmin');
    const opt = await s.app.inject({
      method: 'PUT',
      url: `/api/patients/${snowId}/opt-out`,
      headers: dph,
      payload: { optedOut: true, reason: 'signed written request received' },
    });
    expect(opt.statusCode).toBe(200);
    const res = (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Snow', first: 'Madelynn', dob: '20070706', controlId: 'Q7' })))
      .message!;
    expect(valueAt(res, 'QAK-2')).toBe('NF');
    expect(segmentsNamed(res, 'PID')).toHaveLength(0);
  });
});
