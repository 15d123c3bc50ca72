import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

describe('Evaluate a paper record', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('forecasts a risk series once a clinic user adds a risk condition from the CDSi list', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto('/recommender/evaluate');
    await page.getByRole('heading', { name: 'Evaluate a paper record' }).waitFor();
    await page.getByLabel('Date of birth').fill('1996-01-01');
    await page.getByLabel('Evaluate as of').fill('2026-11-20');
    await page.getByLabel('Country of birth').fill('US');

    await page.getByRole('button', { name: 'Evaluate' }).click();
    // A 30-year-old without risk conditions: MenACWY has aged out; born in the U.S. before 1980 does not apply.
    await page.getByTestId('no-dose-needed').filter({ hasText: 'Meningococcal (aged out)' }).waitFor();
    await expect(page.getByTestId('forecast-Varicella').count()).resolves.toBe(1);

    // Pick "Anatomical or functional asplenia" by typing words of its title.
    const box = page.getByRole('combobox', { name: /Risk conditions/ });
    await box.fill('functional asplenia');
    await page.getByRole('option', { name: /^160 Anatomical or functional asplenia/ }).click();
    await page.getByRole('list', { name: 'Chosen observations' }).getByText('160 Anatomical or functional asplenia').waitFor();

    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.locator('[data-testid="forecast-Meningococcal"][data-urgency="due_now"]').waitFor();
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);

    // Taking it off again brings back the standard forecast.
    await page.getByRole('button', { name: 'Remove 160 Anatomical or functional asplenia' }).click();
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByTestId('no-dose-needed').filter({ hasText: 'Meningococcal (aged out)' }).waitFor();

    // Born abroad before 1980 is no evidence of varicella immunity; born in the U.S. is, and the panel says why.
    await page.getByLabel('Date of birth').fill('1975-06-01');
    await page.getByLabel('Country of birth').fill('MEX');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.locator('[data-testid="forecast-Varicella"][data-urgency="past_due"]').waitFor();
    await page.getByLabel('Country of birth').fill('US');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByTestId('forecast-Varicella').filter({ hasText: 'Evidence: born before 1980-01-01 in U.S.' }).waitFor();
  });
});
