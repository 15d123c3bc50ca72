import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

// What a patient record may carry comes from @nutmeg/codes: the same tables the web's choices and labels come from.
describe('the codes of a patient record', () => {
  let s: TestServer;
  let headers: Awaited<ReturnType<TestServer['signIn']>>;
  const person = { name: { first: 'Ama', last: 'Mensah' }, dob: '2024-02-02', confirmNew: true };
  const add = (body: object) => s.app.inject({ method: 'POST', url: '/api/patients', headers, payload: { ...person, ...body } });
  beforeAll(async () => {
    s = await createTestServer();
    headers = await s.signIn('clinicstaff');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('keeps codes a record may already hold: a deprecated race, an ignored relationship, a cell phone', async () => {
    const res = await add({
      sex: 'X',
      race: 'W',
      ethnicity: 'PHC1175',
      language: 'pt',
      guardians: [{ name: { first: 'Kofi', last: 'Mensah' }, relationship: 'OTH' }],
      phones: [{ number: '2035550100', use: 'CP' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = (await s.app.inject({ method: 'GET', url: `/api/patients/${res.json().id}`, headers })).json();
    expect(view.patient).toMatchObject({ sex: 'X', race: 'W', ethnicity: 'PHC1175', language: 'pt' });
    expect(view.patient.guardians[0].relationship).toBe('OTH');
  });

  it('refuses a sex Nutmeg does not record, a race not in CDCREC and a language that is no ISO 639 code, naming each', async () => {
    const res = await add({ sex: 'O', race: '9999-9', language: 'english' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'sex', message: 'Choose the sex' },
      { path: 'race', message: 'Use a code of Race' },
      { path: 'language', message: 'Use an ISO 639 language code, e.g. en, es, pt' },
    ]);
  });
});
