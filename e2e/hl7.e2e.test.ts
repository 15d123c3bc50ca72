import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

const AART = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../shared/hl7/messages/derived-aart-not-accepted.jsonl'), 'utf8')
  .split('\n');
const BASELINE = (JSON.parse(AART[0]!) as { text: string }).text;
const BAD_CVX = (JSON.parse(AART[12]!) as { text: string }).text;

async function expectAccessible(page: Page) {
  const v = await axeViolations(page);
  expect(v, describeViolations(v)).toEqual([]);
}

describe('HL7 exchange in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('DPH registers an interface, moves it to production; its messages show in the log with the answer beside them', async () => {
    const dph = await e.newPage();
    await e.signIn(dph, 'dphadmin');
    await dph.goto('/hl7/interfaces');
    await dph.getByRole('heading', { name: 'HL7 interfaces' }).waitFor();
    await dph.getByLabel('Name', { exact: true }).fill('NIST Test EHR');
    await dph.getByLabel(/Clinics \(PINs\)/).fill('CT1001');
    await dph.getByLabel('Sending application (MSH-3)').fill('Test EHR Application');
    await dph.getByLabel('Sending facility (MSH-4)').fill('X68');
    await dph.getByLabel('Contact e-mail').fill('support@ehr.example');
    await dph.getByRole('button', { name: 'Register' }).click();
    const credential = dph.getByTestId('hl7-credential');
    await credential.waitFor();
    const codes = await credential.locator('code').allTextContents();
    const [username, secret] = codes as [string, string];
    await expectAccessible(dph);
    await dph.getByLabel('Status of NIST Test EHR').selectOption('production');
    await dph.getByTestId('hl7-interfaces').getByRole('rowheader', { name: 'NIST Test EHR' }).waitFor();
    await expect
      .poll(
        async () =>
          (await e.db.selectFrom('hl7_interfaces').select('status').where('name', '=', 'NIST Test EHR').executeTakeFirst())?.status,
      )
      .toBe('production');

    const auth = `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
    for (const text of [BASELINE, BAD_CVX]) {
      const res = await fetch(`${e.baseUrl}/api/hl7/v2`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/hl7-v2' },
        body: text,
      });
      expect(res.status).toBe(200);
    }

    await dph.goto('/hl7/messages');
    await dph.getByTestId('hl7-messages').getByText('Rejected').waitFor();
    await expectAccessible(dph);
    await dph.getByText('Errors only (the error queue)').click();
    await dph.getByRole('button', { name: 'Search' }).click();
    await dph.waitForURL(/errorsOnly=true/);
    await dph.getByTestId('hl7-messages').getByRole('link').first().click();
    await dph.getByTestId('hl7-raw').filter({ hasText: '14000BADVALUE' }).waitFor();
    await dph.getByTestId('hl7-ack').filter({ hasText: 'MSA|AE|' }).waitFor();
    await dph
      .getByTestId('hl7-issues')
      .getByText(/not a CVX or NDC code/)
      .waitFor();
    await expectAccessible(dph);
    await dph.getByRole('button', { name: 'Reprocess this message' }).click();
    await dph.getByRole('link', { name: 'the earlier message' }).waitFor();

    // The interface's data quality: the rejected CVX counted under its rule this week, chart and table.
    await dph.goto('/hl7/quality');
    await dph.getByRole('heading', { name: 'HL7 data quality' }).waitFor();
    await dph.getByLabel('Interface').selectOption({ label: 'NIST Test EHR' });
    await dph.getByTestId('quality-rules').getByRole('rowheader', { name: 'VaccinationAdminCodeIsUnrecognized' }).waitFor();
    await dph.getByTestId('quality-bars').waitFor();
    await expectAccessible(dph);

    // DPH makes a rule more serious: versioned, and the list shows Connecticut's setting beside the default.
    await dph.getByRole('link', { name: 'Rule severities' }).click();
    await dph.getByLabel('Find a rule').fill('VaccinationLotNumberIsMissing');
    await dph.getByRole('button', { name: 'Change the severity of VaccinationLotNumberIsMissing' }).click();
    await dph.getByLabel('Severity').selectOption('E');
    await dph.getByLabel('Why').fill('Recalls need the lot');
    await dph.getByRole('button', { name: 'Save severity' }).click();
    await dph.getByTestId('severity-saved').waitFor();
    await dph.getByTestId('severity-rules').getByRole('cell', { name: 'Error' }).waitFor();
    await expectAccessible(dph);
  });

  it('a coordinator sees the interfaces of their clinic and their messages, without the registration form', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'coordinator');
    await page.goto('/hl7/interfaces');
    await page.getByTestId('hl7-interfaces').getByRole('rowheader', { name: 'Demo EHR' }).waitFor();
    expect(await page.getByRole('button', { name: 'Register' }).count()).toBe(0);
    await expectAccessible(page);
    await page.goto('/hl7/messages');
    await page.getByTestId('hl7-messages').waitFor();
    await expectAccessible(page);
  });
});
