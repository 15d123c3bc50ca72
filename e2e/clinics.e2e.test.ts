import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

// One test, four sessions (coordinator, CMO, Elm City's CEO, DPH), each signed in once: the layout guard checks
// every address each session reaches, so fewer sessions and addresses keep this file fast. Explicit axe checks
// are kept for states the guard does not see on its own (a form showing the server's field errors).
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

  /** Signs the agreement open on the page: password and a fresh code (the one used to sign in is spent). */
  async function signOn(page: Page, username: string) {
    await page.getByLabel('Your password').fill('nutmeg-demo-2026');
    await page.getByLabel('Authenticator code').fill(await e.codeFor(username));
    await page.getByRole('button', { name: 'Sign the agreement' }).click();
    await page.getByTestId('agreement-done').filter({ hasText: 'Signed' }).waitFor();
  }

  /** The coordinator keeps the staff list: a prescriber with a license (a bad NPI refused), an account request, a removal. */
  async function keepStaffList(coordinator: Page) {
    await coordinator.goto('/clinic/staff');
    await coordinator.getByRole('heading', { name: /Staff list: Elm City Pediatrics/ }).waitFor();
    await coordinator.getByRole('button', { name: 'Add a staff member' }).click();
    await coordinator.getByLabel(/^First name/).fill('Rajesh');
    await coordinator.getByLabel(/^Last name/).fill('Patel');
    await coordinator.getByLabel(/^E-mail/).fill('rajesh.patel@elmcitypeds.example');
    await coordinator.getByLabel(/^Role/).selectOption('prescriber');
    await coordinator.getByLabel(/^NPI/).fill('1234567890');
    await coordinator.getByLabel(/^License type/).fill('MD');
    await coordinator.getByLabel(/^License number/).fill('041234');
    await coordinator.getByLabel(/^License expires/).fill('2027-06-30');
    await coordinator.getByRole('button', { name: 'Add to the staff list' }).click();
    await coordinator.locator('#staff-npi-error').filter({ hasText: 'check digit' }).waitFor();
    await expectAccessible(coordinator);
    await coordinator.getByLabel(/^NPI/).fill('1234567893');
    await coordinator.getByRole('button', { name: 'Add to the staff list' }).click();
    const rajesh = coordinator.getByTestId('staff-rajesh.patel@elmcitypeds.example');
    await rajesh.filter({ hasText: 'MD 041234 (CT)' }).waitFor();
    const link = await rajesh.getByRole('link', { name: /Request user account/ }).getAttribute('href');
    expect(Object.fromEntries(new URLSearchParams(link!.split('?')[1]))).toEqual({
      accessType: 'clinic_access',
      pins: 'CT1001',
      firstName: 'Rajesh',
      lastName: 'Patel',
      email: 'rajesh.patel@elmcitypeds.example',
      jobTitle: '',
    });
    // The clinic staff user has an account: removing them ends it (their only membership).
    const staff = coordinator.getByTestId('staff-clinicstaff@demo.nutmeg.example');
    await staff.filter({ hasText: 'clinicstaff' }).waitFor();
    await staff.getByRole('button', { name: /^Remove/ }).click();
    await staff.getByRole('button', { name: /Confirm removal/ }).click();
    await coordinator.getByTestId('staff-message').filter({ hasText: 'their access at this clinic ended' }).waitFor();
    const user = await e.db.selectFrom('users').select('status').where('username', '=', 'clinicstaff').executeTakeFirstOrThrow();
    expect(user.status).toBe('inactive');
  }

  /** The CMO adds and retires a storage unit and edits the profile (a VFC delivery window too short first). */
  async function keepUnitsAndProfile(cmo: Page) {
    await cmo.goto('/clinic/storage-units');
    await cmo.getByRole('heading', { name: /Storage units: Elm City Pediatrics/ }).waitFor();
    await cmo.getByRole('button', { name: 'Add a storage unit' }).click();
    await cmo.getByLabel(/^Name/).fill('Main refrigerator');
    await cmo.getByLabel(/^Type/).selectOption('refrigerator');
    await cmo.getByLabel('Make').fill('Helmer');
    await cmo.getByLabel('Model').fill('i.Series 105');
    await cmo.getByLabel(/Data logger serial number/).fill('LOG-0042');
    await cmo.getByRole('button', { name: 'Add the unit' }).click();
    await cmo.getByTestId('unit-Main refrigerator').filter({ hasText: 'LOG-0042' }).waitFor();
    await cmo.getByRole('button', { name: 'Edit Main refrigerator' }).click();
    await cmo.locator('label[for="unit-active"]').click();
    await cmo.getByRole('button', { name: 'Save the unit' }).click();
    await cmo.getByTestId('unit-Main refrigerator').filter({ hasText: 'Retired' }).waitFor();
    const stored = await e.db
      .selectFrom('storage_units')
      .select(['active', 'version'])
      .where('name', '=', 'Main refrigerator')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ active: false, version: 2 });

    await cmo.goto('/clinic/profile');
    await cmo.getByRole('button', { name: 'Edit the profile' }).click();
    await cmo.locator('#dbaName').fill('Elm City Peds');
    await cmo.locator('#physicalAddress-street').fill('100 Chapel St');
    await cmo.locator('#physicalAddress-city').fill('New Haven');
    await cmo.locator('#physicalAddress-zip').fill('06510');
    // A 3-hour weekday window is not enough for VFC.
    await cmo.locator('#hours-tue-0-from').fill('09:00');
    await cmo.locator('#hours-tue-0-to').fill('12:00');
    await cmo.locator('#primaryCoordinator-name').fill('Maria Delgado');
    await cmo.locator('#primaryCoordinator-email').fill('maria.delgado@elmcitypeds.example');
    await cmo.getByRole('button', { name: 'Save the profile' }).click();
    await cmo.locator('#deliveryHours-error').filter({ hasText: 'VFC' }).waitFor();
    await expectAccessible(cmo);
    await cmo.locator('#hours-tue-0-to').fill('13:00');
    await cmo.getByRole('button', { name: 'Save the profile' }).click();
    await cmo.getByTestId('profile-saved').waitFor();
    await cmo.getByTestId('hours-tue').filter({ hasText: '09:00–13:00' }).waitFor();
  }

  /** DPH reads Elm City's list entry, units, staff and profile history, and can change none of them. */
  async function dphReadsTheClinic(dph: Page, elmId: string) {
    await dph.goto('/clinics');
    await dph.getByTestId('clinic-CT1001').waitFor();
    await dph.getByLabel('Town').fill('Hartford');
    await dph.getByRole('button', { name: 'Show clinics' }).click();
    await dph.getByTestId('clinic-CT1002').waitFor();
    await dph.getByTestId('clinic-CT1001').waitFor({ state: 'detached' });
    await dph.goto(`/clinic/storage-units?organizationId=${elmId}`);
    await dph.getByTestId('unit-Main refrigerator').waitFor();
    await dph.goto(`/clinic/staff?organizationId=${elmId}`);
    await dph.getByTestId('staff-rajesh.patel@elmcitypeds.example').waitFor();
    await dph.goto(`/clinic/profile?organizationId=${elmId}`);
    await dph.getByTestId('profile-version-1').filter({ hasText: 'contacts.primaryCoordinator.email' }).waitFor();
    const edits = await Promise.all(
      ['Edit', 'Remove', 'Edit the profile'].map((name) => dph.getByRole('button', { name, exact: true }).count()),
    );
    expect(edits).toEqual([0, 0, 0]);
  }

  /** DPH enrols a clinic (the next PIN), suspends its enrolment, then deactivates it. */
  async function enrolAndDeactivate(dph: Page) {
    await dph.goto('/clinics');
    await dph.getByRole('link', { name: 'Enrol a clinic' }).click();
    await dph.getByLabel(/^Legal name/).fill('Shoreline Family Medicine, PC');
    await dph.getByLabel(/^Type/).selectOption('private_practice');
    await dph.locator('#physicalAddress-street').fill('40 Boston Post Rd');
    await dph.locator('#physicalAddress-city').fill('Guilford');
    await dph.locator('#physicalAddress-zip').fill('06437');
    await dph.getByLabel(/^Status/).selectOption('enrolled');
    await dph.getByRole('button', { name: 'Enrol the clinic' }).click();
    await dph.locator('#enrolment-enrolledOn-error').waitFor();
    await expectAccessible(dph);
    await dph.getByLabel(/^Enrolled on/).fill('2026-01-05');
    await dph.getByRole('button', { name: 'Enrol the clinic' }).click();
    await dph.getByTestId('clinic-enrolled').filter({ hasText: 'PIN CT1005' }).waitFor();
    await dph.locator('#facts-status').selectOption('suspended');
    await dph.getByRole('button', { name: 'Save the enrolment and type' }).click();
    await dph.getByTestId('enrolment-saved').waitFor();
    await dph.getByTestId('profile-version-2').filter({ hasText: 'enrolment.status' }).waitFor();
    await dph.getByLabel(/^Reason/).fill('Enrolled in error');
    await dph.getByRole('button', { name: /Deactivate Shoreline/ }).click();
    await dph.getByTestId('clinic-deactivated').waitFor();
    const row = await e.db.selectFrom('organizations').select('active').where('pin', '=', 'CT1005').executeTakeFirstOrThrow();
    expect(row.active).toBe(false);
  }

  it('runs clinic tools: staff list, units, profile, the agreement cycle with re-authenticated signatures, DPH review, enrolment', async () => {
    const elm = await e.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    const [coordinator, cmo, ceo, dph] = await Promise.all([e.newPage(), e.newPage(), e.newPage(), e.newPage()]);
    await e.signIn(coordinator, 'coordinator');
    const membership = await e.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.id')
      .where('users.username', '=', 'coordinator')
      .where('memberships.organization_id', '=', elm.id)
      .executeTakeFirstOrThrow();
    await coordinator.locator('#scope-switcher').selectOption(membership.id);
    await coordinator.getByRole('heading', { name: /Welcome/ }).waitFor();
    await keepStaffList(coordinator);

    // The coordinator drafts the COVID-19 agreement with the staff list's prescribers and cannot sign it.
    await coordinator.goto('/clinic/agreements');
    await coordinator.getByRole('button', { name: /Draft the \d{4} COVID-19 agreement/ }).click();
    await coordinator.getByLabel('V02 Medicaid, Under 1 year').fill('12');
    await coordinator.getByRole('button', { name: 'Add the staff list’s prescribers' }).click();
    await coordinator.getByTestId('staff-prescribers').filter({ hasText: '1 prescriber added' }).waitFor();
    expect(await coordinator.getByLabel('Prescriber 1: NPI').inputValue()).toBe('1234567893');
    await coordinator.getByLabel(/Vaccines offered/).fill('COVID-19 mRNA');
    await coordinator.getByRole('button', { name: 'Save the draft' }).click();
    await coordinator.getByTestId('agreement-status').filter({ hasText: 'Draft' }).waitFor();
    await coordinator.getByTestId('sign-refusal').waitFor();
    const url = coordinator.url();

    await e.signIn(cmo, 'cmo');
    await keepUnitsAndProfile(cmo);
    await cmo.goto(url);
    await cmo.getByTestId('conditions-text').filter({ hasText: 'COVID-19 Vaccination Program' }).waitFor();
    await signOn(cmo, 'cmo');
    await cmo.getByTestId('signature-cmo').waitFor();

    await e.signIn(ceo, 'elmceo');
    await ceo.goto(url);
    await signOn(ceo, 'elmceo');
    await ceo.getByTestId('agreement-status').filter({ hasText: 'with DPH for review' }).waitFor();

    await e.signIn(dph, 'dphadmin');
    await dph.goto(url);
    await dph.getByLabel(/Comments for the clinic/).fill('List your storage units, then sign again.');
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

    await coordinator.goto('/clinic/agreements');
    await coordinator.getByTestId('current-covid19').filter({ hasText: 'Agreement current' }).waitFor();
    await coordinator.getByTestId('current-cvp').filter({ hasText: 'No current agreement' }).waitFor();
    const { program_year: year } = await e.db.selectFrom('provider_agreements').select('program_year').executeTakeFirstOrThrow();
    await coordinator.getByTestId(`agreement-covid19-${year}-1`).filter({ hasText: 'Superseded' }).waitFor();
    // Next program year: nothing drafted yet.
    await coordinator.getByLabel('Program year').selectOption(String(year + 1));
    await coordinator
      .getByTestId('year-status')
      .filter({ hasText: `${year + 1}: CVP` })
      .filter({ hasText: 'not drafted' })
      .waitFor();

    await dphReadsTheClinic(dph, elm.id);
    await enrolAndDeactivate(dph);
  });
});
