// The record-writing services take a Submitter, not the web session: an HL7 interface (or FHIR, an import, the
// CLI) acting for a clinic calls exactly the functions the web routes call, and the record says which channel
// and which interface reported each entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import type { Submitter } from '../access/index.ts';
import { findOrganizationByPin } from '../organizations/index.ts';
import { CreatePatientBody, createPatient, UpdatePatientBody, updatePatient } from '../patients/index.ts';
import { deleteNote, DoseBody, ObservationBody, recordDose, recordObservation, recordRefusal, RefusalBody, updateDose } from './index.ts';

const interfaceFor = (organizationId: string, interfaceId: string): Submitter => ({
  kind: 'hl7',
  organizationId,
  organizationKind: 'clinic',
  userId: null,
  interfaceId,
  username: `hl7:${interfaceId}`,
  ip: '10.20.0.5',
});

const fluWithLot = (lot: string) =>
  DoseBody.parse({ kind: 'administered', cvx: '141', date: '2026-10-01', lot, fundingSource: 'private', vfcEligibility: 'V01' });
const flu = fluWithLot('FLU26A');

describe('record-writing services called by an HL7 interface acting for a clinic (no session)', () => {
  let s: TestServer;
  let elm: Submitter;
  let hartford: Submitter;
  let patientId = '';
  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-02T15:00:00Z'));
    elm = interfaceFor((await findOrganizationByPin(s.ctx.db, 'CT1001'))!.id, 'elm-city-emr');
    hartford = interfaceFor((await findOrganizationByPin(s.ctx.db, 'CT1002'))!.id, 'hartford-chc-emr');
    const body = CreatePatientBody.parse({ name: { first: 'Amara', last: 'Okafor' }, dob: '2024-06-11', sex: 'F', confirmNew: true });
    patientId = (await createPatient(s.ctx, elm, body)).id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('creates and updates a patient with the interface recorded as the source of each report', async () => {
    const version = (await s.ctx.db.selectFrom('patients').select('version').where('id', '=', patientId).executeTakeFirstOrThrow()).version;
    const update = UpdatePatientBody.parse({
      name: { first: 'Amara', last: 'Okafor' },
      dob: '2024-06-11',
      sex: 'F',
      language: 'en',
      version,
    });
    expect((await updatePatient(s.ctx, elm, patientId, update)).changed).toEqual(['language']);
    const reports = await s.ctx.db
      .selectFrom('patient_reports')
      .select(['source_kind', 'source_interface', 'source_org_id', 'reported_by'])
      .where('patient_id', '=', patientId)
      .execute();
    expect(reports).toEqual([
      { source_kind: 'hl7', source_interface: 'elm-city-emr', source_org_id: elm.organizationId, reported_by: null },
      { source_kind: 'hl7', source_interface: 'elm-city-emr', source_org_id: elm.organizationId, reported_by: null },
    ]);
  });

  it('records a dose, a refusal and an observation for the clinic, through the interface, audited as such', async () => {
    const dose = await recordDose(s.ctx, elm, patientId, flu);
    expect(dose).toMatchObject({ deduplicated: false, ownershipTaken: true }); // Elm City Pediatrics is a medical home
    await recordRefusal(s.ctx, elm, patientId, RefusalBody.parse({ vaccineGroup: 'HPV', date: '2026-10-01', reason: '03' }));
    await recordObservation(s.ctx, elm, patientId, ObservationBody.parse({ kind: 'immunity', code: '024', date: '2026-09-01' }));
    const row = await s.ctx.db
      .selectFrom('doses')
      .select(['source_kind', 'source_interface', 'source_org_id', 'entered_by'])
      .where('id', '=', dose.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source_kind: 'hl7', source_interface: 'elm-city-emr', source_org_id: elm.organizationId, entered_by: null });
    for (const table of ['patient_refusals', 'patient_observations'] as const) {
      const note = await s.ctx.db
        .selectFrom(table)
        .select(['source_kind', 'source_interface'])
        .where('patient_id', '=', patientId)
        .executeTakeFirstOrThrow();
      expect(note).toEqual({ source_kind: 'hl7', source_interface: 'elm-city-emr' });
    }
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_username', 'organization_id', 'ip', 'detail'])
      .where('action', '=', 'dose.create')
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_user_id: null,
      actor_username: 'hl7:elm-city-emr',
      organization_id: elm.organizationId,
      ip: '10.20.0.5',
      detail: { via: 'hl7', interfaceId: 'elm-city-emr' },
    });
  });

  it("holds an interface to the entering-clinic rule: another clinic's interface cannot change its dose or refusal", async () => {
    const dose = await s.ctx.db.selectFrom('doses').select('id').where('patient_id', '=', patientId).executeTakeFirstOrThrow();
    await expect(updateDose(s.ctx, hartford, patientId, dose.id, fluWithLot('X1'), 'typo')).rejects.toMatchObject({ kind: 'forbidden' });
    const refusal = await s.ctx.db
      .selectFrom('patient_refusals')
      .select('id')
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    await expect(deleteNote(s.ctx, hartford, 'refusal', patientId, refusal.id, 'wrong patient')).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(updateDose(s.ctx, elm, patientId, dose.id, fluWithLot('FLU26B'), 'lot misread')).resolves.toEqual({ id: dose.id });
  });
});
