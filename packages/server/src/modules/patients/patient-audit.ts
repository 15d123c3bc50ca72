// Audit entries about a patient record: every read or change names the patient (patientId).
import type { AppContext } from '../../context.ts';
import type { Actor, Submitter } from '../access/index.ts';
import { appendActorAudit, appendSubmitterAudit } from '../audit/index.ts';
import type { Db } from './patient.repo.ts';

const about = (action: string, patientId: string | null, detail: Record<string, unknown>) => ({
  action,
  entityType: 'patient',
  entityId: patientId,
  patientId,
  detail,
});

/** Audits an action on a patient record by the signed-in actor (pass a transaction to make it part of the change). */
export function auditPatient(
  ctx: AppContext,
  actor: Actor,
  action: string,
  patientId: string | null,
  detail: Record<string, unknown> = {},
  db: Db = ctx.db,
) {
  return appendActorAudit(db, actor, about(action, patientId, detail), ctx.clock.now());
}

/** Audits a change submitted through any channel (web UI, HL7, FHIR, import), in the change's transaction. */
export function auditPatientChange(
  ctx: AppContext,
  submitter: Submitter,
  action: string,
  patientId: string,
  detail: Record<string, unknown>,
  db: Db,
) {
  return appendSubmitterAudit(db, submitter, about(action, patientId, detail), ctx.clock.now());
}
