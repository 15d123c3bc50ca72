// VIS OBX stored on the dose and returned by Z32; PD1 statuses (protection → opt-out, registry status → the status
// at the clinic, P with a date of death → deceased); PID-3 SR naming the registry's record directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsNamed, valueAt } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { msa1, postHl7, qbp, readJsonl, registerInterface, type TestInterface } from './hl7.testing.ts';

const AART = readJsonl<{ id: string; text: string }>('messages/derived-aart-not-accepted.jsonl');
const BASELINE = AART.find((a) => a.id.endsWith('baseline'))!.text;

/** The baseline VXU for another person (name, DOB, MRN), with segment edits. */
function vxu(o: { last: string; first: string; dob: string; mrn: string; pid3?: string; pd1?: string; pid29?: string }): string {
  return BASELINE.split('\r')
    .map((s) => {
      if (s.startsWith('MSH|')) return s.replace('NIST-IZ-001.00', `C-${o.mrn}`);
      if (s.startsWith('PID|')) {
        const f = s.split('|');
        f[3] = o.pid3 ?? `${o.mrn}^^^NIST MPI^MR`;
        f[5] = `${o.last}^${o.first}^^^^^L`;
        f[7] = o.dob.replaceAll('-', '');
        if (o.pid29) {
          while (f.length < 31) f.push('');
          f[29] = o.pid29;
          f[30] = 'Y';
        }
        return f.join('|');
      }
      if (s.startsWith('PD1|') && o.pd1 !== undefined) return o.pd1;
      return s;
    })
    .join('\r');
}

function errs(m: ReturnType<typeof Object> | undefined) {
  const msg = m as Parameters<typeof valueAt>[0] | undefined;
  if (!msg) return [];
  return segmentsNamed(msg, 'ERR').map((_, i) => [valueAt(msg, `ERR[${i + 1}]-4`), valueAt(msg, `ERR[${i + 1}]-8`) ?? '']);
}

describe('VXU patient data: VIS, PD1, PID-3 SR', () => {
  let s: TestServer;
  let iface: TestInterface;
  let dph: Record<string, string>;
  beforeAll(async () => {
    s = await createTestServer();
    iface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function recordOf(last: string, dob: string) {
    const found = (
      await s.app.inject({ method: 'POST', url: '/api/patients/search', headers: dph, payload: { lastName: last, dob } })
    ).json();
    const id = found.results?.[0]?.id as string | undefined;
    if (!id) return undefined;
    const view = (await s.app.inject({ method: 'GET', url: `/api/patients/${id}`, headers: dph })).json();
    const imm = (await s.app.inject({ method: 'GET', url: `/api/patients/${id}/immunizations`, headers: dph })).json();
    return { id, count: found.results.length as number, view, doses: imm.doses as Array<{ cvx: string; vis: unknown[] }> };
  }

  it('stores the VIS of a VXU on its dose (the record shows it) and Z34 returns it in OBX 30956-7/29768-9/29769-7', async () => {
    const res = await postHl7(s, iface, vxu({ last: 'Visby', first: 'Vera', dob: '2011-03-04', mrn: 'V1' }));
    expect(msa1(res.message)).toMatch(/^A[AE]$/);
    const r = await recordOf('Visby', '2011-03-04');
    expect(r?.doses[0]?.vis).toEqual([{ document: 'CVX 88', edition: '2012-07-02', presented: '2012-08-14' }]);
    const z = await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Visby', first: 'Vera', dob: '20110304', controlId: 'Q-VIS' }));
    const obx = segmentsNamed(z.message!, 'OBX').map((_, i) => [
      valueAt(z.message!, `OBX[${i + 1}]-3.1`),
      valueAt(z.message!, `OBX[${i + 1}]-5.1`),
    ]);
    expect(obx).toEqual([
      ['30956-7', '88'],
      ['29768-9', '20120702'],
      ['29769-7', '20120814'],
    ]);
  });

  it('an unknown VIS bar code: the dose is recorded without it and the ACK warns (AE, ERR W)', async () => {
    const text = vxu({ last: 'Visbad', first: 'Vic', dob: '2011-05-06', mrn: 'V2' })
      .replace(/OBX\|2\|CE\|30956-7[^\r]*/, 'OBX|2|CE|69764-9^Document type^LN|2|2530886983999^Bad^cdcgs1vis||||||F')
      .replace(/\rOBX\|3\|TS\|29768-9[^\r]*/, '');
    const res = await postHl7(s, iface, text);
    expect(msa1(res.message)).toBe('AE');
    expect(errs(res.message)).toContainEqual(['W', expect.stringContaining('VIS bar code 2530886983999')]);
    const r = await recordOf('Visbad', '2011-05-06');
    expect(r?.doses.map((d) => d.vis)).toEqual([[]]);
  });

  it('PD1-16 I → inactive at the sending clinic; PD1-12 Y → warned, left to DPH (no opt-out, no duplicate on the next message)', async () => {
    await postHl7(
      s,
      iface,
      vxu({ last: 'Pdone', first: 'Ina', dob: '2012-01-02', mrn: 'P1', pd1: 'PD1|||||||||||02^Reminder^HL70215|N||||I|20261101' }),
    );
    const inactive = await recordOf('Pdone', '2012-01-02');
    expect(inactive?.view.organizationStatuses).toEqual([expect.objectContaining({ status: 'inactive_not_patient' })]);
    expect(inactive?.view.optedOut).toBe(false);

    const res = await postHl7(
      s,
      iface,
      vxu({ last: 'Pdtwo', first: 'Pia', dob: '2012-03-04', mrn: 'P2', pd1: 'PD1|||||||||||02|Y|20261101|||A|20261101' }),
    );
    expect(errs(res.message)).toContainEqual(['W', expect.stringContaining('not be shared')]);
    // An opt-out is DPH's to record, on the family's signed request: a message's PD1-12 Y is warned about and kept in
    // the message log, never applied (applied, it hid the record from the sender, whose next message made a duplicate).
    const r = await recordOf('Pdtwo', '2012-03-04');
    expect(r?.view.optedOut).toBe(false);
    expect(r?.doses).toHaveLength(1);
    await postHl7(
      s,
      iface,
      vxu({ last: 'Pdtwo', first: 'Pia', dob: '2012-03-04', mrn: 'P2', pd1: 'PD1|||||||||||02|Y|20261101|||A|20261101' }),
    );
    const again = await s.ctx.db.selectFrom('patients').select('id').where('dob', '=', '2012-03-04').execute();
    expect(again).toHaveLength(1);
  });

  it('PD1-11 publicity code (PD1-18 its date) is kept on the record, returned in the Z32 PD1, and replaced by a later report', async () => {
    const z34 = async (id: string) =>
      (await postHl7(s, iface, qbp({ profile: 'Z34', last: 'Pubby', first: 'Pam', dob: '20111111', controlId: id }))).message!;
    // The baseline's PD1: 02^Reminder/Recall - any method, effective 20120701.
    await postHl7(s, iface, vxu({ last: 'Pubby', first: 'Pam', dob: '2011-11-11', mrn: 'P5' }));
    const first = await z34('Q-PUB-1');
    expect(segmentsNamed(first, 'PD1')).toHaveLength(1);
    expect([valueAt(first, 'PD1-11.1'), valueAt(first, 'PD1-11.3'), valueAt(first, 'PD1-18')]).toEqual(['02', 'HL70215', '20120701']);
    const later = vxu({
      last: 'Pubby',
      first: 'Pam',
      dob: '2011-11-11',
      mrn: 'P5',
      pd1: 'PD1|||||||||||01^No reminder/recall^HL70215|||||A|20120701|20261101',
    });
    await postHl7(s, iface, later.replace('C-P5', 'C-P5b'));
    const second = await z34('Q-PUB-2');
    expect([valueAt(second, 'PD1-11.1'), valueAt(second, 'PD1-18')]).toEqual(['01', '20261101']);
    const r = await recordOf('Pubby', '2011-11-11');
    const row = await s.ctx.db
      .selectFrom('patients')
      .select(['publicity_code', 'publicity_code_date'])
      .where('id', '=', r!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ publicity_code: '01', publicity_code_date: '2026-11-01' });
  });

  it('PD1-16 P with a date of death (PID-29) → deceased; unknown PD1 codes are warned about and change nothing', async () => {
    await postHl7(
      s,
      iface,
      vxu({ last: 'Pdthree', first: 'Pat', dob: '2012-05-06', mrn: 'P3', pid29: '20261001', pd1: 'PD1||||||||||||||||P|20261001' }),
    );
    const r = await recordOf('Pdthree', '2012-05-06');
    expect(r?.view).toMatchObject({ jurisdictionStatus: 'deceased', deceasedDate: '2026-10-01' });
    const odd = await postHl7(
      s,
      iface,
      vxu({ last: 'Pdfour', first: 'Pol', dob: '2012-07-08', mrn: 'P4', pd1: 'PD1|||||||||||77|Q||||Z' }),
    );
    expect(errs(odd.message).map((e) => e[1])).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Publicity code 77'),
        expect.stringContaining('Protection indicator Q'),
        expect.stringContaining('Registry status Z'),
      ]),
    );
    const o = await recordOf('Pdfour', '2012-07-08');
    expect(o?.view).toMatchObject({ optedOut: false, jurisdictionStatus: 'active' });
    expect(o?.view.organizationStatuses).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('PD1-16 P with a date of death before the date of birth: not recorded, and the ACK says so (AE, ERR W at PID-29)', async () => {
    const res = await postHl7(
      s,
      iface,
      vxu({ last: 'Pdearly', first: 'Eda', dob: '2011-05-06', mrn: 'P6', pid29: '20100101', pd1: 'PD1||||||||||||||||P|20261001' }),
    );
    expect(msa1(res.message)).toBe('AE');
    expect(errs(res.message)).toContainEqual(['W', expect.stringContaining('date of death is before the date of birth')]);
    expect(valueAt(res.message!, 'ERR-2.1')).toBe('PID');
    const r = await recordOf('Pdearly', '2011-05-06');
    expect(r?.view).toMatchObject({ jurisdictionStatus: 'active', deceasedDate: null });
  });

  // PID-29 after today is read as no date of death (pd1-read deathOf), before deathDateProblem's own "after today".
  it('PD1-16 P with a date of death after today: not recorded (a death in the future is wrong data), the ACK says so', async () => {
    const res = await postHl7(
      s,
      iface,
      vxu({ last: 'Pdlate', first: 'Fay', dob: '2011-05-06', mrn: 'P8', pid29: '20991231', pd1: 'PD1||||||||||||||||P|20261001' }),
    );
    expect(msa1(res.message)).toBe('AE');
    expect(errs(res.message)).toContainEqual(['W', expect.stringContaining('without a date of death (PID-29)')]);
    expect(valueAt(res.message!, 'ERR-2.1')).toBe('PID');
    const r = await recordOf('Pdlate', '2011-05-06');
    expect(r?.view).toMatchObject({ jurisdictionStatus: 'active', deceasedDate: null });
  });

  it('a resend for a patient already deceased writes nothing and warns about no date of death, even a wrong one', async () => {
    const first = vxu({
      last: 'Pdagain',
      first: 'Ida',
      dob: '2010-05-06',
      mrn: 'P9',
      pid29: '20261001',
      pd1: 'PD1||||||||||||||||P|20261001',
    });
    await postHl7(s, iface, first);
    // The resend's date is wrong (before birth): it would be refused, but nothing would be written anyway.
    const resend = vxu({
      last: 'Pdagain',
      first: 'Ida',
      dob: '2010-05-06',
      mrn: 'P9',
      pid29: '20090101',
      pd1: 'PD1||||||||||||||||P|20261001',
    });
    const res = await postHl7(s, iface, resend.replace('C-P9', 'C-P9B'));
    expect(errs(res.message).map((e) => e[1])).not.toContainEqual(expect.stringContaining('date of death'));
    const r = await recordOf('Pdagain', '2010-05-06');
    expect(r?.view).toMatchObject({ jurisdictionStatus: 'deceased', deceasedDate: '2026-10-01' });
  });

  it('PID-3 SR names the registry record directly (a changed name still attaches); a wrong SR warns and matches normally', async () => {
    await postHl7(s, iface, vxu({ last: 'Sranton', first: 'Sam', dob: '2011-09-02', mrn: 'S1' }));
    const first = await recordOf('Sranton', '2011-09-02');
    const iis = first!.view.iisId as string;
    // The family's new surname and a transposed first name: demographics alone would not attach this.
    const renamed = vxu({ last: 'Newfamily', first: 'Mas', dob: '2011-09-02', mrn: 'S1-X', pid3: `${iis}^^^NUTMEG^SR` });
    const res = await postHl7(s, iface, renamed.replace('|20120814||140^', '|20120914||150^'));
    expect(errs(res.message).filter((e) => e[0] !== 'I')).toEqual([]);
    expect(await recordOf('Newfamily', '2011-09-02')).toBeUndefined();
    expect((await recordOf('Sranton', '2011-09-02'))?.doses).toHaveLength(2);

    const wrong = await postHl7(
      s,
      iface,
      vxu({ last: 'Sranton', first: 'Sam', dob: '2011-09-02', mrn: 'S1', pid3: 'CT0000000000000000^^^NUTMEG^SR~S1^^^NIST MPI^MR' }),
    );
    expect(errs(wrong.message)).toContainEqual(['W', expect.stringContaining('registry id (PID-3 SR) CT0000000000000000')]);
    expect((await recordOf('Sranton', '2011-09-02'))?.count).toBe(1);
  });

  it('a Z34 carrying our SR in QPD-3 finds that record even under another name', async () => {
    const r = await recordOf('Sranton', '2011-09-02');
    const q = qbp({ profile: 'Z34', last: 'Otherly', first: 'Sam', dob: '20110902', controlId: 'Q-SR' }).replace(
      '|MRN-Q-SR^^^X68^MR|',
      `|${r!.view.iisId}^^^NUTMEG^SR|`,
    );
    const z = await postHl7(s, iface, q);
    expect(valueAt(z.message!, 'QAK-2')).toBe('OK');
    expect(valueAt(z.message!, 'PID-3.1')).toBe(r!.view.iisId);
  });
});
