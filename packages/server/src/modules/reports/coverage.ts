// Coverage assessment rules (pure): which measures a cohort is assessed on, when a person meets one, and the
// shares by area. Counting rules (shown with every report):
// - the cohort is everyone in scope whose age in whole months on the assessment date is within the band;
// - a dose counts when the CDSi evaluation found it valid for the group (stored with the forecast) and it was
//   given on or before the assessment date;
// - a measure is met with at least its number of such doses; a series the stored forecast calls Complete
//   (Hib, PCV, HPV: fewer doses can complete them) or Immune (varicella) counts when the assessment date is the
//   day the forecast was stored for or later (a past date in a trend counts doses only);
// - the combined series (4:3:1:3:3:1:4; adolescents Tdap, MenACWY, HPV) is met when every measure is.
import type { CoverageMeasure, CoveragePreset } from '@nutmeg/api-types';

export interface MeasureRule {
  key: string;
  label: string;
  group: string;
  doses: number;
  /** Doses count only from this age (Tdap and MenACWY for adolescents: from the 10th / 11th birthday). */
  fromAgeYears?: number;
  /** Stored statuses that meet the measure whatever the count. */
  statuses?: readonly string[];
}

export const MEASURES: Record<CoveragePreset, readonly MeasureRule[]> = {
  child: [
    { key: 'dtap', label: '4+ DTaP', group: 'DTaP/Tdap/Td', doses: 4 },
    { key: 'polio', label: '3+ Polio', group: 'Polio', doses: 3 },
    { key: 'mmr', label: '1+ MMR', group: 'MMR', doses: 1, statuses: ['Immune'] },
    { key: 'hib', label: 'Hib (3+ or complete)', group: 'Hib', doses: 3, statuses: ['Complete'] },
    { key: 'hepb', label: '3+ HepB', group: 'HepB', doses: 3, statuses: ['Immune'] },
    { key: 'varicella', label: '1+ Varicella', group: 'Varicella', doses: 1, statuses: ['Immune'] },
    { key: 'pcv', label: 'PCV (4+ or complete)', group: 'Pneumococcal', doses: 4, statuses: ['Complete'] },
  ],
  adolescent: [
    { key: 'tdap', label: '1+ Tdap at 10+ years', group: 'DTaP/Tdap/Td', doses: 1, fromAgeYears: 10 },
    { key: 'menacwy', label: '1+ MenACWY at 10+ years', group: 'Meningococcal', doses: 1, fromAgeYears: 10 },
    { key: 'hpv', label: 'HPV series complete', group: 'HPV', doses: 99, statuses: ['Complete'] },
  ],
};

export const COUNTING_RULES = [
  'Cohort: everyone in your scope whose age in whole months on the assessment date is in the band; deceased, moved and merged-away records are not counted.',
  'In no denominator: people who died or moved out of the jurisdiction (MOGE), and people who opted out of the registry (statewide too).',
  'A clinic counts its active patients (owned and not marked inactive there, or active there); a patient inactive at the clinic still counts for their town and the state. A health director counts the residents of the district’s towns, a school nurse her students, DPH the state.',
  'A dose counts when the CDSi evaluation found it valid for the vaccine group and it was given on or before the assessment date.',
  'A measure is met with at least its number of valid doses; Hib, PCV and HPV also when the stored forecast calls the series complete, MMR, HepB and varicella when it records immunity (past dates in a trend count doses only).',
  'The combined series (4:3:1:3:3:1:4 for young children; Tdap, MenACWY and HPV for adolescents) is met when every measure is.',
];

export interface PersonFacts {
  dob: string;
  /** Per vaccine group: the stored status and valid dose dates. */
  groups: ReadonlyMap<string, { status: string; validDoseDates: readonly string[] }>;
}

function yearsLater(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** The measures a person meets on `on` (stored statuses count only when `statusesCount`). */
export function measuresMet(p: PersonFacts, rules: readonly MeasureRule[], on: string, statusesCount: boolean): Set<string> {
  const met = new Set<string>();
  for (const r of rules) {
    const g = p.groups.get(r.group);
    if (!g) continue;
    const from = r.fromAgeYears ? yearsLater(p.dob, r.fromAgeYears) : '';
    const count = g.validDoseDates.filter((d) => d <= on && d >= from).length;
    if (count >= r.doses || (statusesCount && r.statuses?.includes(g.status))) met.add(r.key);
  }
  return met;
}

export interface Tally {
  population: number;
  upToDate: Record<string, number>;
  combined: number;
}

export function emptyTally(rules: readonly MeasureRule[]): Tally {
  return { population: 0, upToDate: Object.fromEntries(rules.map((r) => [r.key, 0])), combined: 0 };
}

export function addToTally(t: Tally, met: ReadonlySet<string>, rules: readonly MeasureRule[]): void {
  t.population++;
  for (const r of rules) if (met.has(r.key)) t.upToDate[r.key]!++;
  if (rules.every((r) => met.has(r.key))) t.combined++;
}

const share = (n: number, of: number) => (of === 0 ? null : Math.round((1000 * n) / of) / 10);

export function presentTally(
  t: Tally,
  rules: readonly MeasureRule[],
): { population: number; measures: CoverageMeasure[]; combined: CoverageMeasure } {
  return {
    population: t.population,
    measures: rules.map((r) => ({
      key: r.key,
      label: r.label,
      upToDate: t.upToDate[r.key]!,
      percent: share(t.upToDate[r.key]!, t.population),
    })),
    combined: { key: 'combined', label: 'Combined series', upToDate: t.combined, percent: share(t.combined, t.population) },
  };
}
