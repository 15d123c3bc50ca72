// A patient's birth country (PID-23, FHIR patient-birthPlace) as an ISO 3166-1 alpha-3 code. The registry stores
// the code as reported; these are the names of the countries Connecticut's registry sees most. Any other code is
// shown as given rather than guessed.

/** ISO 3166-1 alpha-3 code → English name, for the birth countries most often reported in Connecticut. */
export const COUNTRIES: Readonly<Record<string, string>> = {
  USA: 'United States',
  MEX: 'Mexico',
  PRT: 'Portugal',
  BRA: 'Brazil',
  CHN: 'China',
  IND: 'India',
  VNM: 'Vietnam',
  KOR: 'South Korea',
  HTI: 'Haiti',
  POL: 'Poland',
  PRI: 'Puerto Rico',
  DOM: 'Dominican Republic',
};

/** 'USA' → 'United States' (any case); a code not in the list is shown as given. */
export function countryLabel(code: string): string {
  return COUNTRIES[code.toUpperCase()] ?? code;
}
