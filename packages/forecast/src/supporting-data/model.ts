/**
 * Typed model of the CDSi Supporting Data (antigen + schedule XML), already parsed into
 * day-number friendly values (durations, dates, sets) with precomputed lookup maps.
 */
import type { DayNumber, Duration } from '../date-arithmetic.ts';

export type SeriesType = 'Standard' | 'Risk' | 'Evaluation Only';
export type SkipContext = 'Evaluation' | 'Forecast' | 'Both';
export type Logic = 'AND' | 'OR';

export interface AgeSpec {
  readonly absMinAge?: Duration;
  readonly minAge?: Duration;
  readonly earliestRecAge?: Duration;
  readonly latestRecAge?: Duration;
  readonly maxAge?: Duration;
  readonly effectiveDate?: DayNumber;
  readonly cessationDate?: DayNumber;
}

export interface IntervalSpec {
  readonly fromPrevious: boolean;
  /** 1-based target dose number in series */
  readonly fromTargetDose?: number;
  /** CVX codes of the "from most recent vaccine type" */
  readonly fromMostRecent?: readonly string[];
  readonly fromRelevantObs?: { readonly code: string; readonly text: string };
  readonly absMinInt?: Duration;
  readonly minInt?: Duration;
  readonly earliestRecInt?: Duration;
  readonly latestRecInt?: Duration;
  /** interval priority flag ('override' in the data) */
  readonly priority: boolean;
  readonly effectiveDate?: DayNumber;
  readonly cessationDate?: DayNumber;
}

export interface SeriesVaccine {
  readonly vaccineType: string;
  readonly cvx: string;
  readonly beginAge?: Duration;
  readonly endAge?: Duration;
  readonly tradeName?: string;
  readonly mvx?: string;
  readonly volume?: number;
  readonly forecastVaccineType: boolean;
}

export type ConditionType =
  'Age' | 'Completed Series' | 'Interval' | 'Vaccine Count by Age' | 'Vaccine Count by Date' | 'Vaccine Count by Date and Age';

export interface SkipCondition {
  readonly id: string;
  readonly type: ConditionType;
  readonly startDate?: DayNumber;
  readonly endDate?: DayNumber;
  readonly beginAge?: Duration;
  readonly endAge?: Duration;
  readonly interval?: Duration;
  readonly doseCount?: number;
  readonly doseType: 'Valid' | 'Total';
  readonly doseCountLogic: 'greater than' | 'equal to' | 'less than';
  readonly vaccineTypes: ReadonlySet<string>;
  readonly seriesGroups: readonly string[];
}

export interface SkipSet {
  readonly id: string;
  readonly description: string;
  readonly effectiveDate?: DayNumber;
  readonly cessationDate?: DayNumber;
  readonly conditionLogic: Logic;
  readonly conditions: readonly SkipCondition[];
}

export interface ConditionalSkip {
  readonly context: SkipContext;
  readonly setLogic: Logic;
  readonly sets: readonly SkipSet[];
}

export interface SeriesDose {
  /** 1-based */
  readonly doseNumber: number;
  readonly ages: readonly AgeSpec[];
  readonly intervals: readonly IntervalSpec[];
  readonly allowableIntervals: readonly IntervalSpec[];
  readonly preferableVaccines: readonly SeriesVaccine[];
  readonly allowableVaccines: readonly SeriesVaccine[];
  readonly inadvertentVaccines: ReadonlySet<string>;
  readonly conditionalSkips: readonly ConditionalSkip[];
  readonly recurring: boolean;
  readonly seasonal?: { readonly startDate?: DayNumber; readonly endDate?: DayNumber };
}

export interface Indication {
  readonly code: string;
  readonly text: string;
  readonly description: string;
  readonly beginAge?: Duration;
  readonly endAge?: Duration;
  readonly guidance: string;
}

export interface AntigenSeries {
  readonly name: string;
  readonly antigen: string;
  readonly vaccineGroup: string;
  readonly adminGuidance: readonly string[];
  readonly type: SeriesType;
  readonly equivalentSeriesGroups: readonly string[];
  /** 'Female' | 'Male' | 'Unknown'; empty = any gender */
  readonly requiredGenders: readonly string[];
  readonly defaultSeries: boolean;
  readonly productPath: boolean;
  readonly seriesGroupName: string;
  readonly seriesGroup: string;
  readonly seriesPriority: string;
  readonly seriesPreference: number;
  readonly minAgeToStart?: Duration;
  readonly maxAgeToStart?: Duration;
  readonly indications: readonly Indication[];
  readonly doses: readonly SeriesDose[];
}

export interface AntigenContraindication {
  readonly code: string;
  readonly title: string;
  readonly text: string;
  readonly guidance: string;
  readonly beginAge?: Duration;
  readonly endAge?: Duration;
}

export interface VaccineContraindication {
  readonly code: string;
  readonly title: string;
  readonly text: string;
  readonly guidance: string;
  readonly vaccines: readonly {
    readonly vaccineType: string;
    readonly cvx: string;
    readonly beginAge?: Duration;
    readonly endAge?: Duration;
  }[];
}

export interface Immunity {
  readonly clinicalHistory: readonly { readonly code: string; readonly title: string }[];
  readonly dateOfBirth: readonly {
    readonly immunityBirthDate: DayNumber;
    readonly birthCountry: string;
    readonly exclusions: readonly { readonly code: string; readonly title: string }[];
  }[];
}

export interface Antigen {
  readonly name: string;
  readonly fileName: string;
  readonly immunity: Immunity;
  readonly antigenContraindications: readonly AntigenContraindication[];
  readonly vaccineContraindications: readonly VaccineContraindication[];
  readonly series: readonly AntigenSeries[];
}

export interface LiveVirusConflict {
  readonly previousVaccineType: string;
  readonly previousCvx: string;
  readonly currentVaccineType: string;
  readonly currentCvx: string;
  readonly conflictBeginInterval?: Duration;
  readonly minConflictEndInterval?: Duration;
  readonly conflictEndInterval?: Duration;
}

export interface VaccineGroup {
  readonly name: string;
  readonly administerFullVaccineGroup: boolean;
  readonly antigens: readonly string[];
}

export interface CvxAssociation {
  readonly antigen: string;
  readonly beginAge?: Duration;
  readonly endAge?: Duration;
}

export interface CvxEntry {
  readonly cvx: string;
  readonly shortDescription: string;
  readonly associations: readonly CvxAssociation[];
}

export interface Observation {
  readonly code: string;
  readonly title: string;
  readonly group: string;
  readonly indicationText: string;
  readonly contraindicationText: string;
  readonly clarifyingText: string;
  /** The codes a message may carry for it (SNOMED, CDCPHINVS…), from the release's codedValues. */
  readonly codedValues: readonly { readonly code: string; readonly codeSystem: string }[];
}

export interface SupportingDataCounts {
  readonly antigens: number;
  readonly series: number;
  readonly targetDoses: number;
  readonly cvxMappings: number;
  readonly vaccineGroups: number;
  readonly liveVirusConflicts: number;
  readonly observations: number;
}

export interface SupportingData {
  /** e.g. "4.64" (from the file names / caller) */
  readonly version: string;
  readonly counts: SupportingDataCounts;
  readonly antigens: ReadonlyMap<string, Antigen>;
  readonly vaccineGroups: ReadonlyMap<string, VaccineGroup>;
  /** antigen name → vaccine group name */
  readonly antigenToVaccineGroup: ReadonlyMap<string, string>;
  readonly cvxMap: ReadonlyMap<string, CvxEntry>;
  /** current (impacted) CVX → conflicts */
  readonly conflictsByCurrentCvx: ReadonlyMap<string, readonly LiveVirusConflict[]>;
  readonly liveVirusConflicts: readonly LiveVirusConflict[];
  readonly observations: ReadonlyMap<string, Observation>;
}
