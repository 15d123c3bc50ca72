/**
 * 6.3 Evaluate For Inadvertent Vaccine (Table 6-13).
 */
import type { SeriesDose } from './supporting-data/model.ts';
import type { AntigenDose } from './types.ts';

export function isInadvertentVaccine(dose: AntigenDose, seriesDose: SeriesDose): boolean {
  return seriesDose.inadvertentVaccines.has(dose.cvx);
}
