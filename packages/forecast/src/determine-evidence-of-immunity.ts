/**
 * 7.2 Determine Evidence Of Immunity (Table 7-3).
 */
import type { PatientContext } from './context.ts';
import { formatIsoDate } from './date-arithmetic.ts';
import type { Immunity } from './supporting-data/model.ts';
import type { Undetermined } from './types.ts';

export interface ImmunityOutcome {
  readonly immune: boolean;
  readonly because?: string;
  /** immunity guidelines or exclusion conditions recorded as unknown: the engine could not decide (not immune) */
  readonly undetermined?: readonly Undetermined[];
}

function sameCountry(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const na = n(a);
  const nb = n(b);
  const us = new Set(['us', 'usa', 'unitedstates', 'unitedstatesofamerica']);
  return na === nb || (us.has(na) && us.has(nb));
}

const NOT_IMMUNE: ImmunityOutcome = { immune: false };

export function determineEvidenceOfImmunity(ctx: PatientContext, immunity: Immunity, antigen = ''): ImmunityOutcome {
  const unknown = ctx.unknownObservations;
  const undetermined: Undetermined[] = [];
  // Table 7-3 rule 1: clinical history contains an immunity guideline
  for (const g of immunity.clinicalHistory) {
    if (ctx.observations.has(g.code)) return { immune: true, because: `clinical history: ${g.title}` };
    if (unknown?.has(g.code)) undetermined.push({ code: g.code, kind: 'evidence of immunity', antigens: [antigen], text: g.title });
  }
  for (const b of immunity.dateOfBirth) {
    if (!(ctx.dob < b.immunityBirthDate)) continue; // rule 5
    if (b.exclusions.some((x) => ctx.observations.has(x.code))) continue; // rule 2: exclusion condition
    // The table has no row for an exclusion condition that is unknown: the birth date alone is not taken as
    // evidence (to avoid a missed dose, as 7.3 does for contraindications), and the clinician is told.
    const unknownExclusion = b.exclusions.find((x) => unknown?.has(x.code));
    if (unknownExclusion) {
      undetermined.push({
        code: unknownExclusion.code,
        kind: 'evidence of immunity',
        antigens: [antigen],
        text: `born before ${formatIsoDate(b.immunityBirthDate)}, but the immunity exclusion condition "${unknownExclusion.title}" is unknown`,
      });
      continue;
    }
    // rules 3/4: country of birth must match when the data names one. An unknown country of birth is not held
    // against the patient (the CDC cases carry none), but the reason says so, for the clinician to confirm.
    if (b.birthCountry !== '' && ctx.countryOfBirth !== undefined && !sameCountry(b.birthCountry, ctx.countryOfBirth)) continue;
    const where =
      b.birthCountry === ''
        ? ''
        : ctx.countryOfBirth === undefined
          ? ` (country of birth not recorded: taken as ${b.birthCountry})`
          : ` in ${b.birthCountry}`;
    return { immune: true, because: `born before ${formatIsoDate(b.immunityBirthDate)}${where}` };
  }
  return undetermined.length > 0 ? { immune: false, undetermined } : NOT_IMMUNE;
}
