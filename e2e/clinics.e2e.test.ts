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
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets the clinic’s people add, edit and retire a storage unit, and DPH read the list', async () => {
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
    await dph.goto(`/clinic/storage-units?organizationId=${elm.id}`);
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
});
