import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, startE2E, type E2E } from './harness.ts';

/** The public "verify a certificate" page: a school checks the code printed on a child's certificate, signed out. */
describe('verify a certificate', () => {
  let e: E2E;
  let childId = '';
  beforeAll(async () => {
    e = await startE2E({
      seed: async (db) => {
        const j = await db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
        const elm = await db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
        const child = await db
          .insertInto('patients')
          .values({
            jurisdiction_id: j.id,
            first_name: 'Noémie',
            last_name: 'Castellanos',
            dob: '2020-06-03',
            sex: 'F',
            first_norm: 'noemie',
            last_norm: 'castellanos',
            first_soundex: 'N500',
            last_soundex: 'C234',
            town: 'New Haven',
            created_org_id: elm.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        childId = child.id;
        await db.insertInto('patient_org_status').values({ patient_id: child.id, organization_id: elm.id, status: 'active' }).execute();
      },
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('confirms a printed code to someone signed out, with the name, DOB and doses only', async () => {
    const clinic = await e.newPage();
    await e.signIn(clinic, 'clinicstaff');
    const pdf = await clinic.request.get(`/api/patients/${childId}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    const issue = await e.db.selectFrom('certificate_issues').select('code').where('patient_id', '=', childId).executeTakeFirstOrThrow();

    const school = await e.newPage();
    await school.goto('/verify');
    await school.getByLabel('Verification code').fill(issue.code.toLowerCase());
    await school.getByRole('button', { name: 'Verify' }).click();
    const valid = school.getByTestId('certificate-valid');
    await valid.waitFor();
    await expect(valid.textContent()).resolves.toContain('Noémie Castellanos, born 06/03/2020');
    expect(await axeViolations(school), describeViolations(await axeViolations(school))).toEqual([]);

    await school.getByLabel('Verification code').fill('ABCDE-FGHJK');
    await school.getByRole('button', { name: 'Verify' }).click();
    await school.getByTestId('certificate-unknown').waitFor();
  });
});
