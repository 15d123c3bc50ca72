import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import {
  findDphOrganization,
  findJurisdiction,
  findOrganizationByPin,
  findOrganizationsByPins,
  isMedicalHomeClinic,
  jurisdictionIdOf,
  listActiveOrganizations,
  organizationNames,
  servedTownsOf,
} from './index.ts';

describe('organization look-ups (the demo organizations)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('finds organizations by PIN or code whatever the case, and leaves unknown ones out', async () => {
    const found = await findOrganizationsByPins(s.ctx.db, ['ct1001', ' SCH2001 ', 'CT9999']);
    expect(found.map((o) => [o.pin, o.kind]).sort()).toEqual([
      ['CT1001', 'clinic'],
      ['SCH2001', 'school'],
    ]);
    expect(await findOrganizationByPin(s.ctx.db, 'CT9999')).toBeUndefined();
  });

  it('tells a medical-home clinic from a pharmacy, a school and DPH', async () => {
    const id = async (pin: string) => (await findOrganizationByPin(s.ctx.db, pin))!.id;
    expect(await isMedicalHomeClinic(s.ctx.db, await id('CT1001'))).toBe(true);
    expect(await isMedicalHomeClinic(s.ctx.db, await id('CT1003'))).toBe(false); // Nutmeg Pharmacy #12
    expect(await isMedicalHomeClinic(s.ctx.db, await id('SCH2001'))).toBe(false);
    expect(await isMedicalHomeClinic(s.ctx.db, (await findDphOrganization(s.ctx.db))!.id)).toBe(false);
  });

  it("gives a health department's served towns, names by id, the jurisdiction, and the active clinics by PIN", async () => {
    const lhd = (await findOrganizationByPin(s.ctx.db, 'LHD3001'))!;
    expect(await servedTownsOf(s.ctx.db, lhd.id)).toEqual(['Hamden', 'North Haven', 'Bethany', 'Woodbridge']);
    expect(await servedTownsOf(s.ctx.db, '00000000-0000-0000-0000-000000000000')).toEqual([]);
    const names = await organizationNames(s.ctx.db, [lhd.id, null, lhd.id]);
    expect([...names.values()]).toEqual(['Quinnipiack Valley Health District']);
    expect(await jurisdictionIdOf(s.ctx.db, lhd.id)).toBe('CT');
    expect(await jurisdictionIdOf(s.ctx.db, null)).toBe('CT');
    expect((await findJurisdiction(s.ctx.db, 'CT'))?.agencyName).toBe('Connecticut Department of Public Health');
    const clinics = await listActiveOrganizations(s.ctx.db, 'clinic');
    expect(clinics.map((c) => c.pin)).toEqual([...clinics.map((c) => c.pin)].sort());
    expect(clinics.every((c) => c.kind === 'clinic' && c.active)).toBe(true);
  });
});
