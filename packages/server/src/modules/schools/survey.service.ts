// The state's annual school immunization survey for a school and school year: per grade with requirements, the
// students enrolled and how many are compliant, in process, not compliant, exempt (medical) and exempt (religious),
// counted as the compliance report counts them. CSV through the shared writer.
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { auditCompliance, gradeReport } from './compliance.service.ts';
import { gradesWithRequirements } from './requirement.repo.ts';
import { schoolFor } from './school.policy.ts';
import { GRADES, schoolYearLabel } from './school-year.ts';

export async function surveyCsv(ctx: AppContext, actor: Actor, schoolId: string, year: number): Promise<{ csv: string; filename: string }> {
  const school = await schoolFor(ctx, actor, schoolId, 'read');
  const grades = new Set(await gradesWithRequirements(ctx.db, school.jurisdictionId));
  const reports = [];
  for (const g of GRADES.filter((x) => grades.has(x))) {
    const r = await gradeReport(ctx, school, year, g);
    // The survey asks for the grades the school has: a grade without students this year is left out.
    if (r && r.counts.total > 0) reports.push(r);
  }
  if (reports.length === 0)
    throw invalid(`No student of ${schoolYearLabel(year)} is in a grade with school-entry requirements`, [
      { path: 'year', message: 'No student in a grade with requirements' },
    ]);
  await auditCompliance(ctx, actor, reports, 'survey.csv');
  const csv = toCsv(
    [
      'school_pin',
      'school',
      'town',
      'school_year',
      'as_of',
      'grade',
      'enrolled',
      'compliant',
      'in_process',
      'not_compliant',
      'exempt_medical',
      'exempt_religious',
    ],
    reports.map((r) => [
      school.pin ?? '',
      school.name,
      school.town ?? '',
      schoolYearLabel(year),
      r.asOf,
      r.grade,
      r.counts.total,
      r.counts.compliant,
      r.counts.in_process,
      r.counts.not_compliant,
      r.counts.exempt_medical,
      r.counts.exempt_religious,
    ]),
  );
  const safeName = (school.pin ?? 'school').replace(/[^A-Za-z0-9-]/g, '');
  return { csv, filename: `school-survey-${safeName}-${year}.csv` };
}
