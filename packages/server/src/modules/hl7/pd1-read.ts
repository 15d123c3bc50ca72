// PD1 (and PID-29/30) of a VXU → the statuses the patients module records (CDC IG 2.5.1 R1.5): PD1-12/13 the
// protection indicator (Y: warned and left to DPH, who records opt-outs on a signed request), PD1-16/17 the
// registry status at the sending clinic (table 0441), PD1-11/18 the publicity code (table 0215, the family's
// reminder/recall preference, kept on the record and returned in a query's PD1). A PD1 value that does not fit is
// a warning; it never costs the message its doses.
import type { Hl7IssueRow } from '@nutmeg/db';
import { firstSegment, PD1, PID, readSegment, type Message } from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import type { Submitter } from '../access/index.ts';
import { applyReportedStatus, type ReportedStatus } from '../patients/index.ts';
import { detect } from './dq-rules.ts';
import { hl7Date } from './hl7-dates.ts';

/** Table 0215 publicity codes (01 no reminder/recall … 12 recall to provider only). */
const PUBLICITY = new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);

/**
 * Table 0441 → the status at the clinic. I (inactive) and L (lost to follow-up): no longer the clinic's patient;
 * M: moved or gone elsewhere; P (permanently inactive: deceased) also marks the record deceased when PID-29 dates
 * the death; U (unknown) changes nothing.
 */
const REGISTRY_STATUS: Record<string, 'active' | 'inactive_moved' | 'inactive_not_patient' | null> = {
  A: 'active',
  I: 'inactive_not_patient',
  L: 'inactive_not_patient',
  M: 'inactive_moved',
  P: 'inactive_not_patient',
  U: null,
};

export interface Pd1Read {
  report: Omit<ReportedStatus, 'reason'>;
  issues: Hl7IssueRow[];
}

function push(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

/** A PD1 date, null when absent; an unreadable one is warned about under `detection`. */
function dateAt(value: string | undefined, location: string, detection: string, issues: Hl7IssueRow[]): string | null {
  const d = hl7Date(value);
  if (d.ok) return d.date;
  if (!d.missing) push(issues, detect(detection, location, `${location} is not a valid date: the change is recorded without it`));
  return null;
}

function deathOf(message: Message, today: string, issues: Hl7IssueRow[]): { date: string } | undefined {
  const segment = firstSegment(message, 'PID');
  if (!segment) return undefined;
  const pid = readSegment(PID, segment, message.delimiters);
  const d = hl7Date(pid.patientDeathDateAndTime?.time);
  if (d.ok && d.date <= today) return { date: d.date };
  push(
    issues,
    detect(
      'PatientDeathDateIsMissing',
      'PID-29',
      'Registry status P (permanently inactive) without a date of death (PID-29): recorded as inactive at the clinic only',
    ),
  );
  return undefined;
}

export function readPd1(message: Message, today: string): Pd1Read {
  const issues: Hl7IssueRow[] = [];
  const report: Pd1Read['report'] = {};
  const segment = firstSegment(message, 'PD1');
  if (!segment) return { report, issues };
  const pd1 = readSegment(PD1, segment, message.delimiters);
  const publicity = pd1.publicityCode?.identifier?.trim();
  if (publicity && !PUBLICITY.has(publicity))
    push(issues, detect('PatientPublicityCodeIsUnrecognized', 'PD1-11', `Publicity code ${publicity} is not in table 0215`));
  else if (publicity)
    report.publicity = {
      code: publicity,
      effectiveDate: dateAt(pd1.publicityCodeEffectiveDate, 'PD1-18', 'PatientPublicityCodeIsInvalid', issues),
    };
  const protection = pd1.protectionIndicator?.trim().toUpperCase();
  if (protection === 'Y') {
    // Kept in the message log for DPH, never applied: an opt-out is DPH's to record on the family's signed request
    // (setOptOut), and a record opted out by a message is hidden from its sender, whose next message made a duplicate.
    dateAt(pd1.protectionIndicatorEffectiveDate, 'PD1-13', 'PatientProtectionIndicatorIsInvalid', issues);
    push(
      issues,
      detect(
        'PatientProtectionIndicatorIsValuedAsYes',
        'PD1-12',
        'The family asked that the record not be shared (PD1-12 Y): not applied; the Department of Public Health records an opt-out on the family’s signed request',
      ),
    );
  } else if (protection && protection !== 'N')
    push(issues, detect('PatientProtectionIndicatorIsUnrecognized', 'PD1-12', `Protection indicator ${protection} is not Y or N`));
  const status = pd1.immunizationRegistryStatus?.trim().toUpperCase();
  if (status && !(status in REGISTRY_STATUS))
    push(
      issues,
      detect('PatientRegistryStatusIsUnrecognized', 'PD1-16', `Registry status ${status} is not in table 0441 (A, I, L, M, P, U)`),
    );
  else if (status && REGISTRY_STATUS[status]) {
    const effectiveDate = dateAt(pd1.immunizationRegistryStatusEffectiveDate, 'PD1-17', 'PatientRegistryStatusIsInvalid', issues);
    report.orgStatus = { status: REGISTRY_STATUS[status], effectiveDate };
    if (status === 'P') {
      const deceased = deathOf(message, today, issues);
      if (deceased) report.deceased = deceased;
    }
  }
  return { report, issues };
}

/** Records what PD1 reported about the identified patient, in the message's transaction; what it refused is warned about. */
export async function applyPd1(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  read: Pd1Read,
  reason: string,
  issues: Hl7IssueRow[],
): Promise<void> {
  const r = read.report;
  if (!r.orgStatus && !r.deceased && !r.publicity) return;
  const out = await applyReportedStatus(ctx, submitter, patientId, { ...r, reason });
  if (out.deceasedRefused)
    push(issues, detect('PatientDeathDateIsBeforeBirth', 'PID-29', `${out.deceasedRefused}: the death is not recorded`));
}
