// Coverage assessment over the stored forecasts: shares up to date per measure and for the combined series, by
// area, within the actor's population; a monthly trend; the not-up-to-date list of an area (audited with ids).
import type { CoverageBy, CoverageReport, CoverageRow, CoverageTrend, NotUpToDateList } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { organizationNames, townCounties } from '../organizations/index.ts';
import { coverageCohort, coveragePopulation, type CoveragePerson, type PopulationScope } from '../patients/index.ts';
import { coverageFactsOf, coverageMetOf } from '../recommender/index.ts';
import {
  addToTally,
  COUNTING_RULES,
  emptyTally,
  MEASURES,
  measuresMet,
  presentTally,
  type MeasureRule,
  type PersonFacts,
  type Tally,
} from './coverage.ts';
import { dobRangeForAge } from './reminder.ts';
import { populationFor, type PopulationView } from './reports.policy.ts';
import type { CoverageQueryInput } from './reports.schemas.ts';

const PRESET_AGES = { child: [24, 35], adolescent: [156, 215] } as const;

function bandOf(q: CoverageQueryInput): [number, number] {
  const [from, to] = PRESET_AGES[q.preset];
  return [q.ageFromMonths ?? from, q.ageToMonths ?? to];
}

function monthEnd(iso: string, back: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - back, 0));
  return d.toISOString().slice(0, 10);
}

/** How far a long run is (a report run job stores it for the page that polls); nothing for an on-screen report. */
export type Progress = (percent: number, note: string) => Promise<void>;

/** People per query of stored forecasts: a statewide cohort is read in slices, each reported as progress. */
const FACTS_SLICE = 50_000;

async function factsOf(
  ctx: AppContext,
  people: readonly CoveragePerson[],
  rules: readonly MeasureRule[],
  progress?: Progress,
): Promise<Map<string, PersonFacts>> {
  const groups = [...new Set(rules.map((r) => r.group))];
  const out = new Map<string, PersonFacts>(people.map((p) => [p.id, { dob: p.dob, groups: new Map() }]));
  for (let at = 0; at < people.length; at += FACTS_SLICE) {
    const slice = people.slice(at, at + FACTS_SLICE);
    const rows = await coverageFactsOf(
      ctx.db,
      slice.map((p) => p.id),
      groups,
    );
    for (const r of rows)
      (out.get(r.patientId)!.groups as Map<string, { status: string; validDoseDates: string[] }>).set(r.vaccineGroup, r);
    const done = at + slice.length;
    await progress?.(20 + Math.floor((70 * done) / people.length), `Read the forecasts of ${done} of ${people.length} people`);
  }
  return out;
}

async function areaOf(ctx: AppContext, by: CoverageBy, people: readonly CoveragePerson[]) {
  if (by === 'state') return { key: () => 'state', label: () => 'Connecticut' };
  if (by === 'town') return { key: (p: CoveragePerson) => p.town ?? '', label: (k: string) => k || 'No town recorded' };
  if (by === 'county') {
    const counties = await townCounties(ctx.db);
    return { key: (p: CoveragePerson) => (p.town ? (counties.get(p.town) ?? '') : ''), label: (k: string) => k || 'No county recorded' };
  }
  const names = await organizationNames(
    ctx.db,
    people.map((p) => p.ownerOrgId),
  );
  return { key: (p: CoveragePerson) => p.ownerOrgId ?? '', label: (k: string) => names.get(k) ?? 'No medical home' };
}

interface Assessed {
  view: { label: string };
  on: string;
  band: [number, number];
  rules: readonly MeasureRule[];
  people: CoveragePerson[];
  met: Map<string, Set<string>>;
}

/**
 * Who a coverage denominator counts within the actor's population: DPH may see opted-out records, but the registry
 * is not expected to hold their doses, so (CDC/AIRA practice) an opted-out person is in no coverage denominator.
 */
function countedScope(view: PopulationView): PopulationScope {
  return view.scope.kind === 'all' ? { kind: 'all', includeOptedOut: false } : view.scope;
}

async function assess(ctx: AppContext, actor: Actor, q: CoverageQueryInput, progress?: Progress): Promise<Assessed> {
  const today = jurisdictionToday(ctx.clock);
  const on = q.assessmentDate ?? today;
  if (on > today)
    throw invalid('The assessment date is in the future', [{ path: 'assessmentDate', message: 'Choose today or a past date' }]);
  const view = await populationFor(ctx, actor);
  const band = bandOf(q);
  const rules = MEASURES[q.preset];
  const cohort = { ...dobRangeForAge(on, band[0], band[1]), scope: countedScope(view) };
  const people = await coveragePopulation(ctx.db, cohort);
  await progress?.(20, `${people.length} people in the cohort`);
  // The forecast store counts the measures met in SQL over the cohort's subquery (one statement; a short row
  // per person instead of every group's dose dates): the same rule as measuresMet, which the trend still uses.
  const metKeys = await coverageMetOf(ctx.db, coverageCohort(ctx.db, cohort), rules, on, on >= today);
  await progress?.(90, `Counted the measures of ${people.length} people`);
  const met = new Map(people.map((p) => [p.id, new Set(metKeys.get(p.id))]));
  return { view, on, band, rules, people, met };
}

async function audit(ctx: AppContext, actor: Actor, report: string, filters: Record<string, unknown>, patientIds?: string[]) {
  await appendActorAudit(
    ctx.db,
    actor,
    { action: `report.${report}.run`, entityType: 'report', entityId: report, detail: { filters, ...(patientIds ? { patientIds } : {}) } },
    ctx.clock.now(),
  );
}

export async function coverageReport(ctx: AppContext, actor: Actor, q: CoverageQueryInput, progress?: Progress): Promise<CoverageReport> {
  const a = await assess(ctx, actor, q, progress);
  const area = await areaOf(ctx, q.by, a.people);
  const tallies = new Map<string, Tally>();
  const total = emptyTally(a.rules);
  for (const p of a.people) {
    const k = area.key(p);
    const t = tallies.get(k) ?? emptyTally(a.rules);
    tallies.set(k, t);
    addToTally(t, a.met.get(p.id)!, a.rules);
    addToTally(total, a.met.get(p.id)!, a.rules);
  }
  const rows: CoverageRow[] = [...tallies]
    .map(([key, t]) => ({ key, label: area.label(key), ...presentTally(t, a.rules) }))
    .sort((x, y) => x.label.localeCompare(y.label));
  await audit(ctx, actor, 'coverage', { ...q, assessmentDate: a.on });
  return {
    assessmentDate: a.on,
    preset: q.preset,
    ageFromMonths: a.band[0],
    ageToMonths: a.band[1],
    by: q.by,
    scope: a.view.label,
    rows,
    total: { key: 'total', label: a.view.label, ...presentTally(total, a.rules) },
    countingRules: COUNTING_RULES,
  };
}

/** Month-end points (the ends of the last `months` full months): the total's shares. */
export async function coverageTrend(ctx: AppContext, actor: Actor, q: CoverageQueryInput & { months: number }): Promise<CoverageTrend> {
  const today = jurisdictionToday(ctx.clock);
  const view = await populationFor(ctx, actor);
  const band = bandOf(q);
  const rules = MEASURES[q.preset];
  const dates = Array.from({ length: q.months }, (_, i) => monthEnd(today, i + 1)).reverse();
  // One read for every point: the union of the points' birth-date ranges.
  const ranges = dates.map((d) => dobRangeForAge(d, band[0], band[1]));
  const people = await coveragePopulation(ctx.db, { dobFrom: ranges[0]!.dobFrom, dobTo: ranges.at(-1)!.dobTo, scope: countedScope(view) });
  const facts = await factsOf(ctx, people, rules);
  const points = dates.map((on, i) => {
    const t = emptyTally(rules);
    for (const p of people)
      if (p.dob >= ranges[i]!.dobFrom && p.dob <= ranges[i]!.dobTo) addToTally(t, measuresMet(facts.get(p.id)!, rules, on, false), rules);
    return { assessmentDate: on, ...presentTally(t, rules) };
  });
  await audit(ctx, actor, 'coverage_trend', { ...q });
  return { points };
}

/** Who in an area does not meet a measure (or the combined series): the drill-down, within the actor's scope. */
export async function notUpToDate(
  ctx: AppContext,
  actor: Actor,
  q: CoverageQueryInput & { area: string; measure: string },
): Promise<NotUpToDateList> {
  const a = await assess(ctx, actor, q);
  if (q.measure !== 'combined' && !a.rules.some((r) => r.key === q.measure))
    throw invalid('Unknown measure', [{ path: 'measure', message: `One of combined, ${a.rules.map((r) => r.key).join(', ')}` }]);
  const area = await areaOf(ctx, q.by, a.people);
  const patients = a.people
    .filter((p) => area.key(p) === q.area)
    .map((p) => ({ p, missing: a.rules.filter((r) => !a.met.get(p.id)!.has(r.key)) }))
    .filter(({ missing }) => (q.measure === 'combined' ? missing.length > 0 : missing.some((r) => r.key === q.measure)))
    .map(({ p, missing }) => ({ patientId: p.id, name: p.name, dob: p.dob, town: p.town, missing: missing.map((r) => r.label) }));
  await audit(
    ctx,
    actor,
    'coverage_not_up_to_date',
    { ...q, assessmentDate: a.on },
    patients.map((p) => p.patientId),
  );
  return { area: area.label(q.area), measure: q.measure, patients };
}
