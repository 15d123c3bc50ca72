// PID-3 with identifier type SR: the registry's own id for the patient, as an earlier RSP (Z32 PID-3) gave it to
// the sender. It names the record directly, before any demographic matching — unless it is unknown, outside what
// the sender may write to, or plainly another person (neither the date of birth nor the surname agree): then a
// warning, and the message is matched by name and date of birth like one without it.
import type { Hl7IssueRow } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import type { Submitter } from '../access/index.ts';
import { normalizeName, recordByIisId, writeVisibility } from '../patients/index.ts';
import { detect } from './dq-rules.ts';
import type { ReportedPatient } from './patient-read.ts';

/** The SR identifier of a PID-3 / QPD-3 list, if any. */
export function srIdOf(list: readonly { idNumber?: string | undefined; identifierTypeCode?: string | undefined }[]): string | undefined {
  return list.find((cx) => cx.identifierTypeCode === 'SR' && cx.idNumber?.trim())?.idNumber?.trim();
}

/** The record the message's SR id names, or null (a warning pushed when an SR was sent but cannot be used). */
export async function patientBySr(
  ctx: AppContext,
  submitter: Submitter,
  p: Pick<ReportedPatient, 'body'> & { iisId?: string | undefined },
  issues: Hl7IssueRow[],
): Promise<string | null> {
  if (!p.iisId) return null;
  const found = await recordByIisId(ctx.db, p.iisId, writeVisibility(submitter));
  if (found && (found.dob === p.body.dob || found.last_norm === normalizeName(p.body.name.last))) return found.id;
  const why = found ? 'names a record with another date of birth and surname' : 'is not a registry id of a record you may update';
  const i = detect(
    'PatientRegistryIdIsUnrecognized',
    'PID-3',
    `The registry id (PID-3 SR) ${p.iisId} ${why}: matched by name and date of birth instead`,
  );
  if (i) issues.push(i);
  return null;
}
