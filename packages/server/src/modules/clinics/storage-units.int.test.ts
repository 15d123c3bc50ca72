import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { hasCurrentAgreement, storageUnitById, storageUnitsOf } from './index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('clinic storage units', () => {
  let s: TestServer;
  let coordinator: Headers;
  let elmId: string;
  let fqhcId: string;
  beforeAll(async () => {
    s = await createTestServer();
    coordinator = await s.signIn('coordinator');
    const orgs = await s.ctx.db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'in', ['CT1001', 'CT1002']).execute();
    elmId = orgs.find((o) => o.pin === 'CT1001')!.id;
    fqhcId = orgs.find((o) => o.pin === 'CT1002')!.id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const actingFor = async (h: Headers) => (await call(h, 'GET', '/api/me')).json().activeScope.organizationId as string;

  it('lets a coordinator add, edit and retire units of the clinic they act for, and audits each change', async () => {
    const clinicId = await actingFor(coordinator);
    const added = await call(coordinator, 'POST', '/api/clinic/storage-units', {
      name: ' Main fridge ',
      kind: 'refrigerator',
      make: 'Helmer',
      model: 'i.Series 105',
      dataLoggerId: 'LOG-0042',
    });
    expect(added.statusCode).toBe(201);
    const unit = added.json();
    expect(unit).toMatchObject({
      name: 'Main fridge',
      kind: 'refrigerator',
      dataLoggerId: 'LOG-0042',
      active: true,
      version: 1,
      organizationId: clinicId,
    });

    const edited = await call(coordinator, 'PUT', `/api/clinic/storage-units/${unit.id}`, {
      name: 'Main fridge',
      kind: 'refrigerator',
      make: 'Helmer',
      model: 'i.Series 105',
      dataLoggerId: 'LOG-0043',
      active: false,
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ dataLoggerId: 'LOG-0043', active: false, version: 2 });

    const list = (await call(coordinator, 'GET', '/api/clinic/storage-units')).json();
    expect(list.canEdit).toBe(true);
    expect(list.units.map((u: { id: string }) => u.id)).toContain(unit.id);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', unit.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['storage-unit.add', 'storage-unit.retire']);
    expect(audit[1]!.detail).toMatchObject({
      changed: { data_logger_id: { from: 'LOG-0042', to: 'LOG-0043' }, active: { from: true, to: false } },
    });
  });

  it('refuses bad input with a 400 naming the field, and a second active unit with the same name', async () => {
    const noName = await call(coordinator, 'POST', '/api/clinic/storage-units', { name: '  ', kind: 'refrigerator' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().fields.map((f: { path: string }) => f.path)).toContain('name');
    const badKind = await call(coordinator, 'POST', '/api/clinic/storage-units', { name: 'Chest', kind: 'icebox' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().fields.map((f: { path: string }) => f.path)).toContain('kind');

    expect((await call(coordinator, 'POST', '/api/clinic/storage-units', { name: 'Freezer A', kind: 'freezer' })).statusCode).toBe(201);
    const twice = await call(coordinator, 'POST', '/api/clinic/storage-units', { name: 'freezer a', kind: 'freezer' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0].path).toBe('name');
  });

  it('applies exactly one of two concurrent edits of the same version', async () => {
    const unit = (await call(coordinator, 'POST', '/api/clinic/storage-units', { name: 'Race unit', kind: 'freezer' })).json();
    const edit = (loggerId: string) =>
      call(coordinator, 'PUT', `/api/clinic/storage-units/${unit.id}`, {
        name: 'Race unit',
        kind: 'freezer',
        dataLoggerId: loggerId,
        active: true,
        version: 1,
      });
    const results = await Promise.all([edit('A'), edit('B'), edit('C')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const stored = await storageUnitById(s.ctx.db, unit.id);
    expect(['A', 'B', 'C']).toContain(stored!.dataLoggerId);
  });

  it('keeps clinics apart: another clinic’s unit is not found, and only DPH may name a clinic', async () => {
    const cmo = await s.signIn('cmo'); // Elm City only
    const ceo = await s.signIn('ceo'); // Hartford CHC only
    const elmUnit = (await call(cmo, 'POST', '/api/clinic/storage-units', { name: 'Elm vaccine fridge', kind: 'refrigerator' })).json();
    expect(elmUnit.organizationId).toBe(elmId);
    const foreign = await call(ceo, 'PUT', `/api/clinic/storage-units/${elmUnit.id}`, {
      name: 'Mine now',
      kind: 'refrigerator',
      active: true,
      version: 1,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(ceo, 'GET', `/api/clinic/storage-units?organizationId=${elmId}`)).statusCode).toBe(404);
    const ceoList = (await call(ceo, 'GET', '/api/clinic/storage-units')).json();
    expect(ceoList.clinic.id).toBe(fqhcId);
    expect(ceoList.units.map((u: { name: string }) => u.name)).not.toContain('Elm vaccine fridge');
    expect((await storageUnitById(s.ctx.db, elmUnit.id))!.name).toBe('Elm vaccine fridge');
  });

  it('lets DPH read any clinic’s units but not change them', async () => {
    const dph = await s.signIn('dphadmin');
    const analyst = await s.signIn('dphanalyst');
    expect((await call(dph, 'GET', '/api/clinic/storage-units')).statusCode).toBe(400);
    const list = (await call(analyst, 'GET', `/api/clinic/storage-units?organizationId=${elmId}`)).json();
    expect(list.canEdit).toBe(false);
    expect(list.units.map((u: { name: string }) => u.name)).toContain('Elm vaccine fridge');
    const refused = await call(dph, 'POST', '/api/clinic/storage-units', { name: 'DPH unit', kind: 'freezer' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toMatch(/clinic keeps its own storage units/);
    const school = await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'SCH2001').executeTakeFirstOrThrow();
    expect((await call(dph, 'GET', `/api/clinic/storage-units?organizationId=${school.id}`)).statusCode).toBe(404);
  });

  it('answers other modules through index.ts: units of a clinic and whether its agreement is current', async () => {
    const units = await storageUnitsOf(s.ctx.db, elmId);
    expect(units.find((u) => u.name === 'Elm vaccine fridge')).toMatchObject({ kind: 'refrigerator', active: true, organizationId: elmId });
    expect(units.every((u) => !('version' in u))).toBe(true);
    expect(await hasCurrentAgreement(s.ctx.db, elmId, 'cvp', '2026-12-07')).toBe(false);
  });
});
