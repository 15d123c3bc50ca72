import type { VaccineChoice } from '@nutmeg/api-types';
import type { VaccineMatch } from '@nutmeg/codes';

/** A search match as the picker lists it: every field that leaves the server, nothing of the NDC record beyond its code. */
export function presentVaccineChoice(m: VaccineMatch): VaccineChoice {
  return {
    cvx: m.cvx.code,
    label: m.label,
    matchedBy: m.matchedBy,
    active: m.active,
    conceptType: m.cvx.conceptType ?? null,
    tradeName: m.tradeName ?? null,
    mvx: m.mvx ?? null,
    ndc: m.ndc?.ndc ?? null,
  };
}
