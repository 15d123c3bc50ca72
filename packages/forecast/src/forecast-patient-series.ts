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
import type { PatientSeriesForecast, RecommendedVaccine } from './types.ts';

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

/** A 'Not Complete' patient series forecast; recommended vaccines (FORECASTRECVAC-1) are worked out on first use. */
class NotCompleteForecast implements PatientSeriesForecast {
  readonly status = 'Not Complete' as const;
  readonly earliestDate: number;
  readonly unadjustedRecommendedDate: number;
  readonly recommendedDate: number;
  readonly unadjustedPastDueDate?: number;
  readonly pastDueDate?: number;
  readonly latestDate?: number;
  readonly maxAgeDate?: number;
  #vaccines: RecommendedVaccine[] | undefined;
  constructor(
    private readonly run: SeriesRun,
    readonly targetDose: SeriesDose,
    private readonly dates: ForecastDates,
    private readonly contraindicatedCvx: ReadonlySet<string>,
    readonly forecastDoseNumber: number,
    readonly reasons: readonly string[],
    readonly contraindications: readonly string[],
  ) {
    this.earliestDate = dates.earliestDate;
    this.unadjustedRecommendedDate = dates.unadjustedRecommendedDate;
    this.recommendedDate = dates.recommendedDate;
    this.unadjustedPastDueDate = dates.unadjustedPastDueDate;
    this.pastDueDate = dates.pastDueDate;
    this.latestDate = dates.latestDate;
    this.maxAgeDate = dates.maximumAgeDate;
  }
  get recommendedVaccines(): RecommendedVaccine[] {
    this.#vaccines ??= recommendedVaccines(this.run, this.targetDose, this.dates, this.contraindicatedCvx);
    return this.#vaccines;
  }
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
    const imm = determineEvidenceOfImmunity(ctx, antigen.immunity);
    if (imm.immune) return { status: 'Immune', reasons: [...reasons, 'Patient has evidence of immunity'], recommendedVaccines: [] };
    // Table 7-10: no target dose left to satisfy
    if (!td) {
      if (anySatisfied) return { status: 'Complete', forecastDoseNumber: forecastDoseNumber(run), reasons: [...reasons, 'Patient series is complete'], recommendedVaccines: [] };
      return { status: 'Not Recommended', reasons: [...reasons, 'Not recommended at this time due to past immunization history'], recommendedVaccines: [] };
    }
    // 7.3 contraindications (Table 7-7)
    const ci = determineContraindications(ctx, antigen, td.seriesDose);
    if (ci.contraindicated) return { status: 'Contraindicated', reasons: [...reasons, 'Patient has a contraindication'], contraindications: ci.applying, recommendedVaccines: [], targetDose: td.seriesDose };
    // 7.5 dates
    const dates = generateForecastDates(run, td.seriesDose);
    // 7.4 remaining rules of Table 7-10
    if (dates.seasonEndDate !== undefined && ctx.assessmentDate > dates.seasonEndDate) {
      return { status: 'Not Recommended', reasons: [...reasons, 'Past seasonal recommendation end date'], recommendedVaccines: [], targetDose: td.seriesDose };
    }
    if (dates.maximumAgeDate !== undefined && ctx.assessmentDate >= dates.maximumAgeDate) {
      return { status: 'Aged Out', reasons: [...reasons, 'Patient has exceeded the maximum age'], recommendedVaccines: [], targetDose: td.seriesDose, maxAgeDate: dates.maximumAgeDate };
    }
    if (dates.earliestDate >= (dates.maximumAgeDate ?? MAX_DATE)) {
      return { status: 'Aged Out', reasons: [...reasons, 'Patient is unable to finish the series prior to the maximum age'], recommendedVaccines: [], targetDose: td.seriesDose, maxAgeDate: dates.maximumAgeDate };
    }
    // 7.6 validate recommendation: conditional skip with the earliest date as reference (7.6.1)
    const v = evaluateConditionalSkip(run, td.seriesDose, 'Forecast', dates.earliestDate, run.doses.length);
    if (v.skipped) {
      td.status = 'Skipped';
      reasons.push(`target dose ${td.seriesDose.doseNumber} skipped at the earliest date: ${v.because.join('; ')}`);
      t++;
      continue;
    }
    return new NotCompleteForecast(run, td.seriesDose, dates, ci.contraindicatedCvx, forecastDoseNumber(run), reasons, ci.applying);
  }
  throw new Error('forecast did not converge');
}
