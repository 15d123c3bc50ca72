import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

describe('the UI shell', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows an accessible sign-in page', async () => {
    const page = await e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Nutmeg' }).waitFor();
    expect(page.url()).toContain('/login');
    // The authenticator code is asked for from the start, as a plain field (not an error).
    const otp = page.getByLabel('Authenticator code');
    await otp.waitFor();
    expect(await otp.getAttribute('class')).not.toContain('usa-input--error');
    await expect(page.locator('.usa-form-group--error').count()).resolves.toBe(0);
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('signs in with password and authenticator code and shows exactly the Clinic Access modules', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    const cards = await page.locator('[data-testid^="module-card-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(cards).toEqual(['module-card-patients', 'module-card-reports']);
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
  });

  it('lets a coordinator with two clinics switch the clinic they act for', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await expect(page.getByTestId('active-scope').textContent()).resolves.toContain('Elm City Pediatrics');
    await page
      .getByLabel('Acting for')
      .selectOption({ label: 'Hartford Community Health Center (CT1002) — Primary Vaccine Coordinator (Inventory/Ordering)' });
    await page.getByTestId('active-scope').filter({ hasText: 'Hartford Community Health Center' }).waitFor();
    const cards = await page.locator('[data-testid^="module-card-"]').count();
    expect(cards).toBe(4);
  });

  it('explains a wrong authenticator code', async () => {
    const page = await e.newPage();
    await page.goto('/login');
    await page.getByLabel('Username').fill('cmo');
    await page.getByLabel('Password', { exact: true }).fill('nutmeg-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authenticator code').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#otp-error').filter({ hasText: 'The authenticator code is not correct.' }).waitFor();
  });
});
