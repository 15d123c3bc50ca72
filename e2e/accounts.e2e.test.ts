import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '@nutmeg/server/access';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

describe('request an account → DPH approves → activation → first sign-in', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('takes a staff member from the public request form to exactly the Clinic Access modules', async () => {
    // Jordan Rivera is on Elm City Pediatrics' staff list (demo data) but has no account.
    const page = await e.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Request a user account' }).click();
    await page.getByRole('heading', { name: 'Request a user account' }).waitFor();
    expect(await axeViolations(page).then((v) => describeViolations(v))).toBe('');
    await page.getByText('Clinic Access (Patient Management/Reports)', { exact: true }).click();
    await page.getByLabel(/Clinic PIN/).fill('CT1001');
    await page.getByLabel('First name').fill('Jordan');
    await page.getByLabel('Last name').fill('Rivera');
    await page.getByLabel('E-mail').fill('jordan.rivera@elmcitypeds.example');
    await page.getByLabel('Phone').fill('203-555-0199');
    await page.getByLabel('Job title').fill('LPN');
    // USWDS draws its own checkbox; the person clicks the label.
    await page.locator('label[for="agreement-user"]').click();
    await page.locator('label[for="agreement-confidentiality"]').click();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'Request received' }).waitFor();

    // DPH approves.
    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/admin/account-requests');
    await dph.getByRole('link', { name: 'Jordan Rivera' }).click();
    await dph.getByRole('button', { name: 'Approve and create the account' }).click();
    await dph.getByTestId('decision-done').waitFor();
    // The account just created has the requester's e-mail: that is no reason to warn about an existing account.
    await dph.waitForLoadState('networkidle');
    await expect(dph.getByText('An account with this e-mail exists').count()).resolves.toBe(0);
    expect(await axeViolations(dph).then((v) => describeViolations(v))).toBe('');

    // One mail: the username and a single-use link to choose a password; no password is mailed.
    const mail = await e.mailBody('jordan.rivera@elmcitypeds.example', /approved/i);
    const username = /username[^:]*:\s*(\S+)/i.exec(mail)?.[1];
    const link = /http:\/\/\S+(\/activate\?token=\S+)/.exec(mail)?.[1];
    expect(username).toBeTruthy();
    expect(link).toBeTruthy();
    expect(mail).not.toMatch(/temporary password/i);

    // Activation: choose a password, sign in, enrol MFA, land on the modules of Clinic Access.
    const user = await e.newPage();
    await user.goto(link!);
    await user.getByRole('heading', { name: 'Activate your account' }).waitFor();
    expect(await axeViolations(user).then((v) => describeViolations(v))).toBe('');
    await user.locator('#newPassword').fill('maple syrup orchard');
    await user.locator('#confirmPassword').fill('maple syrup orchard');
    await user.getByRole('button', { name: 'Set new password' }).click();
    await user.getByTestId('reset-done').filter({ hasText: username! }).waitFor();
    await user.goto('/login');
    await user.getByLabel('Username').fill(username!);
    await user.getByLabel('Password', { exact: true }).fill('maple syrup orchard');
    await user.getByRole('button', { name: 'Sign in' }).click();
    await user.getByRole('heading', { name: 'Set up multi-factor authentication' }).waitFor();
    const secret = (await user.getByTestId('mfa-secret').textContent())!;
    expect(await axeViolations(user).then((v) => describeViolations(v))).toBe('');
    await user.getByLabel('6-digit code').fill(totp(secret, Date.now()));
    await user.getByRole('button', { name: 'Verify and finish' }).click();
    await user.getByRole('heading', { name: /Welcome, Jordan Rivera/ }).waitFor();
    const cards = await user.locator('[data-testid^="module-card-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(cards).toEqual(['module-card-patients', 'module-card-reports']);
    // And the navigation offers no module outside Clinic Access.
    expect(await user.getByTestId('nav-inventory').count()).toBe(0);
    expect(await user.getByTestId('nav-administration').count()).toBe(0);
  });
});
