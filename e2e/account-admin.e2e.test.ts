import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

async function expectAccessible(page: Page) {
  const v = await axeViolations(page);
  expect(v, describeViolations(v)).toEqual([]);
}

describe('account administration in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows field-level messages on the request form and saves nothing', async () => {
    const page = await e.newPage();
    await page.goto('/request-account');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByTestId('error-summary').waitFor();
    await page.getByText('Clinic Access (Patient Management/Reports)', { exact: true }).click();
    await page.getByLabel(/Clinic PIN/).fill('CT1001, CT9999');
    await page.getByLabel('First name').fill('Jordan');
    await page.getByLabel('Last name').fill('Rivera');
    await page.getByLabel('E-mail').fill('jordan.rivera@elmcitypeds.example');
    await page.getByLabel('Phone').fill('203-555-0199');
    await page.getByLabel('Job title').fill('LPN');
    await page.getByTestId('pin-lookup').filter({ hasText: 'Elm City Pediatrics' }).waitFor();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.locator('#pins-error').filter({ hasText: 'CT9999' }).waitFor();
    await page.locator('#agreement-user-error').waitFor();
    await expectAccessible(page);
    expect(await e.db.selectFrom('account_requests').select('id').execute()).toHaveLength(0);
  });

  it('lets a coordinator see their clinic’s users and deactivate one who left', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await page.goto('/clinic-users');
    await page.getByTestId('clinic-user-clinicstaff').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /Deactivate Aisha Johnson/ }).click();
    await page.getByRole('button', { name: 'Confirm: Aisha left' }).click();
    await page.getByTestId('clinic-user-message').filter({ hasText: 'account is deactivated' }).waitFor();
    await page.getByTestId('clinic-user-clinicstaff').waitFor({ state: 'detached' });
  });

  it('shows DPH the users and the audit log with a verified chain', async () => {
    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/admin/account-requests');
    await dph.getByTestId('queue-empty').waitFor();
    await expectAccessible(dph);
    await dph.goto('/admin/users?q=kowalski');
    await dph.getByRole('link', { name: 'Kowalski, Linda' }).waitFor();
    await expectAccessible(dph);
    await dph.getByRole('link', { name: 'Kowalski, Linda' }).click();
    await dph.getByRole('heading', { name: /Linda Kowalski/ }).waitFor();
    await expectAccessible(dph);
    await dph.getByRole('button', { name: 'Reset MFA' }).click();
    await dph.getByTestId('user-action-done').filter({ hasText: 'MFA is reset' }).waitFor();
    await dph.goto('/admin/audit?action=user');
    await dph.getByRole('rowheader', { name: 'user.mfa-reset' }).waitFor();
    await dph.getByRole('button', { name: 'Verify the chain' }).click();
    await dph.getByTestId('chain-result').filter({ hasText: 'intact' }).waitFor();
    await expectAccessible(dph);
    await dph.goto('/admin/outbox');
    await dph.getByRole('heading', { name: 'Outbox' }).waitFor();
    // Development (no SMTP): an administrator may open a message; the server audits the read.
    await dph
      .getByRole('button', { name: /Open the message/ })
      .first()
      .click();
    await dph.getByTestId('outbox').locator('pre').filter({ hasText: 'multi-factor authentication' }).waitFor();
    await expectAccessible(dph);
  });

  it('resets a forgotten password by e-mail link', async () => {
    const page = await e.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Username or e-mail').fill('cmo');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByTestId('reset-requested').waitFor();
    await expectAccessible(page);
    const mail = await e.mailBody('cmo@demo.nutmeg.example', /reset your password/);
    const link = /http:\/\/\S+(\/reset-password\?token=\S+)/.exec(mail)![1]!;
    await page.goto(link);
    await page.locator('#newPassword').fill('short');
    await page.locator('#confirmPassword').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.locator('#newPassword-error').waitFor();
    await expectAccessible(page);
    await page.locator('#newPassword').fill('gentle river stones');
    await page.locator('#confirmPassword').fill('gentle river stones');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByTestId('reset-done').waitFor();
    await e.signIn(page, 'cmo', 'gentle river stones');
  });
});
