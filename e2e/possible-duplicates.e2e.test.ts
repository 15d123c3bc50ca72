// The DPH data steward's possible-duplicate queue in the browser: two pairs side by side with the reasons, one
// dismissed as different people, one merged into the record the steward keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

describe('possible duplicates in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  /** A bare record as a clinic would have added it (the keys are what the matcher would have computed). */
  async function patient(first: string, last: string, dob: string, minutesAgo: number): Promise<string> {
    const j = await e.db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
    const at = new Date(Date.now() - minutesAgo * 60_000);
    const row = await e.db
      .insertInto('patients')
      .values({
        jurisdiction_id: j.id,
        first_name: first,
        last_name: last,
        dob,
        sex: 'F',
        first_norm: first.toLowerCase(),
        last_norm: last.toLowerCase(),
        first_soundex: 'X000',
        last_soundex: 'X000',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('lets a data steward dismiss one pair as different people and merge another into the record kept', async () => {
    const [ana1, ana2, bea1, bea2] = [
      await patient('Anneliese', 'Duplicata', '2023-03-14', 40),
      await patient('Anneliese', 'Duplicata', '2023-03-14', 30),
      await patient('Beatriz', 'Gemela', '2024-08-02', 20),
      await patient('Beatrix', 'Gemela', '2024-08-02', 10),
    ];
    const pair = (a: string, b: string, score: number, reasons: string[]) => ({
      patient_low: a < b ? a : b,
      patient_high: a < b ? b : a,
      score,
      reasons,
      source: 'hl7' as const,
    });
    await e.db
      .insertInto('patient_possible_duplicates')
      .values([
        pair(ana1, ana2, 96, ['first name exact', 'last name exact', 'DOB exact']),
        pair(bea1, bea2, 84, ['first name similar: Beatriz~Beatrix', 'last name exact', 'DOB exact']),
      ])
      .execute();

    const page = await e.newPage();
    await e.signIn(page, 'dphadmin');
    await page.getByRole('link', { name: 'Possible duplicates' }).first().click();
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
    await page.getByText('2 pairs waiting, best matches first.').waitFor();
    const cards = page.getByTestId('duplicate-pair');
    await cards.first().getByText('first name exact; last name exact; DOB exact').waitFor();
    await cards
      .nth(1)
      .getByText(/first name similar: Beatriz~Beatrix/)
      .waitFor();
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);

    // Beatriz and Beatrix are twins: not a duplicate.
    const twins = cards.nth(1);
    await twins.getByLabel('Reason (recorded with the decision)').fill('Twins: different first names, same birth');
    await twins.getByRole('button', { name: 'Not a duplicate' }).click();
    await page.getByText(/marked as different people/).waitFor();
    await page.getByText('1 pair waiting, best matches first.').waitFor();

    // Anneliese twice: keep the newer record.
    const same = page.getByTestId('duplicate-pair').first();
    // USWDS draws the radio over a visually hidden input: click its label, as a user does.
    await same.locator('label.usa-radio__label').nth(1).click();
    expect(await same.getByRole('radio').nth(1).isChecked()).toBe(true);
    await same.getByLabel('Reason (recorded with the decision)').fill('Same child entered by two clinics');
    await same.getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('duplicates-empty').waitFor();

    const rows = await e.db.selectFrom('patient_possible_duplicates').select(['patient_low', 'status']).orderBy('score', 'desc').execute();
    expect(rows.map((r) => r.status)).toEqual(['merged', 'not_duplicate']);
    const merged = await e.db.selectFrom('patients').select('merged_into').where('id', '=', ana1).executeTakeFirstOrThrow();
    expect(merged.merged_into).toBe(ana2);
  });
});
