// CVX → vaccine groups and names, and the CDSi observation list, from the recommender's supporting data
// (the shared recommender, loaded once per process).

import { normalizeCvx, type SupportingData } from '@nutmeg/forecast';
import { sharedRecommender } from '../recommender/index.ts';

export function supportingData(): SupportingData {
  return sharedRecommender().data;
}

export interface VaccineInfo {
  cvx: string;
  name: string;
  /** CDSi vaccine group names ('DTaP/Tdap/Td', 'HepB', 'Polio' for Pediarix). */
  groups: string[];
}

const cache = new Map<string, VaccineInfo>();

/** Groups and short name of a CVX code; unknown codes get no group (they still print, under "Other"). */
export function vaccineInfo(cvx: string): VaccineInfo {
  const key = normalizeCvx(cvx);
  let v = cache.get(key);
  if (v) return v;
  const d = supportingData();
  const entry = d.cvxMap.get(key);
  const groups = new Set<string>();
  for (const a of entry?.associations ?? []) {
    const g = d.antigenToVaccineGroup.get(a.antigen);
    if (g) groups.add(g);
  }
  v = { cvx: key, name: entry?.shortDescription ?? `CVX ${cvx}`, groups: [...groups] };
  cache.set(key, v);
  return v;
}

export function observationTitle(code: string): string | undefined {
  return supportingData().observations.get(code)?.title;
}

export function vaccineGroupNames(): string[] {
  return [...supportingData().vaccineGroups.keys()];
}
