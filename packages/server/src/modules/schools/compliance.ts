// School-entry compliance of one student (pure): the jurisdiction's requirements (data) against the doses the
// CDSi evaluation found valid, and — for what is missing — the stored forecast's dates, which tell "in process"
// (the next dose is not yet overdue: the catch-up schedule is on time) from "not compliant".
import type { SchoolEntryRequirementTable } from '@nutmeg/db';
import { addAge } from './school-year.ts';

/** A requirement as compliance checks it: the seasonal days (if any) resolved to dates of the school year. */
export type Requirement = Omit<
  SchoolEntryRequirementTable,
  'jurisdiction_id' | 'from_school_year' | 'grade' | 'position' | 'season_from' | 'season_due'
> & { seasonFrom?: string | null; seasonDue?: string | null };
export type ComplianceStatus = 'compliant' | 'in_process' | 'not_compliant' | 'exempt_medical' | 'exempt_religious';

/** The statuses as the report words them (CSV, PDF). */
export const STATUS_TEXT: Record<ComplianceStatus, string> = {
  compliant: 'Compliant',
  in_process: 'In process',
  not_compliant: 'Not compliant',
  exempt_medical: 'Exempt (medical)',
  exempt_religious: 'Exempt (religious)',
};

export interface ValidDose {
  antigen: string;
  date: string;
}
/** The stored forecast of a vaccine group (recommender's forecast store). */
export interface GroupForecast {
  vaccineGroup: string;
  status: string;
  recommendedDate: string | null;
  pastDueDate: string | null;
}

export interface Missing {
  requirement: string;
  have: number;
  need: number;
  /** Why the doses given do not meet it, in the requirement's words. */
  problem: string;
  /** When the next dose is due and overdue, from the stored forecast (null when it has none). */
  dueDate: string | null;
  pastDueDate: string | null;
}

/** The requirement's rule as a sentence (shown with the report). */
export function describeRequirement(r: Requirement): string {
  const parts = [`${r.doses} dose${r.doses > 1 ? 's' : ''} of ${r.label}`];
  if (r.counted_from_age) parts.push(`given at or after ${r.counted_from_age.replace(/^1 years$/, '1 year')} of age`);
  if (r.last_dose_min_age) parts.push(`the last at or after ${r.last_dose_min_age} of age`);
  if (r.min_span) parts.push(`first and last at least ${r.min_span} apart`);
  if (r.required_below_age) parts.push(`required only under ${r.required_below_age} of age`);
  if (r.seasonFrom) parts.push(`given on or after ${r.seasonFrom}${r.seasonDue ? `, by ${r.seasonDue}` : ''}`);
  return parts.join(', ');
}

/** What is wrong with the valid doses for one requirement, or null when it is met. */
export function unmet(r: Requirement, dob: string, today: string, doses: readonly ValidDose[]): { have: number; problem: string } | null {
  if (r.required_below_age && today >= addAge(dob, r.required_below_age)) return null;
  const fromAge = r.counted_from_age ? addAge(dob, r.counted_from_age) : dob;
  const from = r.seasonFrom && r.seasonFrom > fromAge ? r.seasonFrom : fromAge;
  const dates = [...new Set(doses.filter((d) => d.antigen === r.antigen && d.date >= from).map((d) => d.date))].sort();
  if (dates.length < r.doses) return { have: dates.length, problem: `${dates.length} of ${r.doses} doses` };
  const last = dates[dates.length - 1]!;
  if (r.last_dose_min_age && last < addAge(dob, r.last_dose_min_age))
    return { have: dates.length, problem: `no dose at or after ${r.last_dose_min_age} of age` };
  if (r.min_span && last < addAge(dates[0]!, r.min_span)) return { have: dates.length, problem: `doses less than ${r.min_span} apart` };
  return null;
}

/** An exemption in force for the student: of every requirement (vaccineGroups null) or of these vaccine groups only. */
export interface ExemptionInForce {
  kind: 'medical' | 'religious';
  vaccineGroups: readonly string[] | null;
}

export interface StudentResult {
  status: ComplianceStatus;
  missing: Missing[];
  /** Requirements not met that an exemption covers (they are not missing). */
  exemptFrom: string[];
}

/** The exemption that covers a requirement: a medical one first (the survey counts a student once, medical first). */
function covering(r: Requirement, exemptions: readonly ExemptionInForce[]): ExemptionInForce | undefined {
  const fits = exemptions.filter((x) => x.vaccineGroups === null || x.vaccineGroups.includes(r.vaccine_group));
  return fits.find((x) => x.kind === 'medical') ?? fits[0];
}

/**
 * The status from what is missing: not compliant or in process when a requirement no exemption covers is unmet;
 * else exempt (medical before religious) when an exemption covers an unmet requirement; else compliant.
 */
function statusOf(missing: readonly Missing[], onTime: boolean, used: ReadonlySet<ExemptionInForce['kind']>): ComplianceStatus {
  if (missing.length) return onTime ? 'in_process' : 'not_compliant';
  if (used.has('medical')) return 'exempt_medical';
  if (used.has('religious')) return 'exempt_religious';
  return 'compliant';
}

/**
 * A linked student's status: a requirement is met by the valid doses (or the forecast says immune); an unmet one is
 * exempted when an exemption in force covers its vaccine group; else it is missing — in process when each missing
 * dose cannot be recommended yet (the catch-up schedule is on time: the student is waiting out an interval or an
 * age), otherwise (a dose that could have been given by now) not compliant.
 */
export function studentCompliance(
  requirements: readonly Requirement[],
  dob: string,
  today: string,
  doses: readonly ValidDose[],
  forecasts: readonly GroupForecast[],
  exemptions: readonly ExemptionInForce[] = [],
): StudentResult {
  const missing: Missing[] = [];
  const exemptFrom: string[] = [];
  const used = new Set<ExemptionInForce['kind']>();
  let onTime = true;
  for (const r of requirements) {
    const f = forecasts.find((x) => x.vaccineGroup === r.vaccine_group);
    if (f?.status === 'Immune') continue;
    const u = unmet(r, dob, today, doses);
    if (!u) continue;
    const x = covering(r, exemptions);
    if (x) {
      used.add(x.kind);
      exemptFrom.push(r.label);
      continue;
    }
    // A seasonal dose is on time until the season's due day; another until the forecast recommends it.
    const scheduled = r.seasonDue ? today <= r.seasonDue : f?.status === 'Not Complete' && !!f.recommendedDate && f.recommendedDate > today;
    if (!scheduled) onTime = false;
    missing.push({
      requirement: r.label,
      have: u.have,
      need: r.doses,
      problem: u.problem,
      dueDate: f?.recommendedDate ?? null,
      pastDueDate: f?.pastDueDate ?? null,
    });
  }
  return { status: statusOf(missing, onTime, used), missing, exemptFrom };
}

/** A student without registry facts (not linked, or no stored forecast yet): every requirement not exempted is missing. */
export function complianceWithoutRecord(
  requirements: readonly Requirement[],
  problem: string,
  exemptions: readonly ExemptionInForce[],
): StudentResult {
  const missing: Missing[] = [];
  const exemptFrom: string[] = [];
  const used = new Set<ExemptionInForce['kind']>();
  for (const r of requirements) {
    const x = covering(r, exemptions);
    if (x) {
      used.add(x.kind);
      exemptFrom.push(r.label);
    } else missing.push({ requirement: r.label, have: 0, need: r.doses, problem, dueDate: null, pastDueDate: null });
  }
  return { status: statusOf(missing, false, used), missing, exemptFrom };
}
