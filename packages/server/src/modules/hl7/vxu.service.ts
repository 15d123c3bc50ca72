// VXU^V04: identify the patient with the UI's matcher and record what the message reports through the same
// source-neutral services the UI uses (Submitter kind 'hl7'). Everything is read and validated before the first
// write; a test message (MSH-11 T) stops there: it is validated and answered, never stored.
import type { Hl7IssueRow } from '@nutmeg/db';
import type { Message } from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { AppError } from '../../errors.ts';
import { withSavepoint } from '../../transaction.ts';
import type { Submitter } from '../access/index.ts';
import {
  deleteDose,
  exchangeHistory,
  recordDose,
  recordObservation,
  recordRefusal,
  updateDose,
  type DoseRow,
  type DoseBody,
} from '../immunizations/index.ts';
import { createPatient, findDuplicates, writeVisibility } from '../patients/index.ts';
import { detect } from './dq-rules.ts';
import { readPatient, type ReportedPatient } from './patient-read.ts';
import { readAdministrations, type Administration, type Catalogue } from './rxa-read.ts';

export interface VxuOutcome {
  issues: Hl7IssueRow[];
  patientId: string | null;
  /** False when nothing could be recorded (the message is rejected). */
  accepted: boolean;
}

export function catalogueOf(ctx: AppContext): Catalogue {
  const bySnomed = new Map<string, string>();
  for (const o of ctx.recommender.data.observations.values()) for (const v of o.codedValues) bySnomed.set(v.code, o.code);
  return {
    groupsOf: (cvx) => ctx.recommender.vaccineInfo(cvx).groups,
    observationOf: (code) => bySnomed.get(code),
  };
}

let cachedCatalogue: { ctx: AppContext['recommender']; catalogue: Catalogue } | undefined;
function catalogue(ctx: AppContext): Catalogue {
  if (cachedCatalogue?.ctx !== ctx.recommender) cachedCatalogue = { ctx: ctx.recommender, catalogue: catalogueOf(ctx) };
  return cachedCatalogue.catalogue;
}

/** The record this patient is: a likely match attaches; otherwise a new record (a possible match is reported). */
async function identify(ctx: AppContext, submitter: Submitter, p: ReportedPatient, issues: Hl7IssueRow[]): Promise<string> {
  const candidates = await findDuplicates(ctx.db, writeVisibility(submitter), p.body);
  const top = candidates[0];
  if (top?.classification === 'likely') return top.id;
  const created = await createPatient(ctx, submitter, { ...p.body, confirmNew: true });
  if (top) {
    const i = detect(
      'PatientPossibleDuplicateCreated',
      'PID',
      `A new record was created; ${candidates.length} existing record(s) may be the same person and are left for DPH's data steward`,
    );
    if (i) issues.push(i);
  }
  return created.id;
}

function sameReport(d: DoseRow, submitter: Submitter, dose: DoseBody): boolean {
  return !d.deleted_at && d.source_org_id === submitter.organizationId && d.cvx === dose.cvx && d.date === dose.date;
}

async function apply(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  a: Administration,
  reason: string,
  issues: Hl7IssueRow[],
): Promise<void> {
  const at = `RXA[${a.rxa}]`;
  if (a.kind === 'not-administered') return;
  if (a.kind === 'refusal') {
    if (a.action !== 'D') await recordRefusal(ctx, submitter, patientId, a.refusal);
    return;
  }
  const mine = (await exchangeHistory(ctx, submitter, patientId)).doses.filter((d) => sameReport(d, submitter, a.dose));
  if (a.action === 'D') {
    if (mine[0]) await deleteDose(ctx, submitter, patientId, mine[0].id, reason);
    else
      pushIssue(
        issues,
        detect('VaccinationDeleteTargetNotFound', `${at}-21`, 'No dose from this clinic with this vaccine and date to delete'),
      );
    return;
  }
  if (a.action === 'U' && mine[0]) {
    await updateDose(ctx, submitter, patientId, mine[0].id, a.dose, reason);
    return;
  }
  if (a.action === 'U')
    pushIssue(issues, detect('VaccinationUpdateTargetNotFound', `${at}-21`, 'No dose to update: recorded as a new dose'));
  // A resent message (or a resumed batch) reports the same dose again: it is already recorded, once.
  if (mine.length === 0) await recordDose(ctx, submitter, patientId, a.dose);
}

function pushIssue(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

export async function processVxu(
  ctx: AppContext,
  submitter: Submitter,
  message: Message,
  opts: { testOnly: boolean; controlId: string },
): Promise<VxuOutcome> {
  const today = jurisdictionToday(ctx.clock);
  const pr = readPatient(message, today);
  const issues = [...pr.issues];
  if (!pr.patient) return { issues, patientId: null, accepted: false };
  const ar = readAdministrations(message, { today, dob: pr.patient.body.dob, catalogue: catalogue(ctx) });
  issues.push(...ar.issues);
  if (ar.rxaCount === 0 || ar.rejected.length === ar.rxaCount) return { issues, patientId: null, accepted: false };
  if (opts.testOnly) return { issues, patientId: null, accepted: true };
  const patientId = await identify(ctx, submitter, pr.patient, issues);
  const reason = `HL7 message ${opts.controlId}`.slice(0, 500);
  let recorded = 0;
  for (const a of ar.administrations) {
    try {
      await withSavepoint(ctx.db, () => apply(ctx, submitter, patientId, a, reason, issues));
      recorded++;
    } catch (e) {
      // The services' own rules (dose before birth, VFC funding…): this vaccination is refused (its savepoint
      // undone), the others stand.
      if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
      pushIssue(issues, detect('VaccinationIsRejectedByRegistry', `RXA[${a.rxa}]`, `The vaccination was not recorded: ${e.message}`));
    }
  }
  for (const o of ar.observations) {
    try {
      const body = { kind: o.kind, code: o.code, date: o.date, status: 'active' as const };
      await withSavepoint(ctx.db, () => recordObservation(ctx, submitter, patientId, body));
    } catch (e) {
      if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
      pushIssue(issues, detect('PatientImmunityCodeIsUnrecognized', `RXA[${o.rxa}] OBX`, `The observation was not recorded: ${e.message}`));
    }
  }
  return { issues, patientId, accepted: recorded > 0 || ar.observations.length > 0 || ar.administrations.length === 0 };
}
