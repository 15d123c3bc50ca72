import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicPatient, type ClinicPatient } from './clinic-patient.testing.ts';

describe('an observation recorded as unknown (clinical judgement needed)', () => {
  let t: ClinicPatient;
  const call: ClinicPatient['call'] = (method, url, payload) => t.call(method, url, payload);
  const mmr = async () => {
    const f = (await call('GET', `/api/patients/${t.patientId}/forecast?asOf=2025-10-01`)).json();
    return f.vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'MMR');
  };

  beforeAll(async () => {
    t = await clinicPatient('2025-10-01T15:00:00Z', { name: { first: 'Marta', last: 'Ferreira' }, dob: '1995-04-12', sex: 'F' });
  });
  afterAll(async () => {
    await t.s.shutdown();
  });

  it('is stored with its status, shown on the record, and the forecast says what the engine could not decide', async () => {
    const recorded = await call('POST', `/api/patients/${t.patientId}/observations`, {
      kind: 'contraindication',
      code: '007',
      date: '2025-09-30',
      status: 'unknown',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const observation = (await call('GET', `/api/patients/${t.patientId}/immunizations`)).json().observations[0];
    expect(observation).toMatchObject({ code: '007', status: 'unknown', text: 'Pregnant' });

    // pregnancy contraindicates MMR; unknown, it is not applied and comes back for the clinician
    const group = await mmr();
    expect(group.status).toBe('Not Complete');
    expect(group.undetermined).toEqual([
      expect.objectContaining({ code: '007', kind: 'antigen contraindication', antigens: ['Measles', 'Mumps', 'Rubella'] }),
    ]);
    const audit = await t.s.ctx.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'observation.create')
      .where('entity_id', '=', recorded.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ code: '007', status: 'unknown' });
  });

  it('recorded as active (the default), the same observation contraindicates MMR', async () => {
    const active = await call('POST', `/api/patients/${t.patientId}/observations`, {
      kind: 'contraindication',
      code: '007',
      date: '2025-09-30',
    });
    expect(active.statusCode, active.body).toBe(201);
    const group = await mmr();
    expect(group.status).toBe('Contraindicated');
    expect(group.undetermined).toEqual([]);
    await call('DELETE', `/api/patients/${t.patientId}/observations/${active.json().id}?reason=${encodeURIComponent('Entered twice')}`);
  });

  it('refuses a status that is neither active nor unknown, naming the field', async () => {
    const res = await call('POST', `/api/patients/${t.patientId}/observations`, {
      kind: 'contraindication',
      code: '007',
      date: '2025-09-30',
      status: 'maybe',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'status' })]);
  });

  it('is not printed on the Certificate of Immunization, which states facts', async () => {
    for (const [code, status] of [
      ['023', 'active'],
      ['024', 'unknown'],
    ])
      expect(
        (await call('POST', `/api/patients/${t.patientId}/observations`, { kind: 'immunity', code, date: '2025-09-30', status }))
          .statusCode,
      ).toBe(201);
    const res = await call('GET', `/api/patients/${t.patientId}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    const pdf = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await (await pdf.getPage(1)).getTextContent();
    const text = page.items.map((i) => ('str' in i ? i.str : '')).join(' ');
    await pdf.destroy();
    const title = (code: string) => t.s.ctx.recommender.observationTitle(code) ?? code;
    expect(text).toContain(title('023'));
    expect(text).not.toContain(title('024'));
  });

  it('the what-if evaluation takes the same status', async () => {
    const res = await call('POST', '/api/recommender/evaluate', {
      dob: '1995-04-12',
      sex: 'F',
      assessmentDate: '2025-10-01',
      doses: [],
      observations: [{ code: '007', status: 'unknown' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const group = res.json().vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'MMR');
    expect(group.undetermined.map((u: { code: string }) => u.code)).toEqual(['007']);
  });
});
