// The demo's school rosters: each demo school gets this school year's roster of the town's children aged 4 to 10
// (pre-K to grade 5, by age on September 1), linked to their records as an exact match would be, so that the demo
// nurse has students to look up. A roster, not a town rule: she sees these children because they are on it.
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { listActiveOrganizations } from '../organizations/index.ts';
import { residentsBornBetween } from '../patients/index.ts';
import * as repo from './roster.repo.ts';
import { rowHashOf } from './roster.service.ts';
import { GRADES, schoolYearOf } from './school-year.ts';

/** Grade by age on September 1 of the school year: 4 → pre-K, 5 → K, 6 → 1st … (undefined outside pre-K to 5th). */
function gradeForAge(age: number): SchoolGrade | undefined {
  const i = age - 4;
  return i >= 0 && i <= GRADES.indexOf('5') ? GRADES[i] : undefined;
}

export async function seedDemoRosters(ctx: AppContext, perSchool = 300): Promise<number> {
  const year = schoolYearOf(jurisdictionToday(ctx.clock));
  const at = ctx.clock.now();
  let added = 0;
  for (const school of await listActiveOrganizations(ctx.db, 'school')) {
    if (!school.town || (await repo.rosterYears(ctx.db, school.id)).length) continue;
    const kids = await residentsBornBetween(ctx.db, {
      town: school.town,
      from: `${year - 11}-09-02`,
      to: `${year - 4}-09-01`,
      limit: perSchool,
    });
    await ctx.db.transaction().execute(async (trx) => {
      for (const [i, k] of kids.entries()) {
        const age = year - Number(k.dob.slice(0, 4)) - (k.dob.slice(5) > '09-01' ? 1 : 0);
        const grade = gradeForAge(age);
        if (!grade) continue;
        const e = {
          school_id: school.id,
          school_year: year,
          student_id: `D${String(i + 1).padStart(5, '0')}`,
          grade,
          last_name: k.last_name,
          first_name: k.first_name,
          middle_name: k.middle_name,
          dob: k.dob,
          sex: k.sex === 'F' || k.sex === 'M' ? k.sex : ('U' as const),
          guardian: null,
          address: null,
        };
        await repo.upsertEntry(
          trx,
          {
            ...e,
            row_hash: rowHashOf(e),
            patient_id: k.id,
            match_status: 'linked',
            match_reason: 'demo roster',
            match_score: null,
            matched_by: 'auto',
          },
          at,
        );
        added++;
      }
    });
  }
  return added;
}
