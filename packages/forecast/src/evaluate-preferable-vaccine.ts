/**
 * 6.8 Evaluate For Preferable Vaccine (Table 6-26) and 6.9 Evaluate For Allowable Vaccine
 * (Table 6-29).
 */
import { addDuration, MAX_DATE, MIN_DATE, type DayNumber } from './date-arithmetic.ts';
import type { SeriesDose, SeriesVaccine } from './supporting-data/model.ts';
import type { AntigenDose } from './types.ts';

export interface VaccineCheck {
  readonly ok: boolean;
  readonly lowVolume: boolean;
  readonly explanation: string;
  readonly vaccine?: SeriesVaccine;
}

function inAgeRange(v: SeriesVaccine, dob: DayNumber, date: DayNumber): boolean {
  const begin = v.beginAge ? addDuration(dob, v.beginAge) : MIN_DATE; // CALCDTPREF-1 / CALCDTALLOW-1
  const end = v.endAge ? addDuration(dob, v.endAge) : MAX_DATE; // CALCDTPREF-2 / CALCDTALLOW-2
  return begin <= date && date < end;
}

const PREFERABLE_OK = 'preferable vaccine';
const ALLOWABLE_OK = 'allowable vaccine';

export function evaluatePreferableVaccine(dose: AntigenDose, seriesDose: SeriesDose, dob: DayNumber): VaccineCheck {
  let typeFound = false;
  for (const v of seriesDose.preferableVaccines) {
    if (v.cvx !== dose.cvx) continue;
    typeFound = true;
    if (!inAgeRange(v, dob, dose.date)) continue;
    if (v.tradeName && dose.tradeName && v.tradeName.toLowerCase() !== dose.tradeName.toLowerCase()) continue;
    const lowVolume = v.volume !== undefined && dose.volume !== undefined && dose.volume < v.volume;
    return { ok: true, lowVolume, vaccine: v, explanation: PREFERABLE_OK };
  }
  if (!typeFound) return { ok: false, lowVolume: false, explanation: `CVX ${dose.cvx} is not a preferable vaccine` };
  return { ok: false, lowVolume: false, explanation: `CVX ${dose.cvx} was administered outside the preferable age range or trade name` };
}

export function evaluateAllowableVaccine(dose: AntigenDose, seriesDose: SeriesDose, dob: DayNumber): VaccineCheck {
  let typeFound = false;
  for (const v of seriesDose.allowableVaccines) {
    if (v.cvx !== dose.cvx) continue;
    typeFound = true;
    if (inAgeRange(v, dob, dose.date)) return { ok: true, lowVolume: false, vaccine: v, explanation: ALLOWABLE_OK };
  }
  if (!typeFound) return { ok: false, lowVolume: false, explanation: `CVX ${dose.cvx} is not an allowable vaccine` };
  return { ok: false, lowVolume: false, explanation: `CVX ${dose.cvx} was administered outside the allowable age range` };
}
