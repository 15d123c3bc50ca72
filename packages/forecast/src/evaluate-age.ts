/**
 * 6.4 Evaluate Age (Table 6-15) with CALCDTAGE-1, -4, -5.
 */
import { addDuration, MAX_DATE, MIN_DATE, type DayNumber } from './date-arithmetic.ts';
import { isInForce } from './context.ts';
import type { AgeSpec, SeriesDose } from './supporting-data/model.ts';

export type AgeOutcome = 'Too Young' | 'Grace Period' | 'Valid' | 'Too Old';

export interface AgeEvaluation {
  readonly outcome: AgeOutcome;
  readonly absoluteMinimumAgeDate: DayNumber;
  readonly minimumAgeDate: DayNumber;
  readonly maximumAgeDate: DayNumber;
  readonly age?: AgeSpec;
}

/** RELEVANT-1 / RELEVANT-2: the age instance in force on the anchor date. */
export function selectAge(seriesDose: SeriesDose, anchor: DayNumber): AgeSpec | undefined {
  return seriesDose.ages.find((a) => isInForce(a, anchor));
}

export function evaluateAge(dob: DayNumber, age: AgeSpec | undefined, dateAdministered: DayNumber): AgeEvaluation {
  const absMin = age?.absMinAge ? addDuration(dob, age.absMinAge) : MIN_DATE; // CALCDTAGE-5
  const min = age?.minAge ? addDuration(dob, age.minAge) : MIN_DATE; // CALCDTAGE-4
  const max = age?.maxAge ? addDuration(dob, age.maxAge) : MAX_DATE; // CALCDTAGE-1
  let outcome: AgeOutcome;
  if (dateAdministered < absMin) outcome = 'Too Young';
  else if (dateAdministered < min) outcome = 'Grace Period';
  else if (dateAdministered < max) outcome = 'Valid';
  else outcome = 'Too Old';
  return { outcome, absoluteMinimumAgeDate: absMin, minimumAgeDate: min, maximumAgeDate: max, age };
}
