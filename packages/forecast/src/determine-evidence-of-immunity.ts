/**
 * 7.2 Determine Evidence Of Immunity (Table 7-3).
 */
import type { PatientContext } from './context.ts';
import type { Immunity } from './supporting-data/model.ts';

export interface ImmunityOutcome {
  readonly immune: boolean;
  readonly because?: string;
}

function sameCountry(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const na = n(a);
  const nb = n(b);
  const us = new Set(['us', 'usa', 'unitedstates', 'unitedstatesofamerica']);
  return na === nb || (us.has(na) && us.has(nb));
}

export function determineEvidenceOfImmunity(ctx: PatientContext, immunity: Immunity): ImmunityOutcome {
  // Table 7-3 rule 1: clinical history contains an immunity guideline
  for (const g of immunity.clinicalHistory) {
    if (ctx.observations.has(g.code)) return { immune: true, because: `clinical history: ${g.title}` };
  }
  for (const b of immunity.dateOfBirth) {
    if (!(ctx.dob < b.immunityBirthDate)) continue; // rule 5
    if (b.exclusions.some((x) => ctx.observations.has(x.code))) continue; // rule 2: exclusion condition
    // rules 3/4: country of birth must match when the data names one; an unknown country of birth is not held against the patient
    if (b.birthCountry !== '' && ctx.countryOfBirth !== undefined && !sameCountry(b.birthCountry, ctx.countryOfBirth)) continue;
    return { immune: true, because: `born before the immunity birth date${b.birthCountry ? ` in ${b.birthCountry}` : ''}` };
  }
  return { immune: false };
}
