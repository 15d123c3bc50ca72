import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

async function expectAccessible(page: Page) {
  const v = await axeViolations(page);
  expect(v, describeViolations(v)).toEqual([]);
}

describe('clinic tools in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    // Elm City's own CEO (the demo CEO is Hartford CHC's), with the demo password and an authenticator.
    e = await startE2E({
      seed: async (db) => {
        const ceo = await db
          .selectFrom('users')
          .select(['password_hash', 'mfa_secret', 'mfa_enrolled_at'])
          .where('username', '=', 'ceo')
          .executeTakeFirstOrThrow();
        const elm = await db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
        const user = await db
          .insertInto('users')
          .values({
            username: 'elmceo',
            email: 'ceo@elmcitypeds.example',
            first_name: 'Dana',
            last_name: 'Brooks',
            ...ceo,
            password_temporary: false,
            password_changed_at: new Date(),
            created_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('memberships').values({ user_id: user.id, organization_id: elm.id, access_type: 'ceo_signing' }).execute();
      },
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets the clinic’s people add, edit and retire a storage unit, and DPH find the clinic in its list and read them', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'cmo');
    await page.goto('/clinic/storage-units');
    await page.getByRole('heading', { name: /Storage units: Elm City Pediatrics/ }).waitFor();
    await page.getByRole('button', { name: 'Add a storage unit' }).click();
    await page.getByLabel(/^Name/).fill('Main refrigerator');
    await page.getByLabel(/^Type/).selectOption('refrigerator');
    await page.getByLabel('Make').fill('Helmer');
    await page.getByLabel('Model').fill('i.Series 105');
    await page.getByLabel(/Data logger serial number/).fill('LOG-0042');
    await page.getByRole('button', { name: 'Add the unit' }).click();
    await page.getByTestId('unit-message').filter({ hasText: 'Main refrigerator added' }).waitFor();
    await page.getByTestId('unit-Main refrigerator').filter({ hasText: 'LOG-0042' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Edit Main refrigerator' }).click();
    await page.locator('label[for="unit-active"]').click();
    expect(await page.getByLabel(/In use/).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save the unit' }).click();
    await page.getByTestId('unit-Main refrigerator').filter({ hasText: 'Retired' }).waitFor();
    const stored = await e.db
      .selectFrom('storage_units')
      .select(['active', 'version'])
      .where('name', '=', 'Main refrigerator')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ active: false, version: 2 });

    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    const dph = await e.newPage();
    await e.signIn(dph, 'dphanalyst');
    await dph.goto('/clinics');
    await dph.getByTestId('clinic-CT1001').waitFor();
    await expectAccessible(dph);
    await dph.getByLabel('Town').fill('Hartford');
    await dph.getByRole('button', { name: 'Show clinics' }).click();
    await dph.getByTestId('clinic-CT1002').waitFor();
    await dph.getByTestId('clinic-CT1001').waitFor({ state: 'detached' });
    await dph.goto('/clinics');
    await dph.getByTestId('clinic-CT1001').getByRole('link', { name: 'storage units' }).click();
    await dph.waitForURL(`**/clinic/storage-units?organizationId=${elm.id}`);
    await dph.getByTestId('unit-Main refrigerator').waitFor();
    await expect(dph.getByRole('button', { name: /Edit/ }).count()).resolves.toBe(0);
    await expectAccessible(dph);
  });

  it('lets a signer edit the clinic profile (VFC delivery window, contacts) and DPH read each change', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'cmo');
    await page.goto('/clinic/profile');
    await page.getByRole('heading', { name: /Clinic profile: Elm City Pediatrics/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Edit the profile' }).click();
    await page.locator('#dbaName').fill('Elm City Peds');
    await page.locator('#physicalAddress-street').fill('100 Chapel St');
    await page.locator('#physicalAddress-city').fill('New Haven');
    await page.locator('#physicalAddress-zip').fill('06510');
    // A 3-hour weekday window is not enough for VFC.
    await page.locator('#hours-tue-0-from').fill('09:00');
    await page.locator('#hours-tue-0-to').fill('12:00');
    await page.locator('#primaryCoordinator-name').fill('Maria Delgado');
    await page.locator('#primaryCoordinator-email').fill('maria.delgado@elmcitypeds.example');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.locator('#deliveryHours-error').filter({ hasText: 'VFC' }).waitFor();
    await expectAccessible(page);
    await page.locator('#hours-tue-0-to').fill('13:00');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByTestId('profile-saved').waitFor();
    await page.getByTestId('hours-tue').filter({ hasText: '09:00–13:00' }).waitFor();
    await page.getByTestId('contact-primaryCoordinator').filter({ hasText: 'Maria Delgado' }).waitFor();

    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto(`/clinic/profile?organizationId=${elm.id}`);
    await dph.getByTestId('profile-version-1').filter({ hasText: 'contacts.primaryCoordinator.email' }).waitFor();
    await expect(dph.getByRole('button', { name: 'Edit the profile' }).count()).resolves.toBe(0);
    await expectAccessible(dph);
  });

  /** Signs the agreement open on the page: password and a fresh code (the one used to sign in is spent). */
  async function signOn(page: Page, username: string) {
    await e.db.updateTable('users').set({ mfa_last_step: null }).where('username', '=', username).execute();
    await page.getByLabel('Your password').fill('nutmeg-demo-2026');
    await page.getByLabel('Authenticator code').fill(await e.codeFor(username));
    await page.getByRole('button', { name: 'Sign the agreement' }).click();
    await page.getByTestId('agreement-done').filter({ hasText: 'Signed' }).waitFor();
  }

  it('runs the agreement cycle: draft, CMO and CEO sign, DPH returns, the clinic revises, signs again, DPH approves', async () => {
    const coordinator = await e.newPage();
    await e.signIn(coordinator, 'coordinator');
    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    const membership = await e.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.id')
      .where('users.username', '=', 'coordinator')
      .where('memberships.organization_id', '=', elm.id)
      .executeTakeFirstOrThrow();
    await coordinator.locator('#scope-switcher').selectOption(membership.id);
    await coordinator.getByRole('heading', { name: /Welcome/ }).waitFor();
    await coordinator.goto('/clinic/agreements');
    await coordinator.getByRole('heading', { name: /Provider agreements: Elm City/ }).waitFor();
    await expectAccessible(coordinator);
    await coordinator.getByRole('button', { name: /Draft the \d{4} COVID-19 agreement/ }).click();
    await coordinator.getByLabel('V02 Medicaid, Under 1 year').fill('12');
    await coordinator.getByRole('button', { name: 'Add a prescriber' }).click();
    await coordinator.getByLabel('Prescriber 1: Name').fill('Rajesh Patel');
    await coordinator.getByLabel('Prescriber 1: License type').fill('MD');
    await coordinator.getByLabel('Prescriber 1: License number').fill('041234');
    await coordinator.getByLabel('Prescriber 1: License expires').fill('2027-06-30');
    await coordinator.getByLabel('Prescriber 1: NPI').fill('1234567893');
    await coordinator.getByLabel(/Vaccines offered/).fill('COVID-19 mRNA');
    await coordinator.getByRole('button', { name: 'Save the draft' }).click();
    await coordinator.getByTestId('agreement-status').filter({ hasText: 'Draft' }).waitFor();
    const url = coordinator.url();
    await coordinator.getByTestId('sign-refusal').waitFor();
    await expectAccessible(coordinator);

    const cmo = await e.newPage();
    await e.signIn(cmo, 'cmo');
    await cmo.goto(url);
    await cmo.getByTestId('conditions-text').filter({ hasText: 'COVID-19 Vaccination Program' }).waitFor();
    await signOn(cmo, 'cmo');
    await cmo.getByTestId('signature-cmo').waitFor();
    await expectAccessible(cmo);

    const ceo = await e.newPage();
    await e.signIn(ceo, 'elmceo');
    await ceo.goto(url);
    await signOn(ceo, 'elmceo');
    await ceo.getByTestId('agreement-status').filter({ hasText: 'with DPH for review' }).waitFor();

    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto(url);
    await dph.getByLabel(/Comments for the clinic/).fill('List your storage units, then sign again.');
    await expectAccessible(dph);
    await dph.getByRole('button', { name: 'Return with comments' }).click();
    await dph.getByTestId('agreement-status').filter({ hasText: 'Returned by DPH' }).waitFor();

    await coordinator.reload();
    await coordinator.getByTestId('review-comment').filter({ hasText: 'List your storage units' }).waitFor();
    await coordinator.getByRole('button', { name: /Change it/ }).click();
    await coordinator.getByLabel(/Vaccines offered/).fill('COVID-19 mRNA, COVID-19 protein subunit');
    await coordinator.getByRole('button', { name: 'Save the draft' }).click();
    await coordinator.getByRole('heading', { name: /revision 2/ }).waitFor();
    const url2 = coordinator.url();

    await cmo.goto(url2);
    await signOn(cmo, 'cmo');
    await ceo.goto(url2);
    await signOn(ceo, 'elmceo');
    await dph.goto(url2);
    await dph.getByRole('button', { name: 'Approve' }).click();
    await dph.getByTestId('agreement-status').filter({ hasText: 'Approved' }).waitFor();
    await expectAccessible(dph);

    await coordinator.goto('/clinic/agreements');
    await coordinator.getByTestId('current-covid19').filter({ hasText: 'Agreement current' }).waitFor();
    await coordinator.getByTestId('current-cvp').filter({ hasText: 'No current agreement' }).waitFor();
    const { program_year: year } = await e.db.selectFrom('provider_agreements').select('program_year').executeTakeFirstOrThrow();
    await coordinator.getByTestId(`agreement-covid19-${year}-1`).filter({ hasText: 'Superseded' }).waitFor();
    await expectAccessible(coordinator);
  });
});
