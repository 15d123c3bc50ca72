// Reports in the browser: a clinic runs reminder/recall, saves a cohort, prints letters and labels (their text
// read back from the PDFs) and records them as mailed; DPH assesses coverage and drills down to a town.
// The e2e server runs no job worker: the stored forecasts the reports read are written here, as the refresh
// job would (the jobs themselves are tested in packages/server).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

async function expectAccessible(page: Page) {
  const v = await axeViolations(page);
  expect(v, describeViolations(v)).toEqual([]);
}

/** The text of a PDF the page's session downloads, read back with pdftotext. */
async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-pdf-')), 'out.pdf');
  fs.writeFileSync(file, await res.body());
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
}

describe('reports in the browser', () => {
  let e: E2E;
  let patientId = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets clinic staff run reminder/recall, save a cohort, print letters and labels, and record them as mailed', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const created = await page.request.post('/api/patients', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        name: { first: 'Lucía', last: 'Recall' },
        dob: '2024-06-01',
        sex: 'F',
        addresses: [{ street: '5 Whitney Ave', city: 'Hamden', state: 'CT', zip: '06517' }],
        guardians: [{ name: { first: 'Marta', last: 'Recall' }, relationship: 'MTH' }],
        confirmNew: true,
      },
    });
    expect(created.status()).toBe(201);
    patientId = ((await created.json()) as { id: string }).id;
    // As the refresh job stores it: MMR dose 1 overdue since 16 months.
    await e.db
      .insertInto('stored_forecasts')
      .values({
        patient_id: patientId,
        vaccine_group: 'MMR',
        series_type: 'Standard',
        status: 'Not Complete',
        forecast_dose_number: 1,
        earliest_date: '2025-06-01',
        recommended_date: '2025-06-01',
        past_due_date: '2025-10-01',
        latest_date: null,
        valid_dose_dates: [],
      })
      .execute();
    await e.db
      .insertInto('stored_forecast_runs')
      .values({ patient_id: patientId, cdsi_release: '4.64', computed_for: today(), refresh_on: '2099-01-01' })
      .execute();

    await page.getByTestId('module-card-reports').getByRole('link', { name: 'Reminder/recall' }).click();
    await page.getByRole('heading', { name: 'Reminder/recall', level: 1 }).waitFor();
    await page.getByLabel('Age from (months)').fill('24');
    await page.getByLabel('Age to (months)').fill('35');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('reminder-results').getByRole('link', { name: 'Lucía Recall' }).waitFor();
    expect(page.url()).toContain('ageFromMonths=24');
    await page.getByTestId('reminder-results').getByText('MMR dose 1: overdue since 2025-10-01').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Save these criteria as a cohort named').fill('Toddlers MMR');
    await page.getByRole('button', { name: 'Save cohort' }).click();
    await page.getByTestId('cohort-list').getByRole('link', { name: 'Toddlers MMR' }).waitFor();

    const letters = await pdfText(page, (await page.getByTestId('letters-es').getAttribute('href'))!);
    expect(letters).toContain('Estimado/a Marta Recall');
    expect(letters).toContain('Lucía Recall');
    expect(letters).toContain('MMR dosis 1');
    const labels = await pdfText(page, (await page.getByTestId('labels').getAttribute('href'))!);
    expect(labels).toContain('Marta Recall, for Lucía Recall');
    expect(labels).toContain('Hamden, CT 06517');

    await page.getByRole('link', { name: 'Call list (print)' }).click();
    const calls = page.getByTestId('call-list');
    await calls.getByRole('rowheader', { name: /Lucía Recall/ }).waitFor();
    await calls.getByText('MMR dose 1 (overdue)').waitFor();
    await calls.getByText('Marta Recall').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.getByRole('button', { name: 'Record 1 notified' }).click();
    await page.getByTestId('notified').filter({ hasText: 'Recorded 1 notices' }).waitFor();
    await page.goto(`/patients/${patientId}`);
    await page.getByTestId('notifications').getByRole('cell', { name: 'Letter' }).waitFor();
    await expectAccessible(page);
  });

  it('lets DPH assess statewide coverage and drill down to a town’s children who are not up to date', async () => {
    const dph = await e.newPage();
    await e.signIn(dph, 'dphanalyst');
    // DPH picks the clinic whose reminder/recall to run.
    await dph.goto('/reports/reminder-recall');
    await dph.getByRole('combobox', { name: /^Clinic/ }).selectOption({ label: 'Elm City Pediatrics (CT1001)' });
    await dph.getByLabel('Age from (months)').fill('24');
    await dph.getByLabel('Age to (months)').fill('35');
    await dph.getByRole('button', { name: 'Run' }).click();
    await dph.getByTestId('reminder-results').getByRole('link', { name: 'Lucía Recall' }).waitFor();
    await dph.getByRole('heading', { name: /patients of Elm City Pediatrics/ }).waitFor();
    await dph.goto('/reports/coverage');
    await dph.getByLabel('By').selectOption('town');
    await dph.getByRole('button', { name: 'Assess' }).click();
    await dph.getByTestId('coverage-table').getByRole('rowheader', { name: 'Hamden' }).waitFor();
    await dph.getByTestId('coverage-bars').waitFor();
    await expectAccessible(dph);

    // The same filters as a background run: its progress shows as the job writes it (the e2e server runs no
    // job worker, so the test writes what the job would), then the kept result downloads as CSV.
    await dph.getByRole('button', { name: 'Run these filters in the background' }).click();
    const run = dph.getByTestId('report-run').first();
    await run.getByText('Waiting to start (0%)').waitFor();
    const runId = (await e.db.selectFrom('report_runs').select('id').orderBy('queued_at', 'desc').executeTakeFirstOrThrow()).id;
    await e.db
      .updateTable('report_runs')
      .set({ status: 'running', progress: 40, progress_note: 'Read the forecasts of 1 of 2 people' })
      .where('id', '=', runId)
      .execute();
    await run.getByText('Running (40%): Read the forecasts of 1 of 2 people').waitFor();
    const report = await (await dph.request.get(`/api/reports/coverage?by=town&assessmentDate=${today()}`)).text();
    await e.db
      .updateTable('report_runs')
      .set({ status: 'done', progress: 100, progress_note: null, result: report, finished_at: new Date() })
      .where('id', '=', runId)
      .execute();
    await run.getByText(/people, combined series/).waitFor();
    const csv = await dph.request.get((await run.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!);
    expect(await csv.text()).toMatch(/^Area,Population,[\s\S]*Hamden,/);
    await expectAccessible(dph);
    await dph.getByRole('link', { name: /in Hamden/ }).click();
    await dph.getByRole('heading', { name: 'Not up to date: Hamden' }).waitFor();
    await dph.getByTestId('not-up-to-date').getByRole('link', { name: 'Lucía Recall' }).waitFor();
    await expectAccessible(dph);
  });

  it('shows a clinic its doses administered, inactive patients and data quality', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto('/reports/doses-administered?by=funding');
    await page.getByTestId('doses-table').waitFor();
    // A filter chosen in the form goes into the URL and the page says what the counts are limited to.
    await page.getByLabel('VFC eligibility').selectOption('V02');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/vfcEligibility=V02/);
    await page
      .getByTestId('doses-filters')
      .getByText(/VFC V02/)
      .waitFor();
    await expectAccessible(page);
    await page.goto('/reports/inactive-patients');
    await page.getByTestId('inactive-table').waitFor();
    await expectAccessible(page);
    await page.goto('/reports/data-quality');
    // Lucía (first test) has an address; nothing else was entered.
    await page.getByTestId('check-no_address').getByRole('heading', { name: 'Patients without an address: 0' }).waitFor();
    await expectAccessible(page);
  });
});
