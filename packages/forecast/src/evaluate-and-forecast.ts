/**
 * Main entry: the CDSi processing model (chapter 4, Figure 4-1).
 * 4.1 gather data → 4.2 organize history → 4.3 relevant series → 4.4 evaluate and forecast each
 * series → 4.5 best series → 4.6 vaccine groups.
 */
import { formatIsoDate, parseIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { EvalRecord, PatientContext, SeriesRun } from './context.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { forecastPatientSeries } from './forecast-patient-series.ts';
import { organizeImmunizationHistory } from './organize-immunization-history.ts';
import { indicationNotes, selectRelevantPatientSeries } from './select-relevant-patient-series.ts';
import { selectBestSeries } from './select-best-series.ts';
import type { Antigen, AntigenSeries, SupportingData, VaccineGroup } from './supporting-data/model.ts';
import type {
  AntigenDose,
  AntigenResult,
  DoseEvaluation,
  ForecastInput,
  ForecastResult,
  PatientSeriesResult,
  TargetDoseState,
  VaccineGroupForecast,
} from './types.ts';
import { withSeasons } from './season-dates.ts';
import { vaccineGroupForecasts } from './vaccine-group-forecast.ts';

export function buildPatientContext(
  input: ForecastInput,
  data: SupportingData,
): { ctx: PatientContext; byAntigen: ReadonlyMap<string, readonly AntigenDose[]>; unmapped: readonly string[] } {
  const dob = parseIsoDate(input.patient.dob);
  const assessmentDate = parseIsoDate(input.assessmentDate);
  const observations = new Map<string, DayNumber | undefined>();
  let unknown: Set<string> | undefined;
  for (const o of input.observations ?? []) {
    const code = o.code.trim();
    if (o.status === 'unknown') {
      (unknown ??= new Set()).add(code);
      continue;
    }
    const date = o.date ? parseIsoDate(o.date) : undefined;
    const prev = observations.get(code);
    observations.set(code, prev === undefined ? date : date === undefined ? prev : Math.max(prev, date));
  }
  // an observation recorded both as active and as unknown is active
  if (unknown) for (const code of observations.keys()) unknown.delete(code);
  const hist = organizeImmunizationHistory(input.doses, dob, assessmentDate, data);
  const ctx: PatientContext = {
    data,
    dob,
    sex: input.patient.sex,
    countryOfBirth: input.patient.countryOfBirth,
    assessmentDate,
    observations,
    unknownObservations: unknown?.size ? unknown : undefined,
    doses: hist.doses,
  };
  return { ctx, byAntigen: hist.byAntigen, unmapped: hist.unmapped };
}

function toDoseEvaluation(run: SeriesRun, i: number, e: EvalRecord): DoseEvaluation {
  return new Evaluation(run.doses[i] as AntigenDose, e, run.series.name, run.series.type);
}

/** A dose evaluation; its explanation text is composed on first read (and by toJSON). */
class Evaluation implements DoseEvaluation {
  readonly doseId: string;
  readonly date: string;
  readonly cvx: string;
  readonly antigen: string;
  readonly status: DoseEvaluation['status'];
  readonly reasons: DoseEvaluation['reasons'];
  readonly targetDose?: number;
  readonly satisfiedTargetDose: boolean;
  readonly rulePath: DoseEvaluation['rulePath'];
  #explanation: string | undefined;
  readonly #record: EvalRecord;
  constructor(
    d: AntigenDose,
    record: EvalRecord,
    readonly seriesName: string,
    readonly seriesType: DoseEvaluation['seriesType'],
  ) {
    this.#record = record;
    this.doseId = d.doseId;
    this.date = formatIsoDate(d.date);
    this.cvx = d.cvx;
    this.antigen = d.antigen;
    this.status = record.status;
    this.reasons = record.reasons;
    this.targetDose = record.targetDose;
    this.satisfiedTargetDose = record.satisfied;
    this.rulePath = record.rulePath;
  }
  get explanation(): string {
    if (this.#explanation === undefined) {
      const e = this.#record;
      const parts: string[] = [];
      if (e.targetDose !== undefined)
        parts.push(`${e.satisfied ? 'satisfies' : 'does not satisfy'} target dose ${e.targetDose} of ${this.seriesName}`);
      parts.push(...e.explanation);
      this.#explanation = `${this.date} CVX ${this.cvx} (${this.antigen}): ${e.status}${e.reasons.length ? ` [${e.reasons.join(', ')}]` : ''} — ${parts.join('; ')}`;
    }
    return this.#explanation;
  }
  toJSON(): Omit<DoseEvaluation, never> {
    return {
      doseId: this.doseId,
      date: this.date,
      cvx: this.cvx,
      antigen: this.antigen,
      status: this.status,
      reasons: this.reasons,
      targetDose: this.targetDose,
      satisfiedTargetDose: this.satisfiedTargetDose,
      seriesName: this.seriesName,
      seriesType: this.seriesType,
      explanation: this.explanation,
      rulePath: this.rulePath,
    };
  }
}

function newTargetDoses(series: AntigenSeries): TargetDoseState[] {
  const out: TargetDoseState[] = new Array(series.doses.length);
  for (let i = 0; i < series.doses.length; i++)
    out[i] = { seriesDose: series.doses[i] as AntigenSeries['doses'][number], status: 'Not Satisfied', copy: 0 };
  return out;
}

/** 4.4 for one relevant patient series. */
/** 4.4 step 1 for one relevant patient series: evaluate the immunization history (chapter 6). */
export function evaluatePatientSeries(
  ctx: PatientContext,
  series: AntigenSeries,
  doses: readonly AntigenDose[],
  isSeriesGroupComplete: (g: string) => boolean,
): { run: SeriesRun; next: number; valid: number } {
  const run: SeriesRun = {
    ctx,
    series,
    doses,
    targetDoses: newTargetDoses(series),
    evals: new Array<EvalRecord | undefined>(doses.length).fill(undefined),
    isSeriesGroupComplete,
  };
  const next = evaluateImmunizationHistory(run);
  let valid = 0;
  for (const td of run.targetDoses) if (td.status === 'Satisfied') valid++;
  return { run, next, valid };
}

/** 4.4 step 2: forecast (chapter 7) an evaluated patient series. */
export function forecastEvaluatedSeries(antigen: Antigen, evaluated: { run: SeriesRun; next: number; valid: number }): PatientSeriesResult {
  const run = evaluated.run;
  const forecast = forecastPatientSeries(run, antigen, evaluated.next);
  let allValid = true;
  let firstValid: DayNumber | undefined;
  for (let i = 0; i < run.evals.length; i++) {
    const e = run.evals[i];
    if (!e) continue;
    if (e.status !== 'Valid') allValid = false;
    else if (firstValid === undefined) firstValid = run.doses[i]?.date;
  }
  let valid = 0;
  for (const td of run.targetDoses) if (td.status === 'Satisfied') valid++;
  return new SeriesResult(run, antigen.name, forecast, valid, allValid, firstValid);
}

/** 4.4 for one relevant patient series. */
export function runPatientSeries(
  ctx: PatientContext,
  antigen: Antigen,
  series: AntigenSeries,
  doses: readonly AntigenDose[],
  isSeriesGroupComplete: (g: string) => boolean,
): PatientSeriesResult {
  return forecastEvaluatedSeries(antigen, evaluatePatientSeries(ctx, series, doses, isSeriesGroupComplete));
}

/** PatientSeriesResult whose dose evaluations are built on first access (most relevant series are never shown). */
class SeriesResult implements PatientSeriesResult {
  readonly series: AntigenSeries;
  readonly targetDoses: PatientSeriesResult['targetDoses'];
  score?: number;
  scoreNotes?: string[];
  #evaluations: DoseEvaluation[] | undefined;
  readonly #run: SeriesRun;
  constructor(
    run: SeriesRun,
    readonly antigen: string,
    readonly forecast: PatientSeriesResult['forecast'],
    readonly validDoseCount: number,
    readonly allDosesValid: boolean,
    readonly firstValidDoseDate: DayNumber | undefined,
  ) {
    this.#run = run;
    this.series = run.series;
    this.targetDoses = run.targetDoses;
  }
  get evaluations(): DoseEvaluation[] {
    if (!this.#evaluations) {
      const run = this.#run;
      const out: DoseEvaluation[] = [];
      for (let i = 0; i < run.evals.length; i++) {
        const e = run.evals[i];
        if (e) out.push(toDoseEvaluation(run, i, e));
      }
      this.#evaluations = out;
    }
    return this.#evaluations;
  }
  toJSON(): Record<string, unknown> {
    return {
      antigen: this.antigen,
      series: this.series.name,
      seriesType: this.series.type,
      seriesGroup: this.series.seriesGroup,
      targetDoses: this.targetDoses.map((t) => ({
        doseNumber: t.seriesDose.doseNumber,
        status: t.status,
        satisfiedBy: t.satisfiedBy === undefined ? undefined : this.#run.doses[t.satisfiedBy]?.doseId,
      })),
      evaluations: this.evaluations,
      forecast: this.forecast,
      validDoseCount: this.validDoseCount,
      score: this.score,
      scoreNotes: this.scoreNotes,
    };
  }
}

/** 4.3 – 4.5 for one antigen: relevant series, evaluate and forecast each, select the best series. */
type Evaluated = { run: SeriesRun; next: number; valid: number };

/** 4.3 – 4.4 for one antigen: evaluate and forecast the relevant series that can matter. */
class AntigenEvaluation {
  readonly results = new Map<AntigenSeries, PatientSeriesResult>();
  readonly evaluated = new Map<AntigenSeries, Evaluated>();
  readonly inProgress = new Set<string>();
  readonly isComplete: (g: string) => boolean;
  constructor(
    readonly ctx: PatientContext,
    readonly antigen: Antigen,
    readonly relevant: readonly AntigenSeries[],
    readonly doses: readonly AntigenDose[],
  ) {
    this.isComplete = this.seriesGroupComplete.bind(this);
  }
  /** Table 6-7 support: is a relevant series of the series group complete? (evaluated on demand) */
  seriesGroupComplete(g: string): boolean {
    if (this.inProgress.has(g)) return false;
    this.inProgress.add(g);
    try {
      for (const s of this.relevant) if (s.seriesGroup === g && !this.results.has(s)) this.results.set(s, this.finish(s));
    } finally {
      this.inProgress.delete(g);
    }
    for (const s of this.relevant) if (s.seriesGroup === g && this.results.get(s)?.forecast.status === 'Complete') return true;
    return false;
  }
  /** Groups with risk series keep all their series: the series priority rule (SELECTSCORE-2) looks at every one. */
  groupHasRisk(g: string): boolean {
    for (const s of this.relevant) if (s.seriesGroup === g && s.type === 'Risk') return true;
    return false;
  }
  groupHasDefault(g: string): boolean {
    for (const s of this.relevant) if (s.seriesGroup === g && s.defaultSeries) return true;
    return false;
  }
  evaluate(s: AntigenSeries): Evaluated {
    let e = this.evaluated.get(s);
    if (!e) {
      this.inProgress.add(s.seriesGroup);
      e = evaluatePatientSeries(this.ctx, s, this.doses, this.isComplete);
      this.inProgress.delete(s.seriesGroup);
      this.evaluated.set(s, e);
    }
    return e;
  }
  finish(s: AntigenSeries): PatientSeriesResult {
    const e = this.evaluate(s);
    this.inProgress.add(s.seriesGroup);
    const r = forecastEvaluatedSeries(this.antigen, e);
    this.inProgress.delete(s.seriesGroup);
    return r;
  }
  runAll(): PatientSeriesResult[] {
    const out: PatientSeriesResult[] = [];
    if (this.doses.length === 0) {
      // Without any dose of the antigen no series can have valid doses or be complete, so (SELECTSCORE-2,
      // Table 8-3) a standard series of a group with a default series, and an evaluation-only series, can
      // never be selected: they are not forecast.
      for (const s of this.relevant) {
        if (
          !s.defaultSeries &&
          ((s.type === 'Evaluation Only' && !this.groupHasRisk(s.seriesGroup)) ||
            (s.type === 'Standard' && this.groupHasDefault(s.seriesGroup)))
        )
          continue;
        out.push(this.result(s));
      }
      return out;
    }
    // Evaluate every relevant series first; then forecast those that can be selected. A non-default
    // standard series without a valid dose in a group where another series has one is never scorable
    // (SELECTSCORE-2) nor the default (Table 8-3), and an evaluation-only series without a valid dose
    // cannot be complete: neither is forecast. (Groups with risk series are left whole because of the
    // series priority rule.)
    const noObservations = this.ctx.observations.size === 0;
    const groupsWithValid = new Set<string>();
    const groupsWithRisk = new Set<string>();
    for (const s of this.relevant) {
      if (s.type === 'Risk') groupsWithRisk.add(s.seriesGroup);
      if (this.evaluate(s).valid > 0) groupsWithValid.add(s.seriesGroup);
    }
    for (const s of this.relevant) {
      const valid = (this.evaluated.get(s) as Evaluated).valid;
      // (only without observations: SELECTB-24 needs the contraindicated status of every series of a group)
      if (valid === 0 && noObservations && !this.results.has(s)) {
        if (s.type === 'Evaluation Only' && !groupsWithRisk.has(s.seriesGroup)) continue;
        if (s.type === 'Standard' && !s.defaultSeries && groupsWithValid.has(s.seriesGroup) && !groupsWithRisk.has(s.seriesGroup)) continue;
      }
      out.push(this.result(s));
    }
    return out;
  }
  result(s: AntigenSeries): PatientSeriesResult {
    let r = this.results.get(s);
    if (!r) {
      r = this.finish(s);
      this.results.set(s, r);
    }
    return r;
  }
}

export function evaluateAntigen(ctx: PatientContext, antigen: Antigen, doses: readonly AntigenDose[]): AntigenResult {
  const relevant = selectRelevantPatientSeries(ctx, antigen);
  const relevantResults = new AntigenEvaluation(ctx, antigen, relevant, doses).runAll();
  const best = selectBestSeries(relevantResults, ctx.dob, ctx.assessmentDate);
  // Table 5-4: risk indications that were not applied are left to the clinician
  const notes = indicationNotes(ctx, antigen, relevant);
  return {
    antigen: antigen.name,
    relevantSeries: relevantResults,
    bestSeries: best,
    unresolvedIndications: notes.outsideAges,
    undeterminedIndications: notes.undetermined,
  };
}

const ALL_GROUPS = new WeakMap<SupportingData, VaccineGroup[]>();
function allGroups(data: SupportingData): VaccineGroup[] {
  let g = ALL_GROUPS.get(data);
  if (!g) {
    g = [...data.vaccineGroups.values()];
    ALL_GROUPS.set(data, g);
  }
  return g;
}

/** Evaluate the immunization history and forecast every (or the requested) vaccine group. */
export function evaluateAndForecast(input: ForecastInput, release: SupportingData): ForecastResult {
  const data = input.seasons?.length ? withSeasons(release, input.seasons) : release;
  const { ctx, byAntigen, unmapped } = buildPatientContext(input, data);
  const groups = input.vaccineGroups
    ? input.vaccineGroups.map((g) => data.vaccineGroups.get(g)).filter((g) => g !== undefined)
    : allGroups(data);
  const antigenResults = new Map<string, AntigenResult>();
  for (const g of groups) {
    for (const a of g.antigens) {
      if (antigenResults.has(a)) continue;
      const antigen = data.antigens.get(a);
      if (!antigen) continue;
      antigenResults.set(a, evaluateAntigen(ctx, antigen, byAntigen.get(a) ?? []));
    }
  }
  const vgs: VaccineGroupForecast[] = [];
  for (const g of groups) vgs.push(...vaccineGroupForecasts(ctx, g, antigenResults));
  const evaluations: DoseEvaluation[] = [];
  for (const ar of antigenResults.values()) for (const b of ar.bestSeries) evaluations.push(...b.evaluations);
  return {
    assessmentDate: input.assessmentDate,
    supportingDataVersion: data.version,
    evaluations,
    antigens: [...antigenResults.values()],
    vaccineGroups: vgs,
    unmappedDoses: unmapped,
  };
}
