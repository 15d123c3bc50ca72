// Roster rows → the API's shapes (every field that leaves the server is listed here).
import type { ExemptionView, RosterEntryView } from '@nutmeg/api-types';
import type { ExemptionRow } from './exemption.repo.ts';
import type { EntryRow } from './roster.repo.ts';

export function presentExemption(e: ExemptionRow, today: string): ExemptionView {
  return {
    id: e.id,
    studentId: e.student_id,
    kind: e.kind,
    documentDate: e.document_date,
    expiresOn: e.expires_on,
    vaccineGroups: e.vaccine_groups,
    note: e.note,
    recordedAt: e.recorded_at.toISOString(),
    expired: e.expires_on !== null && e.expires_on < today,
  };
}

export function presentEntry(e: EntryRow, exemptions: readonly ExemptionRow[], today: string): RosterEntryView {
  return {
    id: e.id,
    schoolYear: e.school_year,
    studentId: e.student_id,
    grade: e.grade,
    lastName: e.last_name,
    firstName: e.first_name,
    middleName: e.middle_name,
    dob: e.dob,
    sex: e.sex,
    guardian: e.guardian,
    address: e.address,
    patientId: e.patient_id,
    matchStatus: e.match_status,
    matchReason: e.match_reason,
    matchScore: e.match_score,
    matchedBy: e.matched_by,
    exemptions: exemptions.filter((x) => x.student_id === e.student_id).map((x) => presentExemption(x, today)),
  };
}
