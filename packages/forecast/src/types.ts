/**
 * Public input / output types of the forecasting engine.
 */
import type { DayNumber } from './date-arithmetic.ts';
import type { AntigenSeries, SeriesDose, SeriesType, SeriesVaccine } from './supporting-data/model.ts';

export type Sex = 'F' | 'M' | 'U';

export interface PatientInput {
  /** 'YYYY-MM-DD' */
  readonly dob: string;
  readonly sex: Sex;
  readonly countryOfBirth?: string;
}

export interface ObservationInput {
  /** CDSi observation code, e.g. "042" */
  readonly code: string;
  /** 'YYYY-MM-DD' when known (used by intervals "from relevant observation") */
  readonly date?: string | null;
  /**
   * 'active' (default): the patient has the observation. 'unknown': a clinician could not determine whether the
   * patient has it (clinical judgement needed). CDSi's "Unknown" rows (Tables 5-4, 7-5, 7-6): an indication or
   * contraindication that only an unknown observation describes is not applied, and its text is returned in
   * `undetermined` for manual determination.
   */
  readonly status?: 'active' | 'unknown';
}

/** Something the engine could not decide because an observation was recorded as unknown (for the clinician). */
export interface Undetermined {
  /** the CDSi observation code recorded as unknown */
  readonly code: string;
  /** Table 5-4 indication, Table 7-5 antigen / Table 7-6 vaccine contraindication, Table 7-3 evidence of immunity */
  readonly kind: 'indication' | 'antigen contraindication' | 'vaccine contraindication' | 'evidence of immunity';
  /** the antigens it concerns (one entry per text: the vaccine group lists every antigen it applies to) */
  readonly antigens: readonly string[];
  /** the indication / contraindication text description (or immunity guideline) for manual determination */
  readonly text: string;
  /** indication: the risk series that would apply; vaccine contraindication: the CVX codes it names */
  readonly detail?: string;
}

export interface DoseInput {
  readonly id: string;
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly cvx: string;
  readonly mvx?: string | null;
  readonly tradeName?: string | null;
  readonly volume?: number | null;
  /** 'YYYY-MM-DD' or 'YYYY-MM' (CALCDTLOTEXP-1) */
  readonly lotExpiration?: string | null;
  /** dose condition flag (recall, cold chain, sub-potent …) */
  readonly subStandard?: boolean | null;
}

export interface ForecastInput {
  readonly patient: PatientInput;
  readonly observations?: readonly ObservationInput[];
  readonly doses: readonly DoseInput[];
  /** 'YYYY-MM-DD' — "today" */
  readonly assessmentDate: string;
  /** Restrict the work to these vaccine groups (default: all). */
  readonly vaccineGroups?: readonly string[];
  /**
   * Season dates that replace the supporting data's seasonal recommendation of a vaccine group (e.g. a
   * health department's dates for an influenza season the installed release does not describe). Only
   * series doses that have a seasonal recommendation in the release take them.
   */
  readonly seasons?: readonly SeasonDates[];
}

export interface SeasonDates {
  /** CDSi vaccine group name, e.g. 'Influenza' */
  readonly vaccineGroup: string;
  /** 'YYYY-MM-DD' */
  readonly startDate: string;
  /** 'YYYY-MM-DD' */
  readonly endDate: string;
}

export type EvaluationStatus = 'Valid' | 'Not Valid' | 'Extraneous' | 'Sub-standard';
export type TargetDoseStatus = 'Not Satisfied' | 'Satisfied' | 'Skipped';
export type SeriesStatus = 'Not Complete' | 'Complete' | 'Immune' | 'Contraindicated' | 'Aged Out' | 'Not Recommended';

/** Evaluation reasons, labelled as in the CDC test cases. */
export type EvaluationReason =
  | 'Sub-standard'
  | 'Expired'
  | 'Inadvertent Vaccine'
  | 'Age: Too Young'
  | 'Age: Grace Period'
  | 'Age: Too Old'
  | 'Interval: Too Soon'
  | 'Interval: Grace Period'
  | 'Live Virus Conflict'
  | 'Not a preferable or allowable vaccine'
  | 'Volume administered is less than recommended volume'
  | 'Series Already Complete';

/** One step of the rule path followed when evaluating a dose. */
export interface RuleStep {
  /** Spec section, e.g. "6.4" */
  readonly section: string;
  /** Business rule / decision table ids, e.g. ["CALCDTAGE-5", "Table 6-15"] */
  readonly rules: readonly string[];
  readonly outcome: string;
}

/** Internal record: one antigen of one administered dose (4.2). */
export interface AntigenDose {
  readonly doseId: string;
  readonly doseIndex: number;
  readonly date: DayNumber;
  readonly cvx: string;
  readonly mvx?: string;
  readonly tradeName?: string;
  readonly volume?: number;
  readonly lotExpiration?: DayNumber;
  readonly subStandard: boolean;
  readonly antigen: string;
}

export interface DoseEvaluation {
  readonly doseId: string;
  readonly date: string;
  readonly cvx: string;
  readonly antigen: string;
  readonly status: EvaluationStatus;
  readonly reasons: readonly EvaluationReason[];
  /** 1-based dose number of the target dose evaluated against (undefined when extraneous after completion) */
  readonly targetDose?: number;
  /** true when this dose satisfied the target dose */
  readonly satisfiedTargetDose: boolean;
  readonly seriesName: string;
  readonly seriesType: SeriesType;
  /** human readable explanation */
  readonly explanation: string;
  readonly rulePath: readonly RuleStep[];
}

export interface TargetDoseState {
  readonly seriesDose: SeriesDose;
  status: TargetDoseStatus;
  /** index into the antigen dose list of the dose that satisfied it */
  satisfiedBy?: number;
  /** recurring copies */
  readonly copy: number;
}

export interface RecommendedVaccine {
  readonly cvx: string;
  readonly vaccineType: string;
}

export interface PatientSeriesForecast {
  readonly status: SeriesStatus;
  /** forecast dose number (FORECASTDN-1); undefined when no dose is forecast */
  readonly forecastDoseNumber?: number;
  readonly earliestDate?: DayNumber;
  readonly unadjustedRecommendedDate?: DayNumber;
  readonly recommendedDate?: DayNumber;
  readonly unadjustedPastDueDate?: DayNumber;
  readonly pastDueDate?: DayNumber;
  readonly latestDate?: DayNumber;
  readonly reasons: readonly string[];
  readonly recommendedVaccines: readonly RecommendedVaccine[];
  /** texts of contraindications that apply to the patient for this antigen (7.3), if any */
  readonly contraindications?: readonly string[];
  /** 7.2 / 7.3 rows the engine could not decide (an observation recorded as unknown) */
  readonly undetermined?: readonly Undetermined[];
  /** series dose being forecast */
  readonly targetDose?: SeriesDose;
  readonly maxAgeDate?: DayNumber;
}

export interface PatientSeriesResult {
  readonly series: AntigenSeries;
  readonly antigen: string;
  readonly targetDoses: readonly TargetDoseState[];
  readonly evaluations: readonly DoseEvaluation[];
  readonly forecast: PatientSeriesForecast;
  /** SELECTB-21 */
  readonly validDoseCount: number;
  /** SELECTB-2 */
  readonly allDosesValid: boolean;
  readonly firstValidDoseDate?: DayNumber;
  /** scoring notes (chapter 8) */
  score?: number;
  scoreNotes?: string[];
}

export interface AntigenResult {
  readonly antigen: string;
  /**
   * The relevant patient series that were forecast. Series that can never be selected (a non-default
   * standard series without valid doses next to one with valid doses, or without any dose next to a
   * default series; evaluation-only series without valid doses) are not forecast and not listed.
   */
  readonly relevantSeries: readonly PatientSeriesResult[];
  readonly bestSeries: readonly PatientSeriesResult[];
  /** risk indications recorded for the patient that did not apply because of the patient's age (Table 5-4 rule 4) */
  readonly unresolvedIndications: readonly string[];
  /** Table 5-4 "Unknown": risk series not made relevant because their only indication was recorded as unknown */
  readonly undeterminedIndications: readonly Undetermined[];
}

export interface VaccineGroupForecast {
  readonly vaccineGroup: string;
  /** 'Standard' | 'Risk' | 'Evaluation Only' — a group can have one forecast per series type */
  readonly seriesType: SeriesType;
  readonly status: SeriesStatus;
  readonly forecastDoseNumber?: number;
  readonly earliestDate?: string;
  readonly recommendedDate?: string;
  readonly pastDueDate?: string;
  readonly latestDate?: string;
  readonly unadjustedRecommendedDate?: string;
  readonly unadjustedPastDueDate?: string;
  readonly recommendedVaccines: readonly RecommendedVaccine[];
  readonly recommendedAntigens: readonly string[];
  readonly reasons: readonly string[];
  readonly administrativeGuidance: readonly string[];
  /**
   * For the clinician: contraindications that apply (7.3; a vaccine contraindication removes that
   * vaccine from the recommendation) and risk indications recorded for the patient that the engine
   * did not apply (Table 5-4, e.g. outside the indication's age range).
   */
  readonly clinicalJudgement: readonly string[];
  /**
   * What the engine could not decide: indications, contraindications and evidence of immunity described only by
   * observations recorded as unknown (Tables 5-4, 7-3, 7-5, 7-6). The forecast is made without them.
   */
  readonly undetermined: readonly Undetermined[];
  /** the best series of the group behind this forecast (single antigen groups: all best series; the forecast dates come from the risk ones when present) */
  readonly bestSeries: readonly { readonly antigen: string; readonly series: string; readonly status: SeriesStatus }[];
}

export interface ForecastResult {
  readonly assessmentDate: string;
  readonly supportingDataVersion: string;
  /** evaluations of the doses in the best series of each antigen */
  readonly evaluations: readonly DoseEvaluation[];
  readonly antigens: readonly AntigenResult[];
  readonly vaccineGroups: readonly VaccineGroupForecast[];
  /** doses whose CVX is not in the CVX → antigen map */
  readonly unmappedDoses: readonly string[];
}

export type { SeriesVaccine };
