/**
 * Chapter 7 Forecast Dates And Reasons for one relevant patient series:
 * 7.1 conditional skip, 7.2 evidence of immunity, 7.3 contraindications, 7.4 forecast need
 * (Table 7-10), 7.5 dates and recommended vaccines, 7.6 validate recommendation.
 */
import { MAX_DATE } from './date-arithmetic.ts';
import type { SeriesRun } from './context.ts';
import { determineContraindications } from './determine-contraindications.ts';
import { determineEvidenceOfImmunity } from './determine-evidence-of-immunity.ts';
import { evaluateConditionalSkip } from './evaluate-conditional-skip.ts';
import { generateForecastDates, recommendedVaccines, type ForecastDates } from './forecast-dates.ts';
import type { Antigen, SeriesDose } from './supporting-data/model.ts';
import type { PatientSeriesForecast, RecommendedVaccine, Undetermined } from './types.ts';

/** FORECASTDN-1 */
export function forecastDoseNumber(run: SeriesRun): number {
  let n = 0;
  for (const td of run.targetDoses) {
    if (td.status !== 'Satisfied') continue;
    const start = td.seriesDose.seasonal?.startDate;
    if (start !== undefined) {
      const d = td.satisfiedBy !== undefined ? run.doses[td.satisfiedBy] : undefined;
      if (!d || d.date < start) continue;
    }
    n++;
  }
  return n + 1;
}

const NO_VACCINES: readonly RecommendedVaccine[] = Object.freeze([]);

/**
 * A patient series forecast. Every status uses this one class (a stable object shape); for 'Not
 * Complete' the recommended vaccines (FORECASTRECVAC-1) are worked out on first use.
 */
class SeriesForecast implements PatientSeriesForecast {
  readonly earliestDate: number | undefined = undefined;
  readonly unadjustedRecommendedDate: number | undefined = undefined;
  readonly recommendedDate: number | undefined = undefined;
  readonly unadjustedPastDueDate: number | undefined = undefined;
  readonly pastDueDate: number | undefined = undefined;
  readonly latestDate: number | undefined = undefined;
  readonly maxAgeDate: number | undefined = undefined;
  undetermined: readonly Undetermined[] | undefined = undefined;
  #vaccines: readonly RecommendedVaccine[] | undefined;
  readonly #run: SeriesRun | undefined;
  readonly #dates: ForecastDates | undefined;
  readonly #contraindicatedCvx: ReadonlySet<string> | undefined;
  constructor(
    readonly status: PatientSeriesForecast['status'],
    readonly reasons: readonly string[],
    readonly forecastDoseNumber: number | undefined,
    readonly targetDose: SeriesDose | undefined,
    readonly contraindications: readonly string[] | undefined,
    run: SeriesRun | undefined,
    dates: ForecastDates | undefined,
    contraindicatedCvx: ReadonlySet<string> | undefined,
  ) {
    this.#run = run;
    this.#dates = dates;
    this.#contraindicatedCvx = contraindicatedCvx;
    if (dates) {
      this.maxAgeDate = dates.maximumAgeDate;
      if (status === 'Not Complete') {
        this.earliestDate = dates.earliestDate;
        this.unadjustedRecommendedDate = dates.unadjustedRecommendedDate;
        this.recommendedDate = dates.recommendedDate;
        this.unadjustedPastDueDate = dates.unadjustedPastDueDate;
        this.pastDueDate = dates.pastDueDate;
        this.latestDate = dates.latestDate;
      }
    }
  }
  get recommendedVaccines(): readonly RecommendedVaccine[] {
    if (this.#vaccines === undefined) {
      this.#vaccines =
        this.status === 'Not Complete' && this.#run && this.targetDose && this.#dates
          ? recommendedVaccines(this.#run, this.targetDose, this.#dates, this.#contraindicatedCvx ?? new Set())
          : NO_VACCINES;
    }
    return this.#vaccines;
  }
  toJSON(): Record<string, unknown> {
    return {
      status: this.status,
      forecastDoseNumber: this.forecastDoseNumber,
      earliestDate: this.earliestDate,
      unadjustedRecommendedDate: this.unadjustedRecommendedDate,
      recommendedDate: this.recommendedDate,
      unadjustedPastDueDate: this.unadjustedPastDueDate,
      pastDueDate: this.pastDueDate,
      latestDate: this.latestDate,
      maxAgeDate: this.maxAgeDate,
      reasons: this.reasons,
      recommendedVaccines: this.recommendedVaccines,
      contraindications: this.contraindications,
      undetermined: this.undetermined,
      targetDose: this.targetDose?.doseNumber,
    };
  }
}

function ended(
  status: PatientSeriesForecast['status'],
  reasons: readonly string[],
  targetDose?: SeriesDose,
  dates?: ForecastDates,
  forecastNumber?: number,
  contraindications?: readonly string[],
): SeriesForecast {
  return new SeriesForecast(status, reasons, forecastNumber, targetDose, contraindications, undefined, dates, undefined);
}

/** The forecast with the 7.2 / 7.3 rows the engine could not decide attached (observations recorded as unknown). */
function withUndetermined(f: SeriesForecast, a: readonly Undetermined[] | undefined, b?: readonly Undetermined[]): SeriesForecast {
  if (a?.length || b?.length) f.undetermined = [...(a ?? []), ...(b ?? [])];
  return f;
}

export function forecastPatientSeries(run: SeriesRun, antigen: Antigen, startIndex: number): PatientSeriesForecast {
  const ctx = run.ctx;
  const tds = run.targetDoses;
  let t = startIndex;
  const reasons: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    // 7.1 conditional skip (context Forecast; CONDSKIP-2 reference date = assessment date)
    while (t < tds.length) {
      const td = tds[t];
      if (!td) break;
      const s = evaluateConditionalSkip(run, td.seriesDose, 'Forecast', ctx.assessmentDate, run.doses.length);
      if (!s.skipped) break;
      td.status = 'Skipped';
      reasons.push(`target dose ${td.seriesDose.doseNumber} skipped: ${s.because.join('; ')}`);
      t++;
    }
    const td = tds[t];
    let anySatisfied = false;
    for (const x of tds) if (x.status === 'Satisfied') anySatisfied = true;
    // 7.2 evidence of immunity
    const imm = determineEvidenceOfImmunity(ctx, antigen.immunity, antigen.name);
    if (imm.immune) return ended('Immune', [...reasons, `Patient has evidence of immunity: ${imm.because ?? ''}`]);
    // Table 7-10: no target dose left to satisfy
    if (!td) {
      if (anySatisfied) return ended('Complete', [...reasons, 'Patient series is complete'], undefined, undefined, forecastDoseNumber(run));
      return ended('Not Recommended', [...reasons, 'Not recommended at this time due to past immunization history']);
    }
    // 7.3 contraindications (Table 7-7)
    const ci = determineContraindications(ctx, antigen, td.seriesDose);
    if (ci.contraindicated)
      return withUndetermined(
        ended('Contraindicated', [...reasons, 'Patient has a contraindication'], td.seriesDose, undefined, undefined, ci.applying),
        imm.undetermined,
        ci.undetermined,
      );
    // 7.5 dates
    const dates = generateForecastDates(run, td.seriesDose);
    // 7.4 remaining rules of Table 7-10
    if (dates.seasonEndDate !== undefined && ctx.assessmentDate > dates.seasonEndDate) {
      return ended('Not Recommended', [...reasons, 'Past seasonal recommendation end date'], td.seriesDose, dates);
    }
    if (dates.maximumAgeDate !== undefined && ctx.assessmentDate >= dates.maximumAgeDate) {
      return ended('Aged Out', [...reasons, 'Patient has exceeded the maximum age'], td.seriesDose, dates);
    }
    if (dates.earliestDate >= (dates.maximumAgeDate ?? MAX_DATE)) {
      return ended('Aged Out', [...reasons, 'Patient is unable to finish the series prior to the maximum age'], td.seriesDose, dates);
    }
    // 7.6 validate recommendation: conditional skip with the earliest date as reference (7.6.1)
    const v = evaluateConditionalSkip(run, td.seriesDose, 'Forecast', dates.earliestDate, run.doses.length);
    if (v.skipped) {
      td.status = 'Skipped';
      reasons.push(`target dose ${td.seriesDose.doseNumber} skipped at the earliest date: ${v.because.join('; ')}`);
      t++;
      continue;
    }
    return withUndetermined(
      new SeriesForecast('Not Complete', reasons, forecastDoseNumber(run), td.seriesDose, ci.applying, run, dates, ci.contraindicatedCvx),
      imm.undetermined,
      ci.undetermined,
    );
  }
  throw new Error('forecast did not converge');
}
