/** Shapes of the patients API (see packages/server/src/modules/patients and immunizations). */
import type { DoseView } from '@nutmeg/api-types';

export interface SearchResult {
  id: string;
  iisId: string;
  name: { first: string; middle: string | null; last: string; suffix: string | null };
  dob: string;
  sex: string;
  town: string | null;
  score: number;
  classification: 'likely' | 'possible' | 'unlikely';
  summary: string;
  reasons: string[];
  jurisdictionStatus: string;
}

export interface PersonName {
  first: string;
  middle?: string;
  last: string;
  suffix?: string;
}

export interface Patient {
  id?: string;
  name: PersonName;
  aliases: Array<PersonName & { type: string }>;
  dob: string;
  sex: string;
  multipleBirth: boolean;
  birthOrder?: number;
  mothersMaidenName?: string;
  race?: string;
  ethnicity?: string;
  language?: string;
  addresses: Array<{
    street: string;
    street2?: string;
    city: string;
    state: string;
    zip: string;
    county?: string;
    type: string;
    current: boolean;
  }>;
  phones: Array<{ number: string; use: string }>;
  emails: string[];
  guardians: Array<{ name: { first: string; last: string }; relationship: string; phone?: string }>;
  identifiers: Array<{ type: string; value: string; assigner: string }>;
  birthState?: string;
  birthCountry?: string;
  notes?: string;
}

export interface PatientView {
  id: string;
  iisId: string;
  version: number;
  patient: Patient;
  jurisdictionStatus: 'active' | 'moved' | 'deceased';
  deceasedDate: string | null;
  optedOut: boolean;
  owner: { id: string; name: string } | null;
  organizationStatuses: Array<{
    organizationId: string;
    organizationName: string;
    status: string;
    reason: string | null;
    changedAt: string;
  }>;
  myStatus: string | null;
  reports: number;
  merges: Array<{ id: string; mergedId: string; mergedIisId: string; at: string; reason: string }>;
  canEdit: boolean;
  /** The caller's clinic's own relationship with the patient: not offered to DPH, schools or health departments. */
  clinicActions: { setStatus: boolean; takeMedicalHome: boolean };
}

export type { DoseFields, DoseReport, DoseReports, DoseView } from '@nutmeg/api-types';
export interface Immunizations {
  doses: DoseView[];
  refusals: Array<{ id: string; vaccineGroup: string; date: string; reason: string; source: string | null; canEdit: boolean }>;
  observations: Array<{
    id: string;
    kind: string;
    code: string;
    text: string;
    date: string;
    /** 'unknown': whether the patient has it could not be determined (clinical judgement needed) */
    status: 'active' | 'unknown';
    source: string | null;
    canEdit: boolean;
  }>;
}

/** GET /api/patients/:id/reports: each source's version of the patient, newest first. */
export interface PatientReport {
  id: string;
  sourceKind: string;
  source: string | null;
  receivedAt: string;
  /** Came with a duplicate record merged into this one. */
  fromMergedRecord: boolean;
  /** The patient as that source reported it (a Patient, or only some of its fields). */
  data: Record<string, unknown>;
}

export interface PatientReports {
  reports: PatientReport[];
}

export const SEX_LABEL: Record<string, string> = { F: 'Female', M: 'Male', X: 'X', U: 'Unknown' };
export const ORG_STATUS_LABEL: Record<string, string> = {
  active: 'Active',
  inactive_moved: 'Inactive — moved or gone elsewhere',
  inactive_not_patient: 'Inactive — no longer a patient',
};
export const JURISDICTION_STATUS_LABEL: Record<string, string> = {
  active: 'Active',
  moved: 'Moved out of jurisdiction',
  deceased: 'Deceased',
};
export const REFUSAL_REASON: Record<string, string> = {
  '00': 'Parental decision',
  '01': 'Religious exemption',
  '02': 'Other',
  '03': 'Patient decision',
};

export function fullName(n: { first: string; middle?: string | null; last: string; suffix?: string | null }): string {
  return [n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ');
}

/** 8605550134 → (860) 555-0134; other lengths unchanged. */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : digits;
}

/** The PUT body that re-states a dose with a new date and lot (every other field kept as recorded). */
/** The fields a correction may change; the rest of the dose is sent back as it was. */
export interface DoseChanges {
  date: string;
  cvx: string;
  lot?: string;
  lotExpiration?: string;
  fundingSource?: string;
  vfcEligibility?: string;
  route?: string;
  site?: string;
  doseCondition?: string;
}

export function correctedDose(d: DoseView, c: DoseChanges): Record<string, unknown> {
  const opt = <T>(v: T | null | undefined) => (v === null || v === '' ? undefined : v);
  const doseCondition = opt(c.doseCondition ?? d.doseCondition);
  if (d.kind === 'historical') return { kind: 'historical', cvx: c.cvx, date: c.date, source: d.historicalSource ?? '01', doseCondition };
  return {
    kind: 'administered',
    cvx: c.cvx,
    date: c.date,
    lot: c.lot ?? d.lot,
    lotExpiration: opt(c.lotExpiration ?? d.lotExpiration),
    mvx: opt(d.mvx),
    ndc: opt(d.ndc),
    volumeMl: opt(d.volumeMl),
    fundingSource: c.fundingSource ?? d.fundingSource ?? 'private',
    vfcEligibility: c.vfcEligibility ?? d.vfcEligibility ?? 'V01',
    site: opt(c.site ?? d.site),
    route: opt(c.route ?? d.route),
    administeredBy: opt(d.administeredBy),
    orderingProvider: opt(d.orderingProvider),
    vis: d.vis,
    doseCondition,
  };
}

/** Runs a change on the record, then refreshes it and shows `message` (or the error summary). */
export type RecordAction = (fn: () => Promise<unknown>, message: string) => Promise<void>;
