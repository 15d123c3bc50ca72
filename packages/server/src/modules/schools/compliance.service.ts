// The compliance report of a school's grade: each student on the roster against the grade's requirements —
// exempt (medical in force, religious), compliant, in process or not compliant with what is missing and when it
// is due. Valid doses (CDSi evaluation, per antigen) and due dates come from the stored forecast.
import type { ComplianceReport, StudentCompliance } from '@nutmeg/api-types';
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import type { Organization } from '../organizations/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { forecastDemographicsOf } from '../patients/index.ts';
import { complianceFactsOf } from '../recommender/index.ts';
import { toCsv } from '../../csv.ts';
import {
  complianceWithoutRecord,
  describeRequirement,
  STATUS_TEXT,
  studentCompliance,
  type GroupForecast,
  type Requirement,
  type ValidDose,
} from './compliance.ts';
import { exemptionsInForce, type ExemptionRow } from './exemption.repo.ts';
import { requirementsFor } from './requirement.repo.ts';
import * as repo from './roster.repo.ts';
import { schoolFor } from './school.policy.ts';
import { dayOfSchoolYear, schoolYearLabel } from './school-year.ts';

/** A student's exemptions in force today (a medical one until its expiry). */
function inForce(rows: readonly ExemptionRow[], today: string): ExemptionRow[] {
  return rows.filter((x) => x.kind === 'religious' || x.expires_on === null || x.expires_on >= today);
}

/**
 * Valid doses and forecasts of the linked students, by patient id, read from the stored forecasts (the CDSi engine
 * never runs here: refresh jobs keep them, the nightly one for dates crossed). `pending`: students whose stored
 * forecast is missing or out of date (a change not yet refreshed): the report says how many.
 */
async function registryFacts(ctx: AppContext, ids: string[], groups: string[], today: string) {
  const rows = await complianceFactsOf(ctx.db, ids, groups, today);
  // The registry's DOB (the age rules are about the child, whatever the school's file says).
  const dob = new Map((await forecastDemographicsOf(ctx.db, ids)).map((p) => [p.id, p.dob]));
  const forecasts = new Map<string, GroupForecast[]>();
  const valid = new Map<string, ValidDose[]>();
  const pending = new Set(ids);
  for (const r of rows) {
    forecasts.set(r.patientId, [...(forecasts.get(r.patientId) ?? []), r]);
    const doses = Object.entries(r.validAntigenDates).flatMap(([antigen, dates]) => dates.map((date) => ({ antigen, date })));
    valid.set(r.patientId, [...(valid.get(r.patientId) ?? []), ...doses]);
    if (!r.stale) pending.delete(r.patientId);
  }
  const stored = new Set(rows.map((r) => r.patientId).filter((id) => dob.has(id)));
  return { stored, dob, valid, forecasts, pending: pending.size };
}

/** A grade's report (not audited: the callers audit what they disclose); null when the grade has no requirements. */
export async function gradeReport(
  ctx: AppContext,
  school: Organization,
  year: number,
  grade: SchoolGrade,
): Promise<ComplianceReport | null> {
  const today = jurisdictionToday(ctx.clock);
  const reqRows = await requirementsFor(ctx.db, school.jurisdictionId, year, grade);
  if (reqRows.length === 0) return null;
  const requirements: Requirement[] = reqRows.map(({ season_from, season_due, ...r }) => ({
    ...r,
    seasonFrom: season_from ? dayOfSchoolYear(year, season_from) : null,
    seasonDue: season_due ? dayOfSchoolYear(year, season_due) : null,
  }));
  const entries = (await repo.listEntries(ctx.db, school.id, year)).filter((e) => e.grade === grade);
  const exemptions = await exemptionsInForce(
    ctx.db,
    school.id,
    entries.map((e) => e.student_id),
  );
  const ids = entries.flatMap((e) => (e.patient_id ? [e.patient_id] : []));
  const facts = await registryFacts(ctx, ids, [...new Set(requirements.map((r) => r.vaccine_group))], today);
  const students: StudentCompliance[] = entries.map((e) => {
    const exempt = inForce(
      exemptions.filter((row) => row.student_id === e.student_id),
      today,
    );
    const covers = exempt.map((x) => ({ kind: x.kind, vaccineGroups: x.vaccine_groups }));
    const c =
      e.patient_id && facts.stored.has(e.patient_id)
        ? studentCompliance(
            requirements,
            facts.dob.get(e.patient_id)!,
            today,
            facts.valid.get(e.patient_id) ?? [],
            facts.forecasts.get(e.patient_id) ?? [],
            covers,
          )
        : complianceWithoutRecord(requirements, e.patient_id ? 'registry forecast not stored yet' : 'no registry record linked', covers);
    const counted = c.status === 'exempt_medical' ? 'medical' : c.status === 'exempt_religious' ? 'religious' : null;
    const x = counted ? exempt.find((row) => row.kind === counted) : undefined;
    return {
      entryId: e.id,
      studentId: e.student_id,
      name: `${e.last_name}, ${e.first_name}`,
      dob: e.dob,
      patientId: e.patient_id,
      ...c,
      exemption: x ? { kind: x.kind, documentDate: x.document_date, expiresOn: x.expires_on, vaccineGroups: x.vaccine_groups } : null,
    };
  });
  const count = (s: StudentCompliance['status']) => students.filter((x) => x.status === s).length;
  return {
    school: { id: school.id, name: school.name, town: school.town },
    schoolYear: year,
    grade,
    asOf: today,
    requirements: requirements.map((r) => ({
      label: r.label,
      vaccineGroup: r.vaccine_group,
      doses: r.doses,
      rule: describeRequirement(r),
    })),
    counts: {
      total: students.length,
      compliant: count('compliant'),
      in_process: count('in_process'),
      not_compliant: count('not_compliant'),
      exempt_medical: count('exempt_medical'),
      exempt_religious: count('exempt_religious'),
    },
    forecastsPending: facts.pending,
    students,
  };
}

/** Audits a disclosure of compliance reports: the students' registry records. */
export async function auditCompliance(ctx: AppContext, actor: Actor, reports: readonly ComplianceReport[], format: string): Promise<void> {
  const first = reports[0];
  if (!first) return;
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'school.compliance.view',
      entityType: 'organization',
      entityId: first.school.id,
      detail: {
        schoolYear: first.schoolYear,
        grades: reports.map((r) => r.grade),
        format,
        patientIds: reports.flatMap((r) => r.students.flatMap((s) => (s.patientId ? [s.patientId] : []))),
      },
    },
    ctx.clock.now(),
  );
}

/** The compliance report of a school's grade, audited with the students it discloses. */
export async function complianceReport(
  ctx: AppContext,
  actor: Actor,
  schoolId: string,
  year: number,
  grade: SchoolGrade,
  format = 'json',
): Promise<ComplianceReport> {
  const school = await schoolFor(ctx, actor, schoolId, 'read');
  const r = await gradeReport(ctx, school, year, grade);
  if (!r)
    throw invalid(`No school-entry requirements for this grade in ${schoolYearLabel(year)}`, [
      { path: 'grade', message: 'Choose Pre-K, K or 7' },
    ]);
  await auditCompliance(ctx, actor, [r], format);
  return r;
}

/** The report as a spreadsheet (cells that would run as formulas are neutralised by the shared CSV helper). */
export function complianceCsv(r: ComplianceReport): string {
  return toCsv(
    [
      'student_id',
      'name',
      'dob',
      'grade',
      'status',
      'exemption_document_date',
      'exemption_expires',
      'exempt_from',
      'missing',
      'next_due',
      'past_due',
    ],
    r.students.map((s) => [
      s.studentId,
      s.name,
      s.dob,
      r.grade,
      STATUS_TEXT[s.status],
      s.exemption?.documentDate ?? '',
      s.exemption?.expiresOn ?? '',
      s.exemptFrom.join('; '),
      s.missing.map((m) => `${m.requirement}: ${m.problem}`).join('; '),
      s.missing
        .map((m) => m.dueDate ?? '')
        .filter(Boolean)
        .sort()[0] ?? '',
      s.missing
        .map((m) => m.pastDueDate ?? '')
        .filter(Boolean)
        .sort()[0] ?? '',
    ]),
  );
}
