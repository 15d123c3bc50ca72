// DPH edits the school-entry requirements of its jurisdiction, per school year: add (for one or more grades), edit
// and remove a requirement, copy a year's requirements to the next. A grade's requirements in a year are the set
// written for the latest year up to it, so only a set written for this very year is edited here (copy the year
// before to start one). Every change names the year's version it was made on (bumped atomically first: a change
// made on an older version is refused), is kept with before and after, and is audited.
import type { RequirementChangeView, RequirementCopyResult, RequirementRuleView, RequirementYearView } from '@nutmeg/api-types';
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { can, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { jurisdictionIdOf } from '../organizations/index.ts';
import { describeRequirement } from './compliance.ts';
import * as repo from './requirement.repo.ts';
import type { Db } from './roster.repo.ts';
import { GRADES, schoolYearLabel } from './school-year.ts';

/** The fields of a requirement DPH writes (the grade and year are its place). */
export interface RequirementInput {
  label: string;
  vaccineGroup: string;
  antigen: string;
  doses: number;
  countedFromAge?: string | null | undefined;
  lastDoseMinAge?: string | null | undefined;
  minSpan?: string | null | undefined;
  requiredBelowAge?: string | null | undefined;
  seasonFrom?: string | null | undefined;
  seasonDue?: string | null | undefined;
  position?: number | undefined;
}

function presentRule(r: repo.RequirementRow): RequirementRuleView {
  return {
    grade: r.grade,
    label: r.label,
    vaccineGroup: r.vaccine_group,
    antigen: r.antigen,
    doses: r.doses,
    countedFromAge: r.counted_from_age,
    lastDoseMinAge: r.last_dose_min_age,
    minSpan: r.min_span,
    requiredBelowAge: r.required_below_age,
    seasonFrom: r.season_from,
    seasonDue: r.season_due,
    position: r.position,
    rule: describeRequirement({ ...r, seasonFrom: r.season_from, seasonDue: r.season_due }),
  };
}

/** The row of an input, checked against the engine's vaccine groups and antigens. */
function toRow(ctx: AppContext, jurisdictionId: string, year: number, grade: SchoolGrade, x: RequirementInput): repo.RequirementRow {
  const data = ctx.recommender.data;
  if (!data.vaccineGroups.has(x.vaccineGroup))
    throw invalid(`Unknown vaccine group: ${x.vaccineGroup}`, [{ path: 'vaccineGroup', message: 'Not a CDSi vaccine group' }]);
  if (data.antigenToVaccineGroup.get(x.antigen) !== x.vaccineGroup)
    throw invalid(`${x.antigen} is not an antigen of ${x.vaccineGroup}`, [
      { path: 'antigen', message: `Not an antigen of ${x.vaccineGroup}` },
    ]);
  if (!x.seasonFrom && x.seasonDue)
    throw invalid('A due day needs the day the season starts', [{ path: 'seasonFrom', message: 'Enter the first day doses count' }]);
  return {
    jurisdiction_id: jurisdictionId,
    from_school_year: year,
    grade,
    label: x.label,
    vaccine_group: x.vaccineGroup,
    antigen: x.antigen,
    doses: x.doses,
    counted_from_age: x.countedFromAge ?? null,
    last_dose_min_age: x.lastDoseMinAge ?? null,
    min_span: x.minSpan ?? null,
    required_below_age: x.requiredBelowAge ?? null,
    season_from: x.seasonFrom ?? null,
    season_due: x.seasonDue ?? null,
    position: x.position ?? 0,
  };
}

async function jurisdictionOf(ctx: AppContext, actor: Actor): Promise<string> {
  return jurisdictionIdOf(ctx.db, actor.scope?.organizationId ?? null);
}

export async function getRequirementYear(ctx: AppContext, actor: Actor, year: number): Promise<RequirementYearView> {
  const jurisdictionId = await jurisdictionOf(ctx, actor);
  const sets = await repo.setYearsInForce(ctx.db, jurisdictionId, year);
  const rows = await repo.rowsOfSets(ctx.db, jurisdictionId, sets);
  const history = await repo.changesOf(ctx.db, jurisdictionId, year);
  const groups = new Map<string, string[]>();
  for (const [antigen, group] of ctx.recommender.data.antigenToVaccineGroup) groups.set(group, [...(groups.get(group) ?? []), antigen]);
  return {
    jurisdictionId,
    schoolYear: year,
    version: await repo.yearVersion(ctx.db, jurisdictionId, year),
    nextYearVersion: await repo.yearVersion(ctx.db, jurisdictionId, year + 1),
    canEdit: can(actor, 'school-requirements:manage'),
    grades: GRADES.map((grade) => ({
      grade,
      fromSchoolYear: sets.get(grade) ?? null,
      requirements: rows.filter((r) => r.grade === grade).map(presentRule),
    })),
    vaccineGroups: [...groups]
      .map(([vaccineGroup, antigens]) => ({ vaccineGroup, antigens: antigens.sort() }))
      .sort((a, b) => a.vaccineGroup.localeCompare(b.vaccineGroup)),
    history: history.map((h): RequirementChangeView => ({
      id: h.id,
      version: h.version,
      action: h.action,
      grade: h.grade,
      label: h.label,
      before: h.before,
      after: h.after,
      changedBy: h.changed_by_username,
      changedAt: h.changed_at.toISOString(),
    })),
  };
}

/**
 * Runs a change of a year's requirements in one transaction: the version first (its row lock serialises changes of
 * the year; a stale version is a 409), then the change, its history rows and the audit entry.
 */
async function change<T>(
  ctx: AppContext,
  actor: Actor,
  year: number,
  version: number,
  apply: (
    trx: Db,
    jurisdictionId: string,
    newVersion: number,
  ) => Promise<{ result: T; changes: Omit<repo.RequirementChange, 'by' | 'at'>[] }>,
): Promise<T> {
  const jurisdictionId = await jurisdictionOf(ctx, actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const next = await repo.bumpYearVersion(trx, jurisdictionId, year, version, actor.userId, now);
    if (next === null)
      throw conflict(`The requirements of ${schoolYearLabel(year)} were changed by someone else: reload and try again`, { version });
    const { result, changes } = await apply(trx, jurisdictionId, next);
    const by = { userId: actor.userId, username: actor.username };
    await repo.recordChanges(
      trx,
      changes.map((c) => ({ ...c, by, at: now })),
    );
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.requirements.change',
        entityType: 'school_requirements',
        entityId: `${jurisdictionId}:${year}`,
        detail: {
          schoolYear: year,
          version: next,
          changes: changes.map((c) => ({ action: c.action, grade: c.grade, label: c.label, after: c.after })),
        },
      },
      now,
    );
    return result;
  });
}

/**
 * The grade's set must be this year's own (not one in force from an earlier year) for it to be changed here.
 * `inForce` is `repo.setYearsInForce` for the year: read once for every grade a change touches.
 */
function assertOwnSet(inForce: ReadonlyMap<SchoolGrade, number>, year: number, grade: SchoolGrade, adding: boolean): void {
  const from = inForce.get(grade);
  if (from === undefined || from === year) {
    if (from === undefined && !adding) throw notFound('Requirement');
    return;
  }
  throw invalid(
    `Grade ${grade} uses the requirements of ${schoolYearLabel(from)}: copy the year before to ${schoolYearLabel(year)} first`,
    [{ path: 'grades', message: `Grade ${grade}: copy the previous year first` }],
  );
}

const labelTaken = (grade: SchoolGrade, label: string) =>
  invalid(`Grade ${grade} already has a requirement named ${label}`, [{ path: 'label', message: 'Already used in this grade' }]);

export async function addRequirement(
  ctx: AppContext,
  actor: Actor,
  year: number,
  x: RequirementInput & { version: number; grades: SchoolGrade[] },
): Promise<RequirementRuleView[]> {
  return change(ctx, actor, year, x.version, async (trx, jurisdictionId, version) => {
    const rows = [...new Set(x.grades)].map((g) => toRow(ctx, jurisdictionId, year, g, x));
    const inForce = await repo.setYearsInForce(trx, jurisdictionId, year);
    for (const r of rows) assertOwnSet(inForce, year, r.grade, true);
    const taken = await repo.gradesWithRequirement(
      trx,
      jurisdictionId,
      year,
      rows.map((r) => r.grade),
      x.label,
    );
    const first = rows.find((r) => taken.has(r.grade));
    if (first) throw labelTaken(first.grade, first.label);
    await repo.insertRequirements(trx, rows);
    return {
      result: rows.map(presentRule),
      changes: rows.map((r) => ({
        jurisdictionId,
        year,
        version,
        action: 'add' as const,
        grade: r.grade,
        label: r.label,
        before: null,
        after: r,
      })),
    };
  });
}

export async function editRequirement(
  ctx: AppContext,
  actor: Actor,
  key: { year: number; grade: SchoolGrade; label: string },
  x: RequirementInput & { version: number },
): Promise<RequirementRuleView> {
  return change(ctx, actor, key.year, x.version, async (trx, jurisdictionId, version) => {
    assertOwnSet(await repo.setYearsInForce(trx, jurisdictionId, key.year), key.year, key.grade, false);
    const before = await repo.requirementRow(trx, jurisdictionId, key.year, key.grade, key.label);
    if (!before) throw notFound('Requirement');
    const after = toRow(ctx, jurisdictionId, key.year, key.grade, { ...x, position: x.position ?? before.position });
    if (after.label !== key.label && (await repo.requirementRow(trx, jurisdictionId, key.year, key.grade, after.label)))
      throw labelTaken(key.grade, after.label);
    const { jurisdiction_id: _j, from_school_year: _y, grade: _g, ...fields } = after;
    await repo.updateRequirement(trx, { jurisdictionId, year: key.year, grade: key.grade, label: key.label }, fields);
    return {
      result: presentRule(after),
      changes: [{ jurisdictionId, year: key.year, version, action: 'edit', grade: key.grade, label: after.label, before, after }],
    };
  });
}

export async function removeRequirement(
  ctx: AppContext,
  actor: Actor,
  key: { year: number; grade: SchoolGrade; label: string },
  version: number,
): Promise<void> {
  await change(ctx, actor, key.year, version, async (trx, jurisdictionId, next) => {
    assertOwnSet(await repo.setYearsInForce(trx, jurisdictionId, key.year), key.year, key.grade, false);
    const before = await repo.requirementRow(trx, jurisdictionId, key.year, key.grade, key.label);
    if (!before) throw notFound('Requirement');
    await repo.deleteRequirement(trx, jurisdictionId, key.year, key.grade, key.label);
    return {
      result: undefined,
      changes: [
        { jurisdictionId, year: key.year, version: next, action: 'remove', grade: key.grade, label: key.label, before, after: null },
      ],
    };
  });
}

/**
 * Copies the requirements in force in `year` to `year + 1` as that year's own sets (to be edited there), for each
 * grade that has no set of its own in `year + 1` yet; `version` is `year + 1`'s.
 */
export async function copyYear(ctx: AppContext, actor: Actor, year: number, version: number): Promise<RequirementCopyResult> {
  const toYear = year + 1;
  return change(ctx, actor, toYear, version, async (trx, jurisdictionId, next) => {
    const from = await repo.setYearsInForce(trx, jurisdictionId, year);
    const target = await repo.setYearsInForce(trx, jurisdictionId, toYear);
    const skipped = GRADES.filter((g) => target.get(g) === toYear);
    const copyFrom = new Map([...from].filter(([g]) => !skipped.includes(g)));
    const rows = (await repo.rowsOfSets(trx, jurisdictionId, copyFrom)).map((r) => ({ ...r, from_school_year: toYear }));
    if (rows.length === 0)
      throw invalid(`Nothing to copy to ${schoolYearLabel(toYear)}`, [
        { path: 'year', message: 'Every grade already has its own requirements next year' },
      ]);
    await repo.insertRequirements(trx, rows);
    const copied = GRADES.filter((g) => copyFrom.has(g));
    return {
      result: { toYear, copied, skipped: skipped.filter((g) => from.has(g)) },
      changes: [
        {
          jurisdictionId,
          year: toYear,
          version: next,
          action: 'copy',
          grade: null,
          label: null,
          before: null,
          after: { fromYear: year, grades: copied },
        },
      ],
    };
  });
}
