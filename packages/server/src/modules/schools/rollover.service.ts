// Grade rollover to the next school year: every student's entry is copied to next year's roster one grade up
// (keeping the registry link and the nurse's decisions), the top grade leaves, and medical exemptions expired by
// the new year are cleared and listed. The old year's roster is not touched: it stays readable.
import type { RolloverPlan, RolloverStudent } from '@nutmeg/api-types';
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clearExemptions, exemptionsInForce } from './exemption.repo.ts';
import { presentExemption } from './roster.present.ts';
import * as repo from './roster.repo.ts';
import { rowHashOf } from './roster.service.ts';
import { schoolFor } from './school.policy.ts';
import { gradeRank, nextGrade } from './school-year.ts';

const student = (e: repo.EntryRow, next: SchoolGrade | null): RolloverStudent => ({
  studentId: e.student_id,
  name: `${e.last_name}, ${e.first_name}`,
  grade: e.grade,
  nextGrade: next,
});

async function plan(db: repo.Db, schoolId: string, fromYear: number, topGrade: SchoolGrade | undefined, today: string) {
  const entries = await repo.listEntries(db, schoolId, fromYear);
  if (entries.length === 0) throw invalid(`There is no roster for ${fromYear}`, [{ path: 'from', message: 'Choose a year with a roster' }]);
  const top = topGrade ?? entries.reduce((g, e) => (gradeRank(e.grade) > gradeRank(g) ? e.grade : g), entries[0]!.grade);
  const next = new Set((await repo.listEntries(db, schoolId, fromYear + 1)).map((e) => e.student_id));
  const firstDay = `${fromYear + 1}-07-01`;
  const exemptions = await exemptionsInForce(
    db,
    schoolId,
    entries.map((e) => e.student_id),
  );
  const expired = exemptions.filter((x) => x.kind === 'medical' && x.expires_on !== null && x.expires_on < firstDay);
  const moving = entries.filter((e) => gradeRank(e.grade) < gradeRank(top));
  return {
    top,
    entries,
    toCopy: moving.filter((e) => !next.has(e.student_id)),
    expired,
    view: {
      fromYear,
      toYear: fromYear + 1,
      topGrade: top,
      advancing: moving.filter((e) => !next.has(e.student_id)).map((e) => student(e, nextGrade(e.grade)!)),
      leaving: entries.filter((e) => gradeRank(e.grade) >= gradeRank(top)).map((e) => student(e, null)),
      alreadyThere: moving.filter((e) => next.has(e.student_id)).map((e) => student(e, nextGrade(e.grade)!)),
      expiredExemptions: expired.map((x) => presentExemption(x, today)),
      done: false,
    } satisfies RolloverPlan,
  };
}

export async function previewRollover(ctx: AppContext, actor: Actor, schoolId: string, fromYear: number, topGrade?: SchoolGrade) {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  return (await plan(ctx.db, school.id, fromYear, topGrade, jurisdictionToday(ctx.clock))).view;
}

/** Runs the rollover previewed (recomputed under lock: running it twice adds nobody twice). */
export async function runRollover(
  ctx: AppContext,
  actor: Actor,
  schoolId: string,
  fromYear: number,
  topGrade?: SchoolGrade,
): Promise<RolloverPlan> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // One rollover of a school at a time: the lock on its roster's entries serializes concurrent runs.
    await repo.lockRoster(trx, school.id, fromYear);
    const p = await plan(trx, school.id, fromYear, topGrade, jurisdictionToday(ctx.clock));
    for (const e of p.toCopy) {
      const grade = nextGrade(e.grade)!;
      const { id: _id, created_at: _c, updated_at: _u, removed_at: _r, removed_by: _b, ...rest } = e;
      const hash = rowHashOf({ ...rest, grade });
      await repo.upsertEntry(trx, { ...rest, school_year: fromYear + 1, grade, row_hash: hash }, now);
    }
    await clearExemptions(
      trx,
      p.expired.map((x) => x.id),
      `expired; cleared by the ${fromYear + 1} rollover`,
      now,
    );
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.roster.rollover',
        entityType: 'organization',
        entityId: school.id,
        detail: {
          fromYear,
          topGrade: p.top,
          advanced: p.toCopy.length,
          left: p.view.leaving.length,
          exemptionsCleared: p.expired.map((x) => x.id),
        },
      },
      now,
    );
    return { ...p.view, done: true };
  });
}
