// The vaccine picker's search: the code set is ~630 kB, too large for the browser, so the server searches it.
import type { VaccineChoices } from '@nutmeg/api-types';
import { searchVaccines } from '@nutmeg/codes';
import type { VaccineSearchQuery } from './codes.schemas.ts';
import { presentVaccineChoice } from './vaccine.present.ts';

/**
 * Vaccines matching a name, trade name, CVX or NDC, active products first. An administered dose offers only
 * products (no unspecified formulation or non-vaccine code); a historical one offers those too, and inactive
 * vaccines, marked as such.
 */
export function findVaccines(query: VaccineSearchQuery): VaccineChoices {
  const matches = searchVaccines(query.q, {
    limit: query.limit,
    administered: query.kind === 'administered',
    ...(query.date ? { onDate: query.date } : {}),
  });
  return { query: query.q, choices: matches.map(presentVaccineChoice) };
}
