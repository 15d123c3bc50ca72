/**
 * Runtime state shared by the evaluation / forecasting steps for one patient and one
 * relevant patient series.
 */
import type { DayNumber } from './date-arithmetic.ts';
import type { AntigenSeries, SupportingData } from './supporting-data/model.ts';
import type { AntigenDose, EvaluationReason, EvaluationStatus, RuleStep, Sex, TargetDoseState } from './types.ts';

/** One vaccine dose administered (any antigen), for conflicts and "from most recent" intervals. */
export interface PatientDose {
  readonly id: string;
  readonly index: number;
  readonly date: DayNumber;
  readonly cvx: string;
}

export interface PatientContext {
  readonly data: SupportingData;
  readonly dob: DayNumber;
  readonly sex: Sex;
  readonly countryOfBirth?: string;
  readonly assessmentDate: DayNumber;
  /** active observation code → most recent observation date (undefined when not dated) */
  readonly observations: ReadonlyMap<string, DayNumber | undefined>;
  /** observation codes recorded as unknown (clinical judgement needed) and not also recorded as active */
  readonly unknownObservations?: ReadonlySet<string>;
  /** all doses administered on or before the assessment date, sorted by date */
  readonly doses: readonly PatientDose[];
}

/** Mutable evaluation record of one antigen dose within one patient series. */
export interface EvalRecord {
  status: EvaluationStatus;
  reasons: EvaluationReason[];
  targetDose?: number;
  satisfied: boolean;
  inadvertent: boolean;
  explanation: string[];
  rulePath: RuleStep[];
}

export interface SeriesRun {
  readonly ctx: PatientContext;
  readonly series: AntigenSeries;
  /** antigen doses administered (4.2), sorted by date */
  readonly doses: readonly AntigenDose[];
  readonly targetDoses: TargetDoseState[];
  /** per antigen dose; undefined until evaluated */
  readonly evals: (EvalRecord | undefined)[];
  /** Completed Series condition support: is any relevant patient series of the group complete? */
  readonly isSeriesGroupComplete: (seriesGroup: string) => boolean;
}

/** RELEVANT-1 / RELEVANT-2: is a component with effective / cessation dates in force on the anchor date? */
export function isInForce(c: { readonly effectiveDate?: DayNumber; readonly cessationDate?: DayNumber }, anchor: DayNumber): boolean {
  if (c.effectiveDate !== undefined && anchor < c.effectiveDate) return false;
  if (c.cessationDate !== undefined && anchor > c.cessationDate) return false;
  return true;
}
