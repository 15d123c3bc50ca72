import { execFileSync } from 'node:child_process';
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

  // Runs after the test above, on its counted refrigerator (one server for the file keeps it fast).
  it('takes an order from refusal to approval, shipment and acceptance into the refrigerator', async () => {
    const started = Date.now();
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await page.goto('/inventory/orders');
    await page.getByLabel('NDC to add').fill('00006-4095-02');
    await page.getByRole('button', { name: 'Add to the order set' }).click();
    await page.getByTestId('order-set').filter({ hasText: 'VAQTA' }).waitFor();
    await page.getByTestId('order-refusals').filter({ hasText: 'no current approved CVP provider agreement' }).waitFor();
    await page.getByLabel('Doses of VAQTA to order').fill('20');
    await page.getByRole('button', { name: 'Place the order' }).click();
    await page.getByTestId('error-summary').filter({ hasText: 'This order cannot be placed' }).waitFor();
    await expectAccessible(page);

    // DPH approves the clinic's agreement (its own flow is the clinics browser test): here, its outcome.
    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    const user = await e.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    const year = new Date().getFullYear();
    await e.db
      .insertInto('provider_agreements')
      .values({
        organization_id: elm.id,
        program: 'cvp',
        program_year: year,
        revision: 1,
        status: 'approved',
        conditions_version: 'CT-CVP-2026.1',
        conditions_text: 'e2e',
        valid_from: `${year}-01-01`,
        valid_until: `${year}-12-31`,
        created_by: user.id,
      })
      .execute();
    await page.reload();
    await page.getByTestId('order-builder').waitFor();
    await expect(page.getByTestId('order-refusals').count()).resolves.toBe(0);
    await page.getByLabel('Doses of VAQTA to order').fill('20');
    await page.getByRole('button', { name: 'Place the order' }).click();
    await page.getByTestId('order-placed').waitFor();

    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/inventory/orders');
    await dph.getByTestId('order-list').getByRole('link').first().click();
    await dph.getByLabel('Approved doses of VAQTA').fill('10');
    await dph.getByRole('button', { name: 'Approve the order' }).click();
    await dph.getByTestId('order-status').filter({ hasText: 'Approved' }).waitFor();
    await dph.getByLabel('Packing slip number').fill('PS-E2E');
    await dph.getByLabel('Lot number 1').fill('SHIP1');
    await dph.getByLabel('Expiration 1').fill('2027-09');
    await dph.getByRole('button', { name: 'Record the shipment' }).click();
    await dph.getByTestId('shipment-status').filter({ hasText: 'in transit' }).waitFor();
    await expectAccessible(dph);

    await page.goto('/inventory');
    await page
      .getByTestId('inventory-todo')
      .getByRole('link', { name: /Shipment with packing slip PS-E2E/ })
      .click();
    await page.getByLabel(/^Storage unit/).selectOption({ label: 'Main refrigerator' });
    await page.getByLabel('Doses of lot SHIP1 received in good condition').fill('9');
    await page.getByLabel('Discrepancy of lot SHIP1').selectOption('damaged');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Accept into inventory' }).click();
    await page.getByTestId('order-status').filter({ hasText: 'Received' }).waitFor();
    await page.getByTestId('shipment-lines').filter({ hasText: 'Damaged' }).waitFor();
    await page.goto('/inventory');
    await page.getByTestId('inventory-units').getByRole('link', { name: 'Main refrigerator' }).click();
    await page.getByTestId('lot-SHIP1').filter({ hasText: 'Public: CVP/VFC' }).waitFor();
    console.log(`order → shipment → accept flow: ${Date.now() - started} ms`);

    // The transfers, returns, reports and excursion pages render accessibly (the report tables and filters too).
    for (const [path, heading] of [
      ['/inventory/transfers', 'Transfers'],
      ['/inventory/returns', 'Returns'],
      ['/inventory/reports?from=2026-01-01', 'Inventory reports'],
      ['/inventory/excursions?status=open', 'Temperature excursions'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${heading}`) }).waitFor();
      await expectAccessible(page);
    }
    await dph.goto('/inventory/excursions');
    await dph.getByRole('heading', { level: 1, name: 'Temperature excursions: statewide' }).waitFor();
    await expectAccessible(dph);
  });

  // Runs after the two tests above: the public lot SHIP1 (9 doses) and the private E2E1 (8) are in the refrigerator.
  it('gives a dose from the public lot, reconciles a broken vial, holds the unit after an excursion, returns the lot', async () => {
    const started = Date.now();
    const j = await e.db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    // The patient comes from the clinic's records (patients have their own browser test): here, its outcome.
    const child = await e.db
      .insertInto('patients')
      .values({
        jurisdiction_id: j.id,
        first_name: 'Noah',
        last_name: 'Brennan',
        dob: '2022-03-01',
        sex: 'M',
        first_norm: 'noah',
        last_norm: 'brennan',
        first_soundex: 'N000',
        last_soundex: 'B655',
        town: 'Hamden',
        created_org_id: elm.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await e.db
      .insertInto('patient_reports')
      .values({
        patient_id: child.id,
        origin_patient_id: child.id,
        source_org_id: elm.id,
        source_kind: 'import',
        data: JSON.stringify({ name: { first: 'Noah', last: 'Brennan' } }),
      })
      .execute();
    await e.db.insertInto('patient_org_status').values({ patient_id: child.id, organization_id: elm.id, status: 'active' }).execute();

    // Clinic staff give a VFC-eligible child a dose from the new public lot, picked from the clinic's inventory.
    const staff = await e.newPage();
    await e.signIn(staff, 'clinicstaff');
    await staff.goto(`/patients/${child.id}`);
    await staff.getByTestId('patient-name').filter({ hasText: 'Noah Brennan' }).waitFor();
    await staff.getByText('Record a dose').click();
    // The package's bar code: the scanner types the NDC and presses Enter.
    const vaccine = staff.getByRole('combobox', { name: /Type a name, trade name, CVX code or NDC/ });
    await vaccine.pressSequentially('00006409502');
    await vaccine.press('Enter');
    await staff.getByTestId('vaccine-chosen').filter({ hasText: 'NDC 00006-4095-02' }).waitFor();
    const picker = staff.getByLabel('From your clinic’s inventory');
    const ship1 = await picker.locator('option', { hasText: 'SHIP1' }).getAttribute('value');
    await picker.selectOption(ship1!);
    await expect(staff.getByLabel('Lot number').inputValue()).resolves.toBe('SHIP1');
    await staff.getByLabel('VFC eligibility for this dose').selectOption('V02');
    await expectAccessible(staff);
    await staff.getByTestId('save-dose').click();
    await staff.getByTestId('dose-row').filter({ hasText: 'SHIP1' }).waitFor();

    // The coordinator counts the refrigerator: the dose given left 8 of SHIP1, one vial of which broke.
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await page.goto('/inventory');
    await page.getByTestId('inventory-units').getByRole('link', { name: 'Main refrigerator' }).click();
    // The row's fourth cell is what is on hand.
    await page.getByTestId('lot-SHIP1').locator('td').nth(3).filter({ hasText: /^8$/ }).waitFor();
    await page.getByRole('link', { name: 'Reconcile this unit' }).click();
    await page.getByTestId('count-SHIP1').waitFor();
    await page.getByLabel('Counted doses of lot E2E1').fill('8');
    await page.getByLabel('Counted doses of lot SHIP1').fill('7');
    await page.getByLabel('Reason lot SHIP1 differs').selectOption('broken');
    await page.getByRole('button', { name: 'Close the reconciliation' }).click();
    await page.getByTestId('reconcile-done').filter({ hasText: '1 difference(s)' }).waitFor();
    await page.getByTestId('reconcile-history').filter({ hasText: 'SHIP1: 8 → 7 (Broken vial or syringe)' }).waitFor();

    // A reading of 12 °C (safe range 2 to 8) entered by hand holds every lot of the unit "do not use".
    await page.getByRole('link', { name: 'Back to the storage unit' }).click();
    const hourAgo = new Date(Date.now() - 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    // datetime-local takes the browser's local time; the browser runs on this machine, in this process's time zone.
    const local = `${hourAgo.getFullYear()}-${pad(hourAgo.getMonth() + 1)}-${pad(hourAgo.getDate())}T${pad(hourAgo.getHours())}:${pad(hourAgo.getMinutes())}`;
    await page.getByLabel(/^Date and time of the reading/).fill(local);
    await page.getByLabel(/^Current °C/).fill('12');
    await page.getByRole('button', { name: 'Record the reading' }).click();
    await page.getByTestId('excursions').filter({ hasText: 'held, waiting for the manufacturer’s decision' }).waitFor();
    await page.getByTestId('temperature-readings').filter({ hasText: '(out of range)' }).waitFor();
    for (const lot of ['lot-SHIP1', 'lot-E2E1']) await page.getByTestId(lot).filter({ hasText: 'Do not use' }).waitFor();
    await expectAccessible(page);

    // Months pass: SHIP1 expires. No page can receive a lot already expired, so the test moves its expiry back.
    await e.db.updateTable('inventory_lots').set({ expiration_date: '2026-01-31' }).where('lot_number', '=', 'SHIP1').execute();
    await page.goto('/inventory/returns');
    await page.getByRole('heading', { level: 1, name: 'Returns of public vaccine' }).waitFor();
    await page.getByLabel(/^Storage unit/).selectOption({ label: 'Main refrigerator' });
    const lotSelect = page.getByLabel(/^Lot \(expired or held public vaccine\)/);
    const expired = await lotSelect.locator('option', { hasText: 'SHIP1' }).getAttribute('value');
    await lotSelect.selectOption(expired!);
    await page.getByLabel(/^Doses to return/).fill('7');
    await page.getByLabel(/^Reason/).selectOption('expired');
    await page.getByRole('button', { name: 'Request the return' }).click();
    await page.getByTestId('return-list').filter({ hasText: 'With DPH for approval' }).waitFor();
    await expectAccessible(page);

    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/inventory/returns');
    const row = dph.getByTestId('return-list').locator('tbody tr').filter({ hasText: 'SHIP1' });
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.filter({ hasText: 'Approved' }).waitFor();
    await expectAccessible(dph);

    // The coordinator downloads the label to pack the box: it names the return authorization and the lot.
    await page.reload();
    const label = page.getByTestId('return-list').getByRole('link', { name: /^Label .+ \(PDF\)$/ });
    const authorization = (await label.textContent())!.replace(/^Label (.+) \(PDF\)$/, '$1');
    const [download] = await Promise.all([page.waitForEvent('download'), label.click()]);
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
    expect(authorization).toMatch(/^RA-[0-9A-F]{10}$/);
    expect(text).toMatch(new RegExp(`Return authorization\\s+${authorization}`));
    expect(text).toContain('SHIP1');
    console.log(`dose → reconcile → excursion → return flow: ${Date.now() - started} ms`);
  });
});
