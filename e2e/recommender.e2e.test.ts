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
    await page.getByTestId('no-dose-aged_out').filter({ hasText: 'Meningococcal' }).waitFor();
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
    await page.getByTestId('no-dose-aged_out').filter({ hasText: 'Meningococcal' }).waitFor();

    // Born abroad before 1980 is no evidence of varicella immunity; born in the U.S. is, and the panel says why.
    await page.getByLabel('Date of birth').fill('1975-06-01');
    await page.getByLabel('Country of birth').fill('MEX');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.locator('[data-testid="forecast-Varicella"][data-urgency="overdue"]').waitFor();
    await page.getByLabel('Country of birth').fill('US');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByTestId('forecast-Varicella').filter({ hasText: 'Evidence: born before 1980-01-01 in U.S.' }).waitFor();
  });

  it('lets a DPH administrator set this influenza season when the installed release describes a past one', async () => {
    // 4.64 describes 2025-07-01 to 2026-06-30: for a later date the panel says the data is out of date.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
    const season = { start: `${year}-07-01`, end: `${year + 1}-06-30` };
    const dob = `${year - 1}-09-15`;

    const clinic = await e.newPage();
    await e.signIn(clinic, 'clinicstaff');
    const evaluate = async () => {
      await clinic.goto('/recommender/evaluate');
      await clinic.getByLabel('Date of birth').fill(dob);
      await clinic.getByRole('button', { name: 'Evaluate' }).click();
      return clinic.getByTestId('forecast-Influenza');
    };
    await (await evaluate()).filter({ hasText: 'Season data out of date' }).waitFor();
    await clinic.getByTestId('season-notice').filter({ hasText: 'has no Influenza season for' }).first().waitFor();

    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.getByTestId('season-warning').getByRole('link', { name: 'Set this season’s dates' }).click();
    const form = dph.getByRole('form', { name: 'Influenza season dates' });
    await form.getByLabel('Season starts').fill(season.start);
    await form.getByLabel('Season ends').fill(season.end);
    await form.getByLabel('Where the dates come from').fill('ACIP recommendations for this season');
    await form.getByRole('button', { name: 'Set the Influenza season' }).click();
    await dph.getByTestId('season-saved').waitFor();
    await dph.getByTestId('season-Influenza').filter({ hasText: 'Use the dates set by DPH' }).waitFor();

    const flu = await evaluate();
    await flu.filter({ hasText: 'season dates set by DPH' }).waitFor();
    expect(await flu.getAttribute('data-urgency')).toMatch(/^(due_now|overdue)$/);
  });
});
