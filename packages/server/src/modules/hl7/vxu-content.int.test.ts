// What a VXU carries, end to end (POST /api/hl7/v2 → the record the REST API shows, and the ACK): refusals,
// immunity and contraindication OBX (and their effect on the forecast), VFC eligibility, dose condition,
// RXA-21 update and delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsNamed, valueAt, type Message } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { msa1, postHl7, registerInterface, type TestInterface } from './hl7.testing.ts';

interface Person {
  last: string;
  first: string;
  dob: string;
  mrn: string;
}

/** One ORC/RXA/RXR/OBX group; `obx` are OBX-3 ^ OBX-5 pairs (CE). */
interface Rxa {
  cvx: string;
  date: string;
  lot?: string;
  completion?: 'CP' | 'PA' | 'RE' | 'NA';
  action?: 'A' | 'U' | 'D';
  refusalReason?: string;
  obx?: Array<[string, string]>;
}

let seq = 0;
function vxu(p: Person, rxas: Rxa[], app = 'Test EHR Application'): string {
  seq++;
  const lines = [
    `MSH|^~\\&|${app}|X68|NUTMEG|CTDPH|20261201101500-0500||VXU^V04^VXU_V04|VC-${p.mrn}-${seq}|P|2.5.1|||AL|ER`,
    `PID|1||${p.mrn}^^^X68^MR||${p.last}^${p.first}^^^^^L||${p.dob.replaceAll('-', '')}|F|||12 Elm St^^Hartford^CT^06105^USA^L`,
  ];
  rxas.forEach((r, i) => {
    lines.push(`ORC|RE||ORD-${p.mrn}-${i}^X68`);
    const completion = r.completion ?? 'CP';
    const lot = completion === 'RE' ? '' : (r.lot ?? 'LOT1');
    const source = completion === 'RE' || r.cvx === '998' ? '' : '00^New immunization record^NIP001';
    const amount = completion === 'RE' || r.cvx === '998' ? '999' : '0.5';
    const reason = r.refusalReason ? `${r.refusalReason}^Parental decision^NIP002` : '';
    lines.push(
      `RXA|0|1|${r.date.replaceAll('-', '')}||${r.cvx}^vaccine^CVX|${amount}|||${source}||||||${lot}|||${reason}||${completion}|${r.action ?? 'A'}`,
    );
    if (completion !== 'RE' && r.cvx !== '998') lines.push('RXR|IM^Intramuscular^HL70162|LA^Left Arm^HL70163');
    (r.obx ?? []).forEach(([id, value], k) => lines.push(`OBX|${k + 1}|CE|${id}^obs^LN|${k + 1}|${value}^value^CDCPHINVS||||||F`));
  });
  return [...lines, ''].join('\r');
}

function errs(m: Message | undefined): Array<[string, string, string]> {
  if (!m) return [];
  return segmentsNamed(m, 'ERR').map((_, i) => [
    valueAt(m, `ERR[${i + 1}]-4`) ?? '',
    valueAt(m, `ERR[${i + 1}]-2`) ?? '',
    valueAt(m, `ERR[${i + 1}]-8`) ?? '',
  ]);
}

const VFC = (code: string): [string, string] => ['64994-7', code];

describe('VXU content → the record', () => {
  let s: TestServer;
  let ehr: TestInterface;
  let other: TestInterface;
  let dph: Record<string, string>;
  beforeAll(async () => {
    s = await createTestServer();
    ehr = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    other = await registerInterface(s, { app: 'Other EHR', facility: 'Y99', clinicPins: ['CT1002'], status: 'production' });
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function idOf(p: Person): Promise<string | undefined> {
    const found = (
      await s.app.inject({ method: 'POST', url: '/api/patients/search', headers: dph, payload: { lastName: p.last, dob: p.dob } })
    ).json();
    expect(found.results?.length ?? 0).toBeLessThanOrEqual(1);
    return found.results?.[0]?.id as string | undefined;
  }

  async function record(p: Person) {
    const id = await idOf(p);
    if (!id) throw new Error(`no record for ${p.last}`);
    const imm = (await s.app.inject({ method: 'GET', url: `/api/patients/${id}/immunizations`, headers: dph })).json();
    return { id, ...imm } as {
      id: string;
      doses: Array<Record<string, unknown> & { cvx: string; date: string; lot: string | null; sourceOrganizationId: string | null }>;
      refusals: Array<{ vaccineGroup: string; date: string; reason: string }>;
      observations: Array<{ kind: string; code: string; date: string; status: string }>;
    };
  }

  async function forecastGroup(patientId: string, group: string) {
    const res = await s.app.inject({ method: 'GET', url: `/api/patients/${patientId}/forecast`, headers: dph });
    expect(res.statusCode).toBe(200);
    return (res.json().vaccineGroups as Array<{ vaccineGroup: string; status: string }>).find((g) => g.vaccineGroup === group);
  }

  it('a refusal (RXA-20 RE, RXA-18 reason) is stored as the patient’s refusal, not a dose; the API shows it; ACK AA', async () => {
    const p = { last: 'Refuser', first: 'Rita', dob: '2020-02-03', mrn: 'R1' };
    const res = await postHl7(s, ehr, vxu(p, [{ cvx: '21', date: '2026-09-01', completion: 'RE', refusalReason: '03' }]));
    expect(errs(res.message).filter(([sev]) => sev === 'E')).toEqual([]);
    expect(msa1(res.message)).toBe('AA');
    const r = await record(p);
    expect(r.doses).toEqual([]);
    expect(r.refusals).toEqual([expect.objectContaining({ vaccineGroup: 'Varicella', date: '2026-09-01', reason: '03' })]);
  });

  it('immunity (59784-9) and contraindication (30945-0) OBX become the patient’s CDSi observations and change the forecast', async () => {
    const p = { last: 'Immune', first: 'Ivy', dob: '2018-04-05', mrn: 'I1' };
    // A first message with a dose only: varicella is not immune yet.
    await postHl7(s, ehr, vxu(p, [{ cvx: '08', date: '2018-04-06', obx: [VFC('V02')] }]));
    const before = await forecastGroup((await record(p)).id, 'Varicella');
    expect(before?.status).not.toBe('Immune');
    const res = await postHl7(
      s,
      ehr,
      vxu(p, [
        { cvx: '998', date: '2026-10-01', completion: 'NA', obx: [['59784-9', '38907003']] },
        { cvx: '998', date: '2026-10-01', completion: 'NA', obx: [['30945-0', '293104008']] },
      ]),
    );
    expect(errs(res.message).filter(([sev]) => sev === 'E')).toEqual([]);
    expect(['AA', 'AE']).toContain(msa1(res.message));
    const r = await record(p);
    expect(r.observations.map((o) => [o.kind, o.code, o.date, o.status]).sort()).toEqual([
      ['contraindication', '080', '2026-10-01', 'active'],
      ['immunity', '024', '2026-10-01', 'active'],
    ]);
    expect((await forecastGroup(r.id, 'Varicella'))?.status).toBe('Immune');
  });

  it('VFC eligibility OBX 64994-7 is stored on the dose; an unknown code warns (ERR W) and the dose is kept as V01', async () => {
    const p = { last: 'Vfcson', first: 'Val', dob: '2019-06-07', mrn: 'F1' };
    const ok = await postHl7(s, ehr, vxu(p, [{ cvx: '08', date: '2019-06-08', obx: [VFC('V03')] }]));
    expect(errs(ok.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const bad = await postHl7(s, ehr, vxu(p, [{ cvx: '10', date: '2019-08-08', lot: 'LOT2', obx: [VFC('V99')] }]));
    expect(msa1(bad.message)).toBe('AE');
    expect(errs(bad.message)).toContainEqual(['W', expect.stringContaining('RXA'), expect.stringContaining('V99')]);
    const r = await record(p);
    expect(r.doses.map((d) => [d.cvx, d.vfcEligibility]).sort()).toEqual([
      ['08', 'V03'],
      ['10', 'V01'],
    ]);
  });

  it('RXA-20 PA (partially administered) is stored as the dose condition "partial"', async () => {
    const p = { last: 'Partial', first: 'Pat', dob: '2019-01-02', mrn: 'C1' };
    const res = await postHl7(s, ehr, vxu(p, [{ cvx: '08', date: '2019-01-03', completion: 'PA', obx: [VFC('V02')] }]));
    expect(errs(res.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const r = await record(p);
    expect(r.doses.map((d) => [d.cvx, d.doseCondition])).toEqual([['08', 'partial']]);
  });

  it('RXA-21 U changes this sender’s dose (lot), D deletes it; the other sender’s dose is untouched', async () => {
    const p = { last: 'Updater', first: 'Uma', dob: '2019-02-03', mrn: 'U1' };
    await postHl7(
      s,
      ehr,
      vxu(p, [
        { cvx: '08', date: '2019-03-01', lot: 'L1', obx: [VFC('V02')] },
        { cvx: '10', date: '2019-05-01', lot: 'L2', obx: [VFC('V02')] },
      ]),
    );
    const theirs = await postHl7(
      s,
      other,
      vxu(p, [{ cvx: '20', date: '2019-04-01', lot: 'L3', obx: [VFC('V02')] }], 'Other EHR').replace('|X68|NUTMEG', '|Y99|NUTMEG'),
    );
    expect(errs(theirs.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const before = await record(p);
    const otherDose = before.doses.find((d) => d.cvx === '20');
    expect(otherDose).toBeDefined();
    const upd = await postHl7(s, ehr, vxu(p, [{ cvx: '08', date: '2019-03-01', lot: 'L9', action: 'U', obx: [VFC('V02')] }]));
    expect(errs(upd.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const del = await postHl7(s, ehr, vxu(p, [{ cvx: '10', date: '2019-05-01', lot: 'L2', action: 'D', obx: [VFC('V02')] }]));
    expect(errs(del.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const after = await record(p);
    expect(after.doses.map((d) => [d.cvx, d.date, d.lot]).sort()).toEqual([
      ['08', '2019-03-01', 'L9'],
      ['20', '2019-04-01', 'L3'],
    ]);
    expect(after.doses.find((d) => d.cvx === '20')).toEqual(otherDose);
  });

  it('a U or D naming a dose this sender never sent → ERR (E) and nothing is written', async () => {
    const p = { last: 'Nosuch', first: 'Ned', dob: '2019-02-04', mrn: 'N1' };
    await postHl7(s, ehr, vxu(p, [{ cvx: '08', date: '2019-03-01', lot: 'L1', obx: [VFC('V02')] }]));
    const before = await record(p);
    const upd = await postHl7(s, ehr, vxu(p, [{ cvx: '10', date: '2019-06-01', lot: 'L5', action: 'U', obx: [VFC('V02')] }]));
    expect(msa1(upd.message)).toBe('AE');
    expect(errs(upd.message)).toContainEqual(['E', expect.stringContaining('RXA^1^21'), expect.stringContaining('update')]);
    const del = await postHl7(s, ehr, vxu(p, [{ cvx: '10', date: '2019-06-01', lot: 'L5', action: 'D', obx: [VFC('V02')] }]));
    expect(msa1(del.message)).toBe('AE');
    expect(errs(del.message)).toContainEqual(['E', expect.stringContaining('RXA^1^21'), expect.stringContaining('delete')]);
    expect((await record(p)).doses).toEqual(before.doses);
  });

  it('a contraindication code many CDSi observations share (VXC20, allergy to a previous dose) is read for the RXA’s vaccine', async () => {
    const p = { last: 'Allergic', first: 'Al', dob: '2018-07-08', mrn: 'A1' };
    const res = await postHl7(
      s,
      ehr,
      vxu(p, [
        // Under an IPV RXA: polio's observation (081); without a vaccine (CVX 998): the general one (080), never
        // another vaccine's (it was tick-borne encephalitis's, 252, the last in the release to list the code).
        { cvx: '10', date: '2026-10-02', completion: 'NA', obx: [['30945-0', 'VXC20']] },
        { cvx: '998', date: '2026-10-02', completion: 'NA', obx: [['30945-0', 'VXC20']] },
      ]),
    );
    expect(errs(res.message).filter(([sev]) => sev === 'E')).toEqual([]);
    const r = await record(p);
    expect(r.observations.map((o) => [o.kind, o.code]).sort()).toEqual([
      ['contraindication', '080'],
      ['contraindication', '081'],
    ]);
  });
});
