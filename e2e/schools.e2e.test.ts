import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadConfig } from '@nutmeg/server/config';
import { loadForecastInputs } from '@nutmeg/server/immunizations';
import { createRecommender, replaceStoredForecasts, supportingDataDirOf, toStoredForecast } from '@nutmeg/server/recommender';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

/**
 * The school nurse's year: upload a roster, resolve an uncertain match, record a medical exemption, run
 * kindergarten compliance and print the class's official records. Every page passes the layout guard and axe.
 */
describe('school rosters and compliance', () => {
  let e: E2E;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
  // Kindergarten age this school year; a full K history (HepB, DTaP, IPV, MMR, varicella, HepA) for Ava.
  const dob = `${year - 5}-01-10`;
  const at = (years: number, md: string) => `${year - 5 + years}-${md}`;
  const AVA_DOSES: [string, string][] = [
    ['08', at(0, '01-10')],
    ['08', at(0, '03-10')],
    ['08', at(0, '07-15')],
    ['20', at(0, '03-10')],
    ['20', at(0, '05-10')],
    ['20', at(0, '07-15')],
    ['20', at(1, '04-15')],
    ['20', at(4, '01-15')],
    ['10', at(0, '03-10')],
    ['10', at(0, '05-10')],
    ['10', at(0, '07-15')],
    ['10', at(4, '01-15')],
    ['03', at(1, '01-15')],
    ['03', at(4, '01-15')],
    ['21', at(1, '01-15')],
    ['21', at(4, '01-15')],
    ['83', at(1, '01-15')],
    ['83', at(1, '07-20')],
  ];

  async function post(page: Page, url: string, data: object) {
    const csrf = await page.evaluate(async () => (await (await fetch('/api/me')).json()).csrfToken as string);
    const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  }

  beforeAll(async () => {
    e = await startE2E();
    const clinic = await e.newPage();
    await e.signIn(clinic, 'clinicstaff');
    const ava = await post(clinic, '/api/patients', { name: { first: 'Ava', last: 'Lindqvist' }, dob, sex: 'F', confirmNew: true });
    for (const [cvx, date] of AVA_DOSES) await post(clinic, `/api/patients/${ava.id}/doses`, { kind: 'historical', cvx, date });
    const ben = await post(clinic, '/api/patients', { name: { first: 'Benjamin', last: 'Okoro' }, dob, sex: 'M', confirmNew: true });
    await clinic.close();
    // The e2e server runs no job worker: store the two forecasts compliance reads, as the refresh job would.
    const engine = createRecommender(supportingDataDirOf(loadConfig({})));
    const inputs = await loadForecastInputs(e.db, [ava.id, ben.id]);
    const stored = [...inputs].map(([id, input]) =>
      toStoredForecast(id, engine.forecast({ ...input, assessmentDate: today }), engine.data.antigenToVaccineGroup),
    );
    await replaceStoredForecasts(e.db, [ava.id, ben.id], stored);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('uploads a roster, resolves a match, records an exemption, runs K compliance and prints the records', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'schoolnurse');
    await page.getByTestId('module-card-reports').getByRole('link', { name: 'Schools' }).click();
    await page.getByRole('heading', { name: 'Schools' }).waitFor();
    await page.getByRole('link', { name: 'Hamden Hills Elementary School' }).click();
    await page.getByRole('heading', { name: /: roster / }).waitFor();

    const csv = [
      'last_name,first_name,dob,sex,grade,student_id',
      `Lindqvist,Ava,${dob},F,K,K-1`,
      `Okoro,Ben,${dob},M,K,K-2`,
      `Voss,Cara,${dob},F,K,K-3`,
      `Bad,Row,,F,K,K-4`,
    ].join('\n');
    await page.getByTestId('roster-file').setInputFiles({ name: 'kindergarten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('upload-roster').click();
    const summary = page.getByTestId('upload-summary');
    await summary.filter({ hasText: '1 linked, 1 to review, 1 unmatched, 0 unchanged, 1 with errors' }).waitFor();
    await page.getByTestId('upload-errors').filter({ hasText: 'Missing date of birth' }).waitFor();
    await page.getByTestId('student-K-1').filter({ hasText: 'Registry record' }).waitFor();

    // The uncertain match (a nickname): the nurse compares and picks the record.
    await page.getByTestId('filter-review').click();
    await page.getByRole('link', { name: 'Review the match' }).click();
    await page.getByRole('heading', { name: 'Review a match' }).waitFor();
    await page.getByTestId('review-candidate').filter({ hasText: 'Benjamin' }).waitFor();
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.getByTestId('pick-candidate').click();
    await page.getByTestId('student-K-2').filter({ hasText: 'chosen by the nurse' }).waitFor();

    // A medical exemption for the student the registry does not know.
    await page.locator('#exemption-studentId').selectOption({ label: 'Voss, Cara (K-3)' });
    await page.locator('#exemption-kind').selectOption('medical');
    await page.locator('#exemption-documentDate').fill(today);
    await page.locator('#exemption-expiresOn').fill(`${year + 1}-06-30`);
    await page.getByTestId('record-exemption').click();
    await page.getByTestId('exemption-saved').waitFor();
    await page.getByTestId('student-K-3').getByTestId('exemption-medical').waitFor();

    // Kindergarten compliance: Ava compliant, Ben (no doses) not, Cara exempt (medical).
    await page.getByRole('link', { name: 'Compliance report' }).click();
    await page.getByTestId('compliance-students').waitFor();
    await expect(page.getByTestId('count-compliant').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('count-not_compliant').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('count-exempt_medical').textContent()).resolves.toBe('1');
    await page.getByTestId('compliance-K-2').filter({ hasText: 'DTaP: 0 of 4 doses' }).waitFor();
    const csvLink = await page.getByTestId('compliance-csv').getAttribute('href');
    const csvRes = await page.request.get(csvLink!);
    expect(await csvRes.text()).toContain('K-1,"Lindqvist, Ava"');

    // The class's official records: one PDF with a certificate per linked student.
    const href = await page.getByTestId('class-records').getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets DPH read the requirements of the school year (flu for pre-K) and copy them to the next year', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'dphadmin');
    await page.goto(`/school-requirements/${year}`);
    await page.getByRole('heading', { name: /^School-entry requirements / }).waitFor();
    await page.getByTestId('requirements-PK').filter({ hasText: 'Influenza' }).waitFor();
    await page.getByTestId('copy-year').click();
    await page.getByTestId('requirements-notice').filter({ hasText: 'Copied to' }).waitFor();
    await page.getByTestId('add-requirement').click();
    await page.getByRole('heading', { name: 'Add a requirement' }).waitFor();
    // One axe pass with the tables, the notice and the form on the page.
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });
});
