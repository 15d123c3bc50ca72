import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

async function expectAccessible(page: Page) {
  const v = await axeViolations(page);
  expect(v, describeViolations(v)).toEqual([]);
}

describe('inventory in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets the coordinator receive private stock, reconcile with one broken vial, waste a dose, and DPH read it', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await page.goto('/clinic/storage-units');
    await page.getByRole('button', { name: 'Add a storage unit' }).click();
    await page.getByLabel(/^Name/).fill('Main refrigerator');
    await page.getByLabel(/^Type/).selectOption('refrigerator');
    await page.getByRole('button', { name: 'Add the unit' }).click();
    await page.getByTestId('unit-Main refrigerator').waitFor();

    await page.goto('/inventory');
    await page.getByRole('heading', { name: 'Inventory: Elm City Pediatrics' }).waitFor();
    await page.getByRole('link', { name: 'Receive private inventory' }).click();
    await page.getByRole('heading', { name: 'Receive private inventory' }).waitFor();
    await page.getByLabel(/^Storage unit/).selectOption({ label: 'Main refrigerator' });
    await page.getByLabel(/^NDC/).fill('00006-4095-02');
    await page.getByLabel(/^Lot number/).fill('E2E1');
    await page.getByLabel(/^Expiration/).fill('2027-01');
    await page.getByLabel(/^Doses received/).fill('10');
    await page.getByRole('button', { name: 'Receive into inventory' }).click();
    await page.getByTestId('receipt-done').filter({ hasText: 'lot E2E1 now has 10 dose(s)' }).waitFor();
    await expectAccessible(page);

    await page.goto('/inventory');
    await page.getByTestId('inventory-todo').filter({ hasText: 'Reconcile Main refrigerator: never counted' }).waitFor();
    await expectAccessible(page);
    await page.getByTestId('inventory-units').getByRole('link', { name: 'Main refrigerator' }).click();
    await page.getByTestId('lot-E2E1').filter({ hasText: 'VAQTA' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Reconcile this unit' }).click();
    await page.getByTestId('count-E2E1').waitFor();
    await page.getByLabel('Counted doses of lot E2E1').fill('9');
    await page.getByLabel('Reason lot E2E1 differs').selectOption('broken');
    await page.getByRole('button', { name: 'Close the reconciliation' }).click();
    await page.getByTestId('reconcile-done').filter({ hasText: '1 difference(s)' }).waitFor();
    await page.getByTestId('reconcile-history').filter({ hasText: 'E2E1: 10 → 9 (Broken vial or syringe)' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back to the storage unit' }).click();
    await page.getByLabel(/^Lot/).selectOption({ index: 1 });
    await page.getByLabel(/^Reason/).selectOption('drawn_not_administered');
    await page.getByRole('button', { name: 'Record wastage' }).click();
    await page.getByTestId('waste-done').filter({ hasText: '8 dose(s) left' }).waitFor();
    await page.getByTestId('unit-stock').getByRole('link', { name: 'E2E1' }).click();
    await page.getByTestId('lot-ledger').filter({ hasText: 'Drawn up, not administered' }).waitFor();
    await expect(page.getByTestId('lot-ledger').locator('tbody tr').count()).resolves.toBe(3);
    await expectAccessible(page);

    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/inventory');
    await dph.getByTestId('statewide-clinics').getByRole('link', { name: 'Elm City Pediatrics' }).click();
    await dph.getByRole('heading', { name: 'Inventory: Elm City Pediatrics' }).waitFor();
    await expect(dph.getByRole('link', { name: 'Receive private inventory' }).count()).resolves.toBe(0);
    await expectAccessible(dph);
  });
});
