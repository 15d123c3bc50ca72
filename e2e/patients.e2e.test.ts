import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

/** Patient management in a real browser: search with a typo, record a dose, print; read-only school nurse. */
describe('patients', () => {
  let e: E2E;
  let childId = '';
  beforeAll(async () => {
    e = await startE2E({
      seedPatients: async (server) => {
        const db = server.ctx.db;
        const j = await db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
        const elm = await db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
        const school = await db.selectFrom('organizations').select('id').where('pin', '=', 'SCH2001').executeTakeFirstOrThrow();
        const child = await db
          .insertInto('patients')
          .values({
            jurisdiction_id: j.id,
            first_name: 'Zoë',
            last_name: 'Müller-Santos',
            dob: '2021-04-12',
            sex: 'F',
            first_norm: 'zoe',
            last_norm: 'muller santos',
            first_soundex: 'Z000',
            last_soundex: 'M452',
            town: 'Hamden',
            created_org_id: elm.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        childId = child.id;
        await db
          .insertInto('patient_reports')
          .values({
            patient_id: child.id,
            origin_patient_id: child.id,
            source_org_id: elm.id,
            source_kind: 'import',
            data: JSON.stringify({ name: { first: 'Zoë', last: 'Müller-Santos' } }),
          })
          .execute();
        await db
          .insertInto('patient_org_status')
          .values([
            { patient_id: child.id, organization_id: elm.id, status: 'active' },
            { patient_id: child.id, organization_id: school.id, status: 'active' },
          ])
          .execute();
      },
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets Clinic Access find a child despite a typo, record a dose, see the forecast update and print the record', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto('/patients');
    await page.getByLabel('Last name').fill('Muller');
    await page.getByLabel('First name').fill('Zeo');
    await page.getByLabel('Date of birth').fill('2021-04-21');
    await page.getByRole('button', { name: 'Search' }).click();
    const first = page.getByTestId('search-result').first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toContain('Zoë Müller-Santos');
    expect(await axeViolations(page), describeViolations(await axeViolations(page))).toEqual([]);
    await first.getByRole('link').click();
    await page.getByTestId('patient-name').filter({ hasText: 'Zoë Müller-Santos' }).waitFor();
    const mmrBefore = await page.getByTestId('forecast-MMR').getAttribute('data-urgency');
    await page.getByText('Record a dose').click();
    await page.getByLabel('Vaccine (CVX code)').fill('94');
    await page.getByLabel('Date given').fill('2022-05-01');
    await page.getByLabel('Lot number').fill('PQ1234Z');
    await page.getByTestId('save-dose').click();
    await page.getByTestId('dose-row').filter({ hasText: 'MMRV' }).waitFor();
    await expect(page.getByTestId('owner').textContent()).resolves.toBe('Elm City Pediatrics');
    // The entering clinic corrects the lot and the eligibility, with a reason.
    await page.getByTestId('dose-row').filter({ hasText: 'MMRV' }).getByRole('button', { name: 'Correct' }).click();
    const correction = page.getByTestId('correct-dose-form');
    await correction.getByLabel('Lot number').fill('PQ9999Z');
    await correction.getByLabel('Funding source').selectOption('public');
    await correction.getByLabel('VFC eligibility').selectOption('V02');
    await correction.getByLabel(/Reason for the correction/).fill('Lot and eligibility keyed wrong');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await page.getByTestId('dose-row').filter({ hasText: 'PQ9999Z' }).filter({ hasText: 'V02' }).waitFor();
    await page.getByTestId('forecast-Varicella').waitFor();
    expect(mmrBefore).toBe('past_due');
    expect(await page.getByTestId('forecast-MMR').getAttribute('data-urgency')).not.toBe('past_due');
    const pdf = await page.request.get(`/api/patients/${childId}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('offers Add patient only after a search and shows likely duplicates before saving', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto('/patients');
    await expect(page.getByTestId('add-patient').count()).resolves.toBe(0);
    await page.getByLabel('Last name').fill('Mueller Santos');
    await page.getByLabel('First name').fill('Zoe');
    await page.getByLabel('Date of birth').fill('2021-04-12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('add-patient').click();
    await page.locator('#last').fill('Müller-Santos');
    await page.locator('#sex').selectOption('F');
    await page.getByTestId('save-patient').click();
    await page.getByTestId('duplicate-candidates').waitFor();
    await expect(page.getByTestId('duplicate-candidates').textContent()).resolves.toContain('Zoë Müller-Santos');
  });

  it('lets a school nurse find a student and offers no edits', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'schoolnurse');
    await page.goto('/patients');
    await page.getByLabel('Last name').fill('Müller-Santos');
    await page.getByLabel('First name').fill('Zoë');
    await page.getByLabel('Date of birth').fill('2021-04-12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('search-result').first().getByRole('link').click();
    await page.getByTestId('patient-name').waitFor();
    await expect(page.getByText('Read-only').count()).resolves.toBe(1);
    await expect(page.getByTestId('dose-form').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit demographics' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('print-certificate').count()).resolves.toBe(1);
    const refused = await page.request.post(`/api/patients/${childId}/doses`, {
      data: { kind: 'historical', cvx: '03', date: '2022-01-01' },
      headers: { 'x-csrf-token': await page.evaluate(async () => (await (await fetch('/api/me')).json()).csrfToken) },
    });
    expect(refused.status()).toBe(403);
    // Typing the edit page's address does not reach it either.
    for (const url of [`/patients/${childId}/edit`, '/patients/new']) {
      await page.goto(url);
      await page.getByTestId('forbidden').waitFor();
      await expect(page.getByRole('button', { name: /save/i }).count()).resolves.toBe(0);
    }
  });
});
