/**
 * CDC CDSi test cases (jsonl, see /work/shared/cdsi/README.md): parse a line, run the case through
 * the engine and compare with the expectation. Pure — the caller reads the files.
 */
import { evaluateAndForecast } from './evaluate-and-forecast.ts';
import { normalizeCvx } from './supporting-data/parse.ts';
import type { SupportingData } from './supporting-data/model.ts';
import type { DoseEvaluation, EvaluationStatus, ForecastResult, VaccineGroupForecast } from './types.ts';

export interface CdsiCaseDose {
  readonly doseNumber: number;
  readonly dateAdministered: string;
  readonly vaccineName: string;
  readonly cvx: string;
  readonly mvx: string | null;
  readonly expectedEvaluation: { readonly status: string; readonly reason: string | null; readonly seriesType?: string | null };
}

export interface CdsiCase {
  readonly id: string;
  readonly suite: string;
  readonly name: string;
  readonly dob: string;
  readonly gender: 'F' | 'M' | 'U';
  readonly assessmentDate: string;
  readonly observations: readonly { readonly code: string; readonly date: string | null }[];
  readonly doses: readonly CdsiCaseDose[];
  readonly expectedForecast: {
    readonly vaccineGroup: string;
    readonly vaccineGroupCdsi: string;
    readonly seriesStatus: string;
    readonly forecastNumber: number | null;
    readonly earliestDate: string | null;
    readonly recommendedDate: string | null;
    readonly pastDueDate: string | null;
  };
}

export interface CaseOutcome {
  readonly id: string;
  readonly name: string;
  readonly vaccineGroup: string;
  readonly differences: readonly string[];
  readonly passed: boolean;
  readonly forecast?: VaccineGroupForecast;
  readonly result: ForecastResult;
}

export function parseCaseLine(line: string): CdsiCase {
  const raw = JSON.parse(line) as Record<string, unknown>;
  for (const k of ['id', 'dob', 'assessmentDate', 'doses', 'expectedForecast']) {
    if (!(k in raw)) throw new Error(`test case line is missing '${k}'`);
  }
  return raw as unknown as CdsiCase;
}

/** Fold case and whitespace (README: compare labels case-insensitively with whitespace folded). */
export function fold(s: string | null | undefined): string {
  return (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

// combination vaccines: a dose valid for one antigen and extraneous (already complete) for another is valid for the group
const STATUS_RANK: Record<EvaluationStatus, number> = { Extraneous: 0, Valid: 1, 'Sub-standard': 2, 'Not Valid': 3 };

/** Pick the vaccine group forecast the case is about (a group can have one per series type). */
function pickForecast(_c: CdsiCase, forecasts: readonly VaccineGroupForecast[]): VaccineGroupForecast | undefined {
  // the engine's primary (most actionable) forecast of the group
  return forecasts[0];
}

/** The case's vaccine group plus the groups of its doses (doses of other groups are evaluated in their own group). */
export function caseVaccineGroups(c: CdsiCase, data: SupportingData): string[] {
  const groups = new Set<string>([c.expectedForecast.vaccineGroupCdsi]);
  for (const d of c.doses) {
    for (const a of data.cvxMap.get(normalizeCvx(d.cvx))?.associations ?? []) {
      const g = data.antigenToVaccineGroup.get(a.antigen);
      if (g) groups.add(g);
    }
  }
  return [...groups];
}

export function runCase(c: CdsiCase, data: SupportingData): ForecastResult {
  return evaluateAndForecast(
    {
      patient: { dob: c.dob, sex: c.gender },
      observations: c.observations.map((o) => ({ code: o.code, date: o.date })),
      doses: c.doses.map((d, i) => ({ id: String(i + 1), date: d.dateAdministered, cvx: d.cvx, mvx: d.mvx })),
      assessmentDate: c.assessmentDate,
      vaccineGroups: caseVaccineGroups(c, data),
    },
    data,
  );
}

const WITHIN_ANTIGEN: Record<EvaluationStatus, number> = { Valid: 0, 'Not Valid': 1, 'Sub-standard': 2, Extraneous: 3 };

/**
 * One status per dose for the vaccine group: per antigen the evaluation that counts most across the
 * best series (a dose valid in any best series is valid), then across the antigens of a
 * combination vaccine the least favourable one.
 */
export function combineEvaluations(evals: readonly DoseEvaluation[]): { status: EvaluationStatus; reasons: string[] } | undefined {
  if (evals.length === 0) return undefined;
  const perAntigen = new Map<string, DoseEvaluation>();
  for (const e of evals) {
    const cur = perAntigen.get(e.antigen);
    if (!cur || WITHIN_ANTIGEN[e.status] < WITHIN_ANTIGEN[cur.status]) perAntigen.set(e.antigen, e);
  }
  let status: EvaluationStatus = 'Extraneous';
  const reasons: string[] = [];
  for (const e of perAntigen.values()) {
    if (STATUS_RANK[e.status] > STATUS_RANK[status]) status = e.status;
    for (const r of e.reasons) if (!reasons.includes(r)) reasons.push(r);
  }
  return { status, reasons };
}

const cmpDate = (label: string, expected: string | null, actual: string | undefined, diffs: string[]): void => {
  if ((expected ?? undefined) !== actual) diffs.push(`${label}: expected ${expected ?? '(none)'}, got ${actual ?? '(none)'}`);
};

export function compareCase(c: CdsiCase, result: ForecastResult): CaseOutcome {
  const group = c.expectedForecast.vaccineGroupCdsi;
  const diffs: string[] = [];
  const forecasts = result.vaccineGroups.filter((v) => v.vaccineGroup === group);
  const f = pickForecast(c, forecasts);
  if (!f) diffs.push(`no forecast for vaccine group ${group}`);
  const seriesOf = (vf: VaccineGroupForecast | undefined) =>
    result.antigens
      .flatMap((a) => a.bestSeries)
      .filter((b) => vf?.bestSeries.some((x) => x.antigen === b.antigen && x.series === b.series.name));
  const groupBest = result.vaccineGroups.filter((v) => v.vaccineGroup === group).flatMap((v) => seriesOf(v));
  // doses outside the case's group: their evaluation in the primary forecast of their own group
  const others = result.vaccineGroups
    .filter((v, i, all) => v.vaccineGroup !== group && all.findIndex((x) => x.vaccineGroup === v.vaccineGroup) === i)
    .flatMap((v) => seriesOf(v));
  c.doses.forEach((d, i) => {
    const id = String(i + 1);
    let evals = groupBest.flatMap((b) => b.evaluations.filter((e) => e.doseId === id));
    if (evals.length === 0) evals = others.flatMap((b) => b.evaluations.filter((e) => e.doseId === id));
    const got = combineEvaluations(evals);
    const exp = d.expectedEvaluation;
    if (!got) {
      diffs.push(`dose ${d.doseNumber} (${d.dateAdministered} CVX ${d.cvx}): expected ${exp.status}, got no evaluation`);
      return;
    }
    if (fold(got.status) !== fold(exp.status)) {
      diffs.push(
        `dose ${d.doseNumber} (${d.dateAdministered} CVX ${d.cvx}): expected ${exp.status}${exp.reason ? ` (${exp.reason})` : ''}, got ${got.status}${got.reasons.length ? ` (${got.reasons.join(', ')})` : ''}`,
      );
    } else if (exp.reason && !got.reasons.some((r) => fold(r) === fold(exp.reason))) {
      diffs.push(
        `dose ${d.doseNumber} (${d.dateAdministered} CVX ${d.cvx}): expected reason ${exp.reason}, got ${got.reasons.join(', ') || '(none)'}`,
      );
    }
  });
  if (f) {
    const ef = c.expectedForecast;
    if (fold(f.status) !== fold(ef.seriesStatus)) diffs.push(`status: expected ${ef.seriesStatus}, got ${f.status}`);
    if (ef.forecastNumber !== null && ef.forecastNumber !== f.forecastDoseNumber)
      diffs.push(`forecast number: expected ${ef.forecastNumber}, got ${f.forecastDoseNumber ?? '(none)'}`);
    cmpDate('earliest', ef.earliestDate, f.earliestDate, diffs);
    cmpDate('recommended', ef.recommendedDate, f.recommendedDate, diffs);
    cmpDate('past due', ef.pastDueDate, f.pastDueDate, diffs);
  }
  return { id: c.id, name: c.name, vaccineGroup: group, differences: diffs, passed: diffs.length === 0, forecast: f, result };
}

/** Convenience: parse + run + compare one jsonl line. */
export function checkCaseLine(line: string, data: SupportingData): CaseOutcome {
  const c = parseCaseLine(line);
  return compareCase(c, runCase(c, data));
}
