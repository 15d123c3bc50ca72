import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

/**
 * Patient management in a real browser: search with a typo, record a dose, print; read-only school nurse;
 * each source's reported version beside the consolidated record.
 */
describe('patients', () => {
  let e: E2E;
  let childId = '';
  beforeAll(async () => {
    e = await startE2E({
      seed: async (db) => {
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
          .values([{ patient_id: child.id, organization_id: elm.id, status: 'active' }])
          .execute();
        // The school nurse sees her roster's students only: Zoë is on this school year's roster.
        const today = new Date().toISOString().slice(0, 10);
        const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
        await db
          .insertInto('school_roster_entries')
          .values({
            school_id: school.id,
            school_year: year,
            student_id: 'Z-1',
            grade: 'PK',
            last_name: 'Müller-Santos',
            first_name: 'Zoë',
            dob: '2021-04-12',
            sex: 'F',
            patient_id: child.id,
            match_status: 'linked',
            match_reason: 'seeded for the test',
            matched_by: 'auto',
            row_hash: 'seed',
          })
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
    await page.getByRole('combobox', { name: /Type a name, trade name, CVX code or NDC/ }).fill('94');
    await page.getByRole('option', { name: /^MMRV \(CVX 94\)/ }).click();
    await page.getByLabel('Date given').fill('2022-05-01');
    await page.getByLabel('Lot number').fill('PQ1234Z');
    // No VFC eligibility is chosen for the user: the field is empty and required.
    const vfc = page.getByLabel('VFC eligibility for this dose');
    expect(await vfc.inputValue()).toBe('');
    expect(await vfc.getAttribute('required')).not.toBeNull();
    await vfc.selectOption('V02');
    await page.getByTestId('save-dose').click();
    await page.getByTestId('dose-row').filter({ hasText: 'MMRV' }).waitFor();
    // The record, the doses and the forecast refresh separately: wait for the record's, not only the dose row.
    await page.getByTestId('owner').filter({ hasText: 'Elm City Pediatrics' }).waitFor();
    await expect(page.getByTestId('owner').textContent()).resolves.toBe('Elm City Pediatrics');
    // Inactivating here would end the medical home: the page says so before anything is saved.
    await page.getByLabel('Status at your clinic').selectOption('inactive_moved');
    await page.getByTestId('releases-medical-home').filter({ hasText: 'does not restore it' }).waitFor();
    await page.getByLabel('Status at your clinic').selectOption('active');
    await page.getByTestId('releases-medical-home').waitFor({ state: 'detached' });
    // The history says it in words.
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.getByTestId('history-table').getByText('Medical home: Elm City Pediatrics').waitFor();
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
    expect(mmrBefore).toBe('overdue');
    expect(await page.getByTestId('forecast-MMR').getAttribute('data-urgency')).not.toBe('overdue');
    const pdf = await page.request.get(`/api/patients/${childId}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A storage problem comes to light: the dose is marked and no longer counts.
    await page.getByTestId('dose-row').filter({ hasText: 'MMRV' }).getByRole('button', { name: 'Correct' }).click();
    await correction.getByLabel('Dose condition').selectOption('storage');
    await correction.getByLabel(/Reason for the correction/).fill('Refrigerator excursion reported for lot PQ9999Z');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await page.getByTestId('dose-row').filter({ hasText: 'does not count: Storage or handling problem' }).waitFor();
    await page.locator('[data-testid="forecast-MMR"][data-urgency="overdue"]').waitFor();
    // A provider-verified varicella history, picked from the CDSi list by words of its title.
    await page.getByText('Record a refusal, contraindication or evidence of immunity').click();
    await page.getByRole('combobox', { name: 'CDSi observation' }).fill('verified history');
    await page.getByRole('option', { name: /^024 / }).click();
    await page.getByRole('button', { name: 'Record observation' }).click();
    await page.locator('[data-testid="forecast-Varicella"][data-urgency="immune"]').waitFor();
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('lets a clinic user record a dose by typing a trade name, and another by scanning its NDC', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto(`/patients/${childId}`);
    await page.getByTestId('patient-name').filter({ hasText: 'Zoë Müller-Santos' }).waitFor();
    await page.getByText('Record a dose').click();
    const vaccine = page.getByRole('combobox', { name: /Type a name, trade name, CVX code or NDC/ });
    const save = async (date: string, lot: string) => {
      await page.getByLabel('Date given').fill(date);
      await page.getByLabel('Lot number').fill(lot);
      await page.getByLabel('VFC eligibility for this dose').selectOption('V01');
      await page.getByLabel('Funding source').selectOption('private');
      await page.getByTestId('save-dose').click();
    };
    // A trade name: the list offers the product with its CVX; choosing it fills in the CVX and the manufacturer.
    await vaccine.fill('priorix');
    await page.getByRole('option', { name: /^Priorix — MMR \(CVX 03\)/ }).click();
    await page.getByTestId('vaccine-chosen').filter({ hasText: 'CVX 03 · MVX SKB' }).waitFor();
    await save('2023-05-10', 'PRX0510');
    const priorix = page.getByTestId('dose-row').filter({ hasText: 'PRX0510' });
    await priorix.filter({ hasText: 'MMR (CVX 03)' }).getByTestId('dose-product').filter({ hasText: 'GlaxoSmithKline' }).waitFor();
    // A scanner types the NDC's 11 digits and presses Enter: the product it names is chosen at once.
    await vaccine.pressSequentially('00006417100');
    await vaccine.press('Enter');
    await page.getByTestId('vaccine-chosen').filter({ hasText: 'CVX 94 · MVX MSD · NDC 00006-4171-00' }).waitFor();
    await save('2024-05-10', 'PQD0510');
    await page.getByTestId('dose-row').filter({ hasText: 'PQD0510' }).filter({ hasText: 'NDC 00006-4171-00' }).waitFor();
    const rows = await e.db
      .selectFrom('doses')
      .select(['cvx', 'mvx', 'ndc'])
      .where('lot', 'in', ['PRX0510', 'PQD0510'])
      .orderBy('lot')
      .execute();
    expect(rows).toEqual([
      { cvx: '94', mvx: 'MSD', ndc: '00006-4171-00' },
      { cvx: '03', mvx: 'SKB', ndc: null },
    ]);
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('records an observation as unknown; the recommender does not apply it and says what it could not decide', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto(`/patients/${childId}`);
    await page.getByTestId('patient-name').filter({ hasText: 'Zoë Müller-Santos' }).waitFor();
    await page.getByText('Record a refusal, contraindication or evidence of immunity').click();
    await page.getByLabel('Kind').selectOption('indication');
    await page.getByRole('combobox', { name: 'CDSi observation' }).fill('functional asplenia');
    await page.getByRole('option', { name: /^160 / }).click();
    await page.getByText('Unknown — clinical judgement needed').click(); // the USWDS radio is styled on its label
    await page.getByRole('button', { name: 'Record observation' }).click();
    await page.getByText(/Anatomical or functional asplenia \(CDSi 160\) — unknown, clinical judgement needed/).waitFor();
    // asplenia would bring in the pneumococcal risk series for a child of 2–5 years: left to the clinician
    await page
      .getByTestId('undetermined')
      .filter({ hasText: /Pneumococcal: .*\(CDSi 160, indication/ })
      .waitFor();
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('offers Add patient only after a search and shows likely duplicates before saving', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto('/patients');
    // An empty search says what to enter.
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('empty-search').filter({ hasText: 'last name and a date of birth' }).waitFor();
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
    await page.getByText('Read-only').waitFor();
    await page.getByTestId('print-certificate').waitFor();
    await expect(page.getByTestId('dose-form').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit demographics' }).count()).resolves.toBe(0);
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

  it('shows a health director each source’s version beside the consolidated record, with differing values marked', async () => {
    const csrf = async (p: Page) => ({
      'x-csrf-token': await p.evaluate(async () => ((await (await fetch('/api/me')).json()) as { csrfToken: string }).csrfToken),
    });
    const child = {
      name: { first: 'Maja', last: 'Kowalczyk' },
      dob: '2022-02-02',
      sex: 'F',
      addresses: [{ street: '5 Whitney Avenue', city: 'Hamden', state: 'CT', zip: '06517' }],
      phones: [{ number: '203-555-0142' }],
      guardians: [{ name: { first: 'Ewa', last: 'Kowalczyk' }, relationship: 'MTH' }],
    };
    // Elm City Pediatrics adds the child and gives MMR.
    const elm = await e.newPage();
    await e.signIn(elm, 'clinicstaff');
    const created = await elm.request.post('/api/patients', { data: { ...child, confirmNew: true }, headers: await csrf(elm) });
    expect(created.status(), await created.text()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;
    const mmr = { kind: 'administered', cvx: '03', lot: 'MMR0142', fundingSource: 'private', vfcEligibility: 'V01', date: '2023-02-10' };
    expect((await elm.request.post(`/api/patients/${patientId}/doses`, { data: mmr, headers: await csrf(elm) })).status()).toBe(201);
    // Hartford CHC reports a new address and phone, and the same MMR from the parent's card two days off.
    const hartford = await e.newPage();
    await e.signIn(hartford, 'ceo');
    const { version } = (await (await hartford.request.get(`/api/patients/${patientId}`)).json()) as { version: number };
    const edited = await hartford.request.put(`/api/patients/${patientId}`, {
      data: {
        ...child,
        addresses: [{ street: '77 Dixwell Avenue', city: 'Hamden', state: 'CT', zip: '06514' }],
        phones: [{ number: '860-555-0177' }],
        version,
        reason: 'Parent gave a new address',
      },
      headers: await csrf(hartford),
    });
    expect(edited.status(), await edited.text()).toBe(200);
    const card = { kind: 'historical', cvx: '03', date: '2023-02-12', source: '03' };
    const reported = await hartford.request.post(`/api/patients/${patientId}/doses`, { data: card, headers: await csrf(hartford) });
    expect(((await reported.json()) as { deduplicated: boolean }).deduplicated).toBe(true);

    // The local health director (read-only) follows the dose's "compare" link from the record.
    const page = await e.newPage();
    await e.signIn(page, 'healthdirector');
    await page.goto(`/patients/${patientId}`);
    await page.getByTestId('patient-name').filter({ hasText: 'Maja Kowalczyk' }).waitFor();
    await page.getByRole('link', { name: 'Compare the reported versions' }).waitFor();
    await page
      .getByTestId('dose-row')
      .getByRole('link', { name: /^compare the reports of/ })
      .click();
    const table = page.getByTestId('reported-versions-table');
    await table.waitFor();
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
      'Field',
      expect.stringContaining('Consolidated record'),
      expect.stringMatching(/^Hartford Community Health Center.*received/),
      expect.stringMatching(/^Elm City Pediatrics.*received/),
    ]);
    // Elm's version still has the old phone and address: marked, with the word and not only a tint.
    const phones = table.locator('tr[data-field="phones"]');
    await expect(phones.locator('td').allTextContents()).resolves.toEqual([
      '(860) 555-0177',
      '(860) 555-0177',
      expect.stringMatching(/^\(203\) 555-0142 Differs from the consolidated record$/),
    ]);
    await expect(phones.getByTestId('differs').count()).resolves.toBe(1);
    await expect(table.locator('tr[data-field="addresses"] [data-differs="true"]').textContent()).resolves.toContain('5 Whitney Avenue');
    await expect(table.locator('tr[data-field="name"] [data-differs]').count()).resolves.toBe(0);
    await expect(table.locator('tr[data-field="race"] td').allTextContents()).resolves.toEqual(['—', 'not reported', 'not reported']);
    // The dose opened from the link: Elm's administered report is the master; Hartford's card differs in kind and date.
    const dose = page.getByTestId('dose-reports-table');
    await dose.waitFor();
    await expect(dose.locator('tr[data-field="date"] td').allTextContents()).resolves.toEqual([
      '2023-02-10',
      expect.stringMatching(/^2023-02-12 Differs/),
    ]);
    await expect(dose.locator('tr[data-field="lot"] td').allTextContents()).resolves.toEqual(['MMR0142', 'not reported']);
    await expect(dose.locator('tr[data-field="historicalSource"] td').allTextContents()).resolves.toEqual([
      '—',
      expect.stringMatching(/^Historical information - from parents written record Differs/),
    ]);
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('offers DPH no clinic-only actions on a record', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'dphadmin');
    await page.goto(`/patients/${childId}`);
    await page.getByLabel('Status in the jurisdiction').waitFor();
    await expect(page.getByLabel('Status at your clinic').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Make my clinic the medical home' }).count()).resolves.toBe(0);
  });
});
