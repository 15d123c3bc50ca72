// Statuses a clinic's system reports about a patient (HL7 PD1-12/13/16/17): the status at the reporting clinic,
// the family's request not to share the record (the registry's opt-out), a death with its date. The same columns
// and history rows the UI's status screens write (patient-status.service.ts), taken from a Submitter; the caller
// has already found the record within the submitter's write visibility and runs this in its transaction.
import type { AppContext } from '../../context.ts';
import { appendSubmitterAudit, type AuditSubmitter } from '../audit/index.ts';
import { jurisdictionToday } from '../../dates.ts';
import * as repo from './patient-status.repo.ts';
import { deathDateProblem, setJurisdictionStatusInTrx, setOrgStatusInTrx } from './patient-status.service.ts';
import type { OrgStatus } from './patient-status.repo.ts';

export interface ReportedStatus {
  /** The patient's status at the submitting clinic, with the date it took effect. */
  orgStatus?: { status: OrgStatus; effectiveDate: string | null };
  /** The publicity code (reminder/recall preference, table 0215) with the date it took effect. */
  publicity?: { code: string; effectiveDate: string | null };
  /** Reported deceased, with the date of death. */
  deceased?: { date: string };
  /** Why (the message that reported it), kept in the status history. */
  reason: string;
}

/** What changed (for the caller's answer to the sender). */
export interface ReportedStatusOutcome {
  orgStatus: boolean;
  deceased: boolean;
  publicity: boolean;
  /** Why a reported death was not recorded (a date before the date of birth…), for the sender's warning. */
  deceasedRefused?: string;
}

export async function applyReportedStatus(
  ctx: AppContext,
  submitter: AuditSubmitter,
  patientId: string,
  r: ReportedStatus,
): Promise<ReportedStatusOutcome> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const by = submitter.userId;
  const out: ReportedStatusOutcome = { orgStatus: false, deceased: false, publicity: false };
  const audit = (action: string, detail: Record<string, unknown>) =>
    appendSubmitterAudit(db, submitter, { action, entityType: 'patient', entityId: patientId, patientId, detail }, now);
  const rows = await repo.statusColumnsOf(db, patientId);
  if (!rows) return out;
  if (r.orgStatus) {
    const current = (await repo.orgStatusesOf(db, patientId)).find((s) => s.organization_id === submitter.organizationId);
    if (current?.status !== r.orgStatus.status) {
      const { status, effectiveDate } = r.orgStatus;
      const change = { organizationId: submitter.organizationId, status, reason: r.reason, effectiveDate, by };
      await setOrgStatusInTrx(ctx, db, patientId, rows.owner_org_id, change);
      await audit('patient.status.organization', { status });
      out.orgStatus = true;
    }
  }
  const p = r.publicity;
  if (p && (p.code !== rows.publicity_code || (p.effectiveDate !== null && p.effectiveDate !== rows.publicity_code_date))) {
    await repo.setPublicityColumns(db, patientId, { ...p, at: now });
    await audit('patient.publicity', { code: p.code });
    out.publicity = true;
  }
  // Checked only when it would be written: a resend for a patient already deceased changes nothing, warns nothing.
  if (r.deceased && rows.jurisdiction_status !== 'deceased') {
    const problem = deathDateProblem(r.deceased.date, rows.dob, jurisdictionToday(ctx.clock));
    if (problem) {
      out.deceasedRefused = problem;
      return out;
    }
    const change = { status: 'deceased' as const, deceasedDate: r.deceased.date, reason: r.reason, by };
    await setJurisdictionStatusInTrx(ctx, db, patientId, change);
    await audit('patient.status.jurisdiction', { status: 'deceased' });
    out.deceased = true;
  }
  return out;
}
