// Dose histories for the synthetic population, following the US schedule by age and by era (which products
// existed when): well-child visits at birth, 2/4/6/12/15/18 months, 4–6 and 11–12 and 16 years, yearly flu,
// COVID-19 from December 2020, adult Td/Tdap, zoster, pneumococcal and RSV. Children are on time, late (with
// catch-up at later visits), stopped, or refusing; a few have contraindications or evidence of immunity.

import { CLINICIANS } from './synthetic-tables.ts';
import { civilFromDays, dayOf, isoDay, parseIsoDay, type Rng } from './synthetic-random.ts';
import {
  ObservationCode,
  type AdministeredDose,
  type Dose,
  type HistoricalSource,
  type Observation,
  type Refusal,
  type Route,
  type VfcEligibility,
} from './patient.types.ts';

type Group =
  | 'HepB' | 'DTaP' | 'Polio' | 'Hib' | 'PCV' | 'RV' | 'MMR' | 'VAR' | 'HepA' | 'Flu' | 'COVID-19' | 'Tdap'
  | 'MenACWY' | 'HPV' | 'Zoster' | 'PPSV' | 'RSV' | 'Td';

interface Product {
  cvx: string;
  mvx: string;
  route: Route;
  volume: number;
  /** Groups this product counts for (combination vaccines count for several). */
  covers: readonly Group[];
}

const P = (cvx: string, mvx: string, route: Route, volume: number, ...covers: Group[]): Product => ({
  cvx, mvx, route, volume, covers,
});

const HEPB_PED = P('08', 'MSD', 'IM', 0.5, 'HepB');
const DTAP = P('20', 'PMC', 'IM', 0.5, 'DTaP');
const IPV = P('10', 'PMC', 'SC', 0.5, 'Polio');
const HIB_PRPT = P('48', 'PMC', 'IM', 0.5, 'Hib');
const HIB_PRPOMP = P('49', 'MSD', 'IM', 0.5, 'Hib');
const PEDIARIX = P('110', 'SKB', 'IM', 0.5, 'DTaP', 'HepB', 'Polio');
const PENTACEL = P('120', 'PMC', 'IM', 0.5, 'DTaP', 'Hib', 'Polio');
const VAXELIS = P('146', 'MSP', 'IM', 0.5, 'DTaP', 'Hib', 'Polio', 'HepB');
const KINRIX = P('130', 'SKB', 'IM', 0.5, 'DTaP', 'Polio');
const PCV7 = P('100', 'PFR', 'IM', 0.5, 'PCV');
const PCV13 = P('133', 'PFR', 'IM', 0.5, 'PCV');
const PCV15 = P('215', 'MSD', 'IM', 0.5, 'PCV');
const PCV20 = P('216', 'PFR', 'IM', 0.5, 'PCV');
const RV5 = P('116', 'MSD', 'PO', 2, 'RV');
const RV1 = P('119', 'SKB', 'PO', 1, 'RV');
const MMR = P('03', 'MSD', 'SC', 0.5, 'MMR');
const MMRV = P('94', 'MSD', 'SC', 0.5, 'MMR', 'VAR');
const VAR = P('21', 'MSD', 'SC', 0.5, 'VAR');
const HEPA_PED = P('83', 'SKB', 'IM', 0.5, 'HepA');
const TDAP = P('115', 'SKB', 'IM', 0.5, 'Tdap');
const TD = P('113', 'PMC', 'IM', 0.5, 'Td');
const MENACWY_P = P('114', 'PMC', 'IM', 0.5, 'MenACWY');
const MENACWY_O = P('136', 'SKB', 'IM', 0.5, 'MenACWY');
const MENACWY_TT = P('203', 'PMC', 'IM', 0.5, 'MenACWY');
const HPV4 = P('62', 'MSD', 'IM', 0.5, 'HPV');
const HPV9 = P('165', 'MSD', 'IM', 0.5, 'HPV');
const ZOSTER = P('187', 'SKB', 'IM', 0.5, 'Zoster');
const PPSV23 = P('33', 'MSD', 'IM', 0.5, 'PPSV');
const RSV_ADULT = [P('303', 'SKB', 'IM', 0.5, 'RSV'), P('305', 'PFR', 'IM', 0.5, 'RSV')];
const NIRSEVIMAB = P('306', 'SNF', 'IM', 0.5, 'RSV');

const D = (iso: string): number => dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const ERA = {
  registryStart: D('2000-01-01'),
  rv: D('2006-02-03'),
  pcv7: D('2000-02-17'),
  pcv13: D('2010-03-01'),
  pcv15: D('2022-07-01'),
  pcv20: D('2023-06-01'),
  pediarix: D('2003-01-01'),
  pentacel: D('2008-06-20'),
  vaxelis: D('2021-06-01'),
  mmrv: D('2005-09-01'),
  hepaKids: D('2006-05-01'),
  tdap: D('2005-06-01'),
  menacwy: D('2005-01-14'),
  menacwyO: D('2010-02-19'),
  menacwyTT: D('2020-04-23'),
  hpv: D('2006-06-08'),
  hpvBoys: D('2011-10-25'),
  hpv9: D('2015-02-01'),
  covid: D('2020-12-14'),
  covidBooster: D('2021-10-01'),
  covidBivalent: D('2022-09-01'),
  covid2023: D('2023-09-15'),
  covid2024: D('2024-09-01'),
  zoster: D('2018-01-01'),
  rsvAdult: D('2023-09-01'),
  nirsevimab: D('2023-10-01'),
  pcv20Adult: D('2022-01-01'),
  flu3: D('2024-08-01'),
  flu4: D('2013-08-01'),
} as const;

/** Person-level inputs the dose history depends on. */
export interface HistoryInput {
  dob: number;
  asOf: number;
  sex: 'F' | 'M';
  clinicId: string;
  clinicIds: readonly string[];
  vfc: VfcEligibility;
}

export interface History {
  doses: Dose[];
  refusals: Refusal[];
  observations: Observation[];
}

const LOT_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

interface Ctx extends HistoryInput {
  rng: Rng;
  out: History;
  blocked: Set<Group>;
}

function lotNumber(rng: Rng): string {
  return `${LOT_LETTERS[rng.int(23)]}${LOT_LETTERS[rng.int(23)]}${rng.between(1000, 9999)}${LOT_LETTERS[rng.int(23)]}`;
}

const HIST_SOURCES: readonly HistoricalSource[] = ['01', '02', '03', '03', '05', '07'];

/** Record one dose at `day` (skipped if outside [dob, asOf] or blocked by a contraindication/refusal). */
function give(c: Ctx, product: Product, day: number, clinicId = c.clinicId): void {
  if (day < c.dob || day > c.asOf) return;
  for (const g of product.covers) if (c.blocked.has(g)) return;
  const { rng } = c;
  const date = isoDay(day);
  // Before the registry existed a dose is known only if someone transcribed it.
  const historical = day < ERA.registryStart ? true : rng.chance(0.07);
  if (historical) {
    if (day < ERA.registryStart && !rng.chance(day < D('1995-01-01') ? 0.15 : 0.5)) return;
    c.out.doses.push({ kind: 'historical', cvx: product.cvx, date, source: rng.pick(HIST_SOURCES) });
    return;
  }
  const child = day - c.dob < 19 * 365;
  const isPublic = child && c.vfc !== 'V01';
  const dose: AdministeredDose = {
    kind: 'administered',
    cvx: product.cvx,
    mvx: product.mvx,
    lot: lotNumber(rng),
    lotExpiration: isoDay(day + rng.between(60, 540)),
    fundingSource: isPublic ? 'public' : 'private',
    date,
    volumeMl: product.volume,
    route: product.route,
    vis: [{ document: product.covers[0]!, edition: isoDay(day - rng.between(200, 1500)), presented: date }],
    administeredBy: rng.pick(CLINICIANS),
    orderingProvider: CLINICIANS[0]!,
    clinicId,
  };
  if (product.route !== 'PO' && product.route !== 'NS') {
    dose.site = day - c.dob < 3 * 365 ? (rng.chance(0.5) ? 'LT' : 'RT') : rng.chance(0.5) ? 'LD' : 'RD';
  }
  if (child) dose.vfcEligibility = c.vfc;
  c.out.doses.push(dose);
}

type Profile = 'ontime' | 'late' | 'stopped' | 'refuser';

/** Visits of the childhood schedule: nominal age in days and which series doses fall due there. */
const VISITS: ReadonlyArray<{ age: number; due: readonly string[] }> = [
  { age: 0, due: ['HepB1'] },
  { age: 61, due: ['HepB2', 'DTaP', 'Polio', 'Hib', 'PCV', 'RV', 'Nirs'] },
  { age: 122, due: ['DTaP', 'Polio', 'Hib', 'PCV', 'RV'] },
  { age: 183, due: ['DTaP', 'Polio', 'Hib3', 'PCV', 'RV3', 'HepB3'] },
  { age: 366, due: ['MMR', 'VAR', 'HepA', 'PCV', 'HibB'] },
  { age: 457, due: ['DTaP'] },
  { age: 548, due: ['HepA'] },
  { age: 1461, due: ['DTaP5', 'Polio4', 'MMR2', 'VAR2'] },
  { age: 4018, due: ['Tdap', 'MenACWY', 'HPV'] },
  { age: 4200, due: ['HPV2'] },
  { age: 5844, due: ['MenACWY2'] },
];

function pcvProduct(day: number, rng: Rng): Product {
  if (day >= ERA.pcv20 && rng.chance(0.5)) return PCV20;
  if (day >= ERA.pcv15 && rng.chance(0.4)) return PCV15;
  if (day >= ERA.pcv13) return PCV13;
  return PCV7;
}

function childhood(c: Ctx, profile: Profile): void {
  const { rng } = c;
  const combo = rng.next();
  const hibOmp = rng.chance(0.35);
  const rv1 = rng.chance(0.35);
  const stopAfter = profile === 'stopped' ? rng.between(1, 8) : 99;
  let lag = 0;
  let carried: string[] = [];
  for (let v = 0; v < VISITS.length && v <= stopAfter; v++) {
    const visit = VISITS[v]!;
    lag += profile === 'late' ? rng.between(0, 75) : 0;
    const jitter = v === 0 ? rng.between(0, 1) : rng.between(0, 21);
    const extra = v >= 7 ? rng.between(0, v === 7 ? 600 : 450) : 0;
    const day = c.dob + visit.age + lag + jitter + extra;
    if (day > c.asOf) break;
    const due = [...carried, ...visit.due];
    const missProb = profile === 'late' ? 0.18 : 0.03;
    if (v > 0 && rng.chance(missProb)) {
      carried = due;
      continue;
    }
    carried = [];
    const age = day - c.dob;
    const clinic = v === 0 ? rng.pick(c.clinicIds) : c.clinicId;
    const has = (k: string): boolean => due.includes(k);
    // Infant primary series: one combination product or separate shots, chosen per child.
    const primary = has('DTaP') && age < 700;
    if (primary && day >= ERA.vaxelis && combo < 0.25) give(c, VAXELIS, day, clinic);
    else if (primary && day >= ERA.pediarix && combo < 0.55) {
      give(c, PEDIARIX, day, clinic);
      if (has('Hib') || has('Hib3')) give(c, hibOmp ? HIB_PRPOMP : HIB_PRPT, day, clinic);
    } else if (primary && day >= ERA.pentacel && combo < 0.8) {
      give(c, PENTACEL, day, clinic);
    } else {
      if (has('DTaP')) give(c, DTAP, day, clinic);
      if (has('Polio')) give(c, IPV, day, clinic);
      if (has('Hib') || (has('Hib3') && !hibOmp)) give(c, hibOmp ? HIB_PRPOMP : HIB_PRPT, day, clinic);
    }
    if (has('HepB1') || has('HepB2') || has('HepB3')) {
      const combined = primary && ((day >= ERA.vaxelis && combo < 0.25) || (day >= ERA.pediarix && combo < 0.55));
      if (!combined || has('HepB1')) give(c, HEPB_PED, day, clinic);
    }
    if (has('PCV') && age < 5 * 365) give(c, pcvProduct(day, rng), day, clinic);
    if ((has('RV') || (has('RV3') && !rv1)) && day >= ERA.rv && age < 240) give(c, rv1 ? RV1 : RV5, day, clinic);
    if (has('Nirs') && day >= ERA.nirsevimab && age < 240 && rng.chance(0.4)) give(c, NIRSEVIMAB, day, clinic);
    if (has('HibB') && age < 5 * 365) give(c, hibOmp ? HIB_PRPOMP : HIB_PRPT, day, clinic);
    const mmrv = day >= ERA.mmrv && rng.chance(0.2);
    if (has('MMR') || has('MMR2')) give(c, mmrv && !c.blocked.has('VAR') ? MMRV : MMR, day, clinic);
    if ((has('VAR') || has('VAR2')) && !(mmrv && !c.blocked.has('VAR'))) give(c, VAR, day, clinic);
    if (has('HepA') && day >= ERA.hepaKids) give(c, HEPA_PED, day, clinic);
    if (has('DTaP5') || has('Polio4')) give(c, KINRIX, day, clinic);
    if (has('Tdap') && day >= ERA.tdap) give(c, TDAP, day, clinic);
    if (has('MenACWY') || has('MenACWY2')) {
      if (day >= ERA.menacwy && (has('MenACWY') || day >= D('2011-01-01'))) {
        give(c, day >= ERA.menacwyTT ? MENACWY_TT : day >= ERA.menacwyO && rng.chance(0.5) ? MENACWY_O : MENACWY_P, day, clinic);
      }
    }
    const hpvOk = day >= (c.sex === 'F' ? ERA.hpv : ERA.hpvBoys) && rng.chance(0.75);
    if ((has('HPV') || has('HPV2')) && hpvOk) give(c, day >= ERA.hpv9 ? HPV9 : HPV4, day, clinic);
  }
}

function fluProduct(age: number, day: number): Product {
  if (day >= ERA.flu3) return P(age >= 65 * 365 ? '205' : '140', 'SEQ', 'IM', 0.5, 'Flu');
  if (day >= ERA.flu4) return P(age >= 65 * 365 ? '197' : age < 3 * 365 ? '161' : '150', 'PMC', 'IM', age < 3 * 365 ? 0.25 : 0.5, 'Flu');
  return P('141', 'PMC', 'IM', 0.5, 'Flu');
}

function flu(c: Ctx, propensity: number): void {
  const { rng } = c;
  const firstYear = Math.max(2005, civilFromDays(c.dob + 183)[0]);
  const lastYear = civilFromDays(c.asOf)[0];
  let seasonsGiven = 0;
  for (let y = firstYear; y <= lastYear; y++) {
    const day = dayOf(y, 9, 1) + rng.between(0, 110);
    const age = day - c.dob;
    if (age < 183) continue;
    const p = age >= 65 * 365 ? propensity + 0.2 : propensity;
    if (!rng.chance(p)) continue;
    const clinic = age > 18 * 365 && rng.chance(0.4) ? rng.pick(c.clinicIds) : c.clinicId;
    const product = fluProduct(age, day);
    give(c, product, day, clinic);
    if (seasonsGiven === 0 && age < 9 * 365) give(c, product, day + rng.between(28, 45), clinic);
    seasonsGiven++;
  }
}

function covid(c: Ctx, propensity: number): void {
  const { rng } = c;
  if (c.asOf < ERA.covid || !rng.chance(propensity)) return;
  const ageAt = (day: number): number => (day - c.dob) / 365.25;
  // Start of eligibility by age group in 2021–2022.
  const age2021 = ageAt(D('2021-03-01'));
  const start =
    age2021 >= 65 ? D('2021-01-18') : age2021 >= 16 ? D('2021-04-01') : age2021 >= 11 ? D('2021-05-13') : age2021 >= 4 ? D('2021-11-03') : D('2022-06-20');
  let day = start + rng.between(0, 75);
  if (ageAt(day) < 0.5) return;
  const moderna = ageAt(day) >= 18 && rng.chance(0.4);
  const primary = ageAt(day) < 12 ? P('218', 'PFR', 'IM', 0.2, 'COVID-19') : moderna ? P('207', 'MOD', 'IM', 0.5, 'COVID-19') : P('208', 'PFR', 'IM', 0.3, 'COVID-19');
  const clinic = rng.chance(0.5) ? rng.pick(c.clinicIds) : c.clinicId;
  give(c, primary, day, clinic);
  day += moderna ? rng.between(28, 35) : rng.between(21, 28);
  give(c, primary, day, clinic);
  const boosters: Array<[number, Product, number]> = [
    [ERA.covidBooster, primary, 0.5],
    [ERA.covidBivalent, moderna ? P('229', 'MOD', 'IM', 0.5, 'COVID-19') : P('300', 'PFR', 'IM', 0.3, 'COVID-19'), 0.45],
    [ERA.covid2023, moderna ? P('312', 'MOD', 'IM', 0.5, 'COVID-19') : P('309', 'PFR', 'IM', 0.3, 'COVID-19'), 0.4],
    [ERA.covid2024, moderna ? P('312', 'MOD', 'IM', 0.5, 'COVID-19') : P('309', 'PFR', 'IM', 0.3, 'COVID-19'), 0.4],
  ];
  for (const [from, product, p] of boosters) {
    if (!rng.chance(ageAt(from) >= 65 ? p + 0.25 : p)) continue;
    const d = Math.max(from, day + 60) + rng.between(0, 90);
    if (ageAt(d) >= 5) give(c, product, d, rng.pick(c.clinicIds));
    day = d;
  }
}

function adult(c: Ctx): void {
  const { rng } = c;
  const at = (years: number): number => c.dob + Math.round(years * 365.25);
  // Td/Tdap every ~10 years after adolescence, by about half of adults.
  for (let y = 21 + rng.between(0, 9); at(y) <= c.asOf; y += 10 + rng.between(0, 4)) {
    if (rng.chance(0.45)) give(c, at(y) >= ERA.tdap && rng.chance(0.7) ? TDAP : TD, at(y) + rng.between(0, 300), c.clinicId);
  }
  const z = Math.max(at(50), ERA.zoster) + rng.between(0, 1500);
  if (rng.chance(0.35)) {
    give(c, ZOSTER, z, c.clinicId);
    give(c, ZOSTER, z + rng.between(60, 180), c.clinicId);
  }
  if (rng.chance(0.6)) {
    const d = at(65) + rng.between(0, 400);
    give(c, d >= ERA.pcv20Adult ? PCV20 : PPSV23, d, c.clinicId);
  }
  if (rng.chance(0.3)) give(c, rng.pick(RSV_ADULT), Math.max(at(60), ERA.rsvAdult) + rng.between(0, 200), rng.pick(c.clinicIds));
}

const REFUSABLE: readonly Group[] = ['MMR', 'VAR', 'HPV', 'Flu', 'COVID-19', 'HepB', 'DTaP'];

function observe(c: Ctx, kind: Observation['kind'], code: string, text: string, day: number): void {
  if (day < c.dob || day > c.asOf) return;
  c.out.observations.push({ kind, code, text, date: isoDay(day) });
}

/** Generate one person's history. Deterministic for a given rng state. */
export function generateHistory(rng: Rng, input: HistoryInput): History {
  const out: History = { doses: [], refusals: [], observations: [] };
  const c: Ctx = { ...input, rng, out, blocked: new Set() };
  const r = rng.next();
  const profile: Profile = r < 0.72 ? 'ontime' : r < 0.9 ? 'late' : r < 0.96 ? 'stopped' : 'refuser';
  const ageNow = (input.asOf - input.dob) / 365.25;

  if (profile === 'refuser') {
    const n = rng.between(1, 4);
    for (let i = 0; i < n; i++) {
      const g = rng.pick(REFUSABLE);
      if (c.blocked.has(g)) continue;
      c.blocked.add(g);
      const day = input.dob + rng.between(60, Math.max(61, Math.min(5000, input.asOf - input.dob)));
      if (day <= input.asOf) {
        out.refusals.push({ vaccineGroup: g === 'DTaP' ? 'DTaP/Tdap/Td' : g, date: isoDay(day), reason: rng.chance(0.8) ? '00' : '01' });
      }
    }
  }
  // Conditions that stop a series or make it unnecessary (CDSi observation codes).
  const cond = rng.next();
  if (cond < 0.004) {
    c.blocked.add('VAR');
    observe(c, 'immunity', ObservationCode.varicellaHistory, 'Healthcare provider verified history of varicella', input.dob + rng.between(400, 2500));
  } else if (cond < 0.006) {
    c.blocked.add('RV');
    observe(c, 'contraindication', ObservationCode.intussusception, 'Intussusception', input.dob + rng.between(70, 200));
  } else if (cond < 0.008) {
    c.blocked.add('MMR');
    c.blocked.add('VAR');
    observe(c, 'contraindication', ObservationCode.immunocompromised, 'Immunocompromised', input.dob + rng.between(30, 300));
  } else if (cond < 0.01) {
    observe(c, 'precaution', ObservationCode.eggAllergy, 'Allergic reaction to egg protein', input.dob + rng.between(200, 900));
  } else if (cond < 0.012 && ageNow > 25) {
    observe(c, 'immunity', ObservationCode.labImmunityHepB, 'Laboratory evidence of immunity to hepatitis B', input.dob + rng.between(18 * 365, 25 * 365));
  }

  childhood(c, profile);
  if (cond >= 0.01 && cond < 0.013) {
    // Severe allergic reaction after a pertussis-containing dose: record it and stop the series there.
    const first = out.doses.find((d) => d.cvx === '20' || d.cvx === '110' || d.cvx === '120');
    if (first) {
      const day = parseIsoDay(first.date) + 1;
      out.doses = out.doses.filter((d) => !['20', '110', '120', '130', '146', '115'].includes(d.cvx) || d.date <= first.date);
      observe(c, 'contraindication', ObservationCode.severeAllergyPertussis, 'Severe allergic reaction after previous dose of Pertussis', day);
    }
  }
  const propensity = rng.chance(0.3) ? 0.05 : 0.35 + rng.next() * 0.6;
  if (!c.blocked.has('Flu')) flu(c, propensity);
  if (!c.blocked.has('COVID-19')) covid(c, Math.min(0.95, propensity + 0.2));
  if (ageNow >= 19) adult(c);
  out.doses.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}
