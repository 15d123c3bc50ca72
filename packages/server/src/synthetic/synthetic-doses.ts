// Dose histories for the synthetic population, following the US schedule by age and by era (which products
// existed when): well-child visits at birth, 2/4/6/12/15/18 months, 4–6 and 11–12 and 16 years, yearly flu,
// COVID-19 from December 2020, adult Td/Tdap, zoster, pneumococcal and RSV. Children are on time, late (with
// catch-up at later visits), stopped, or refusing; a few have contraindications or evidence of immunity.

import { CLINICIANS } from './synthetic-tables.ts';
import { civilFromDays, daysFromCivil, parseIsoDate } from '@nutmeg/forecast';
import { isoDay, type Rng } from './synthetic-random.ts';
import {
  type Group,
  bit,
  type Product,
  HEPB_PED,
  DTAP,
  IPV,
  HIB_PRPT,
  HIB_PRPOMP,
  PEDIARIX,
  PENTACEL,
  VAXELIS,
  KINRIX,
  PCV7,
  PCV13,
  PCV15,
  PCV20,
  RV5,
  RV1,
  MMR,
  MMRV,
  VAR,
  HEPA_PED,
  TDAP,
  TD,
  MENACWY_P,
  MENACWY_O,
  MENACWY_TT,
  HPV4,
  HPV9,
  ZOSTER,
  PPSV23,
  RSV_ADULT,
  NIRSEVIMAB,
  FLU,
  COVID,
  D,
  ERA,
} from './synthetic-products.ts';
import {
  ObservationCode,
  type AdministeredDose,
  type Dose,
  type HistoricalSource,
  type Observation,
  type Refusal,
  type VfcEligibility,
} from '../modules/patients/index.ts';

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
  /** Groups refused or contraindicated (bit mask). */
  blocked: number;
  clinicHash: number;
  /** Day number of each dose in out.doses (sorting numbers beats sorting ISO strings). */
  days: number[];
}

/** Lots are shared: a clinic uses one lot of a product for a while (128-day windows), as in real stock. */
const LOT_POOL: readonly string[] = (() => {
  let x = 0x2545f491;
  const lots: string[] = [];
  for (let i = 0; i < 4096; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const a = LOT_LETTERS[(x >>> 8) % 23]!;
    const b = LOT_LETTERS[(x >>> 16) % 23]!;
    lots.push(`${a}${b}${1000 + ((x >>> 4) % 9000)}${LOT_LETTERS[(x >>> 20) % 23]!}`);
  }
  return lots;
})();

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const HIST_SOURCES: readonly HistoricalSource[] = ['01', '02', '03', '03', '05', '07'];

/** Record one dose at `day` (skipped if outside [dob, asOf] or blocked by a contraindication/refusal). */
function give(c: Ctx, product: Product, day: number, clinicId = c.clinicId): void {
  if (day < c.dob || day > c.asOf || (product.mask & c.blocked) !== 0) return;
  const { rng } = c;
  const date = isoDay(day);
  // Before the registry existed a dose is known only if someone transcribed it.
  const historical = day < ERA.registryStart ? true : rng.chance(0.07);
  if (historical) {
    if (day < ERA.registryStart && !rng.chance(day < ERA.before1995 ? 0.15 : 0.5)) return;
    c.out.doses.push({ kind: 'historical', cvx: product.cvx, date, source: rng.pick(HIST_SOURCES) });
    c.days.push(day);
    return;
  }
  const child = day - c.dob < 19 * 365;
  const isPublic = child && c.vfc !== 'V01';
  const dose: AdministeredDose = {
    kind: 'administered',
    cvx: product.cvx,
    mvx: product.mvx,
    lot: LOT_POOL[
      (Math.imul((day >> 7) + 1, 2654435761) ^
        Math.imul(product.index + 1, 40503) ^
        (clinicId === c.clinicId ? c.clinicHash : hashString(clinicId))) &
        4095
    ]!,
    lotExpiration: isoDay(((day >> 7) + 3) << 7),
    fundingSource: isPublic ? 'public' : 'private',
    date,
    volumeMl: product.volume,
    route: product.route,
    vis: [{ document: product.vis, edition: isoDay(((day - 400) >> 9) << 9), presented: date }],
    administeredBy: rng.pick(CLINICIANS),
    orderingProvider: CLINICIANS[0]!,
    clinicId,
  };
  if (product.route !== 'PO' && product.route !== 'NS') {
    dose.site = day - c.dob < 3 * 365 ? (rng.chance(0.5) ? 'LT' : 'RT') : rng.chance(0.5) ? 'LD' : 'RD';
  }
  if (child) dose.vfcEligibility = c.vfc;
  c.out.doses.push(dose);
  c.days.push(day);
}

type Profile = 'ontime' | 'late' | 'stopped' | 'refuser';

// Series doses that fall due at a visit, as bits (a missed visit carries its bits to the next one).
const HEPB1 = 1 << 0,
  HEPB2 = 1 << 1,
  DTAP_ = 1 << 2,
  POLIO = 1 << 3,
  HIB = 1 << 4,
  PCV = 1 << 5,
  RV = 1 << 6;
const NIRS = 1 << 7,
  HIB3 = 1 << 8,
  RV3 = 1 << 9,
  HEPB3 = 1 << 10,
  MMR1 = 1 << 11,
  VAR1 = 1 << 12,
  HEPA = 1 << 13;
const HIBB = 1 << 14,
  DTAP5 = 1 << 15,
  POLIO4 = 1 << 16,
  MMR2 = 1 << 17,
  VAR2 = 1 << 18,
  TDAP_ = 1 << 19;
const MEN1 = 1 << 20,
  HPV1 = 1 << 21,
  HPV2 = 1 << 22,
  MEN2 = 1 << 23;

/** Visits of the childhood schedule: nominal age in days and which series doses fall due there. */
const VISITS: ReadonlyArray<{ age: number; due: number }> = [
  { age: 0, due: HEPB1 },
  { age: 61, due: HEPB2 | DTAP_ | POLIO | HIB | PCV | RV | NIRS },
  { age: 122, due: DTAP_ | POLIO | HIB | PCV | RV },
  { age: 183, due: DTAP_ | POLIO | HIB3 | PCV | RV3 | HEPB3 },
  { age: 366, due: MMR1 | VAR1 | HEPA | PCV | HIBB },
  { age: 457, due: DTAP_ },
  { age: 548, due: HEPA },
  { age: 1461, due: DTAP5 | POLIO4 | MMR2 | VAR2 },
  { age: 4018, due: TDAP_ | MEN1 | HPV1 },
  { age: 4200, due: HPV2 },
  { age: 5844, due: MEN2 },
];

const BLOCK_VAR = bit('VAR');

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
  const hpvAccepted = rng.chance(0.75);
  const stopAfter = profile === 'stopped' ? rng.between(1, 8) : 99;
  const hib = hibOmp ? HIB_PRPOMP : HIB_PRPT;
  let lag = 0;
  let carried = 0;
  for (let v = 0; v < VISITS.length && v <= stopAfter; v++) {
    const visit = VISITS[v]!;
    if (profile === 'late') lag += rng.between(0, 75);
    const jitter = v === 0 ? rng.between(0, 1) : rng.between(0, 21);
    const extra = v >= 7 ? rng.between(0, v === 7 ? 600 : 450) : 0;
    const day = c.dob + visit.age + lag + jitter + extra;
    if (day > c.asOf) break;
    const due = carried | visit.due;
    if (v > 0 && rng.chance(profile === 'late' ? 0.18 : 0.03)) {
      carried = due;
      continue;
    }
    carried = 0;
    const age = day - c.dob;
    const clinic = v === 0 ? rng.pick(c.clinicIds) : c.clinicId;
    // Infant primary series: one combination product or separate shots, chosen per child.
    const primary = (due & DTAP_) !== 0 && age < 700;
    const vaxelis = primary && day >= ERA.vaxelis && combo < 0.25;
    const pediarix = !vaxelis && primary && day >= ERA.pediarix && combo < 0.55;
    if (vaxelis) give(c, VAXELIS, day, clinic);
    else if (pediarix) {
      give(c, PEDIARIX, day, clinic);
      if (due & (HIB | HIB3)) give(c, hib, day, clinic);
    } else if (primary && day >= ERA.pentacel && combo < 0.8) {
      give(c, PENTACEL, day, clinic);
    } else {
      if (due & DTAP_) give(c, DTAP, day, clinic);
      if (due & POLIO) give(c, IPV, day, clinic);
      if (due & HIB || (due & HIB3 && !hibOmp)) give(c, hib, day, clinic);
    }
    if (due & (HEPB1 | HEPB2 | HEPB3) && (!(vaxelis || pediarix) || due & HEPB1)) give(c, HEPB_PED, day, clinic);
    if (due & PCV && age < 5 * 365) give(c, pcvProduct(day, rng), day, clinic);
    if ((due & RV || (due & RV3 && !rv1)) && day >= ERA.rv && age < 240) give(c, rv1 ? RV1 : RV5, day, clinic);
    if (due & NIRS && day >= ERA.nirsevimab && age < 240 && rng.chance(0.4)) give(c, NIRSEVIMAB, day, clinic);
    if (due & HIBB && age < 5 * 365) give(c, hib, day, clinic);
    const mmrv = day >= ERA.mmrv && (c.blocked & BLOCK_VAR) === 0 && rng.chance(0.2);
    if (due & (MMR1 | MMR2)) give(c, mmrv ? MMRV : MMR, day, clinic);
    if (due & (VAR1 | VAR2) && !mmrv) give(c, VAR, day, clinic);
    if (due & HEPA && day >= ERA.hepaKids) give(c, HEPA_PED, day, clinic);
    if (due & (DTAP5 | POLIO4)) give(c, KINRIX, day, clinic);
    if (due & TDAP_ && day >= ERA.tdap) give(c, TDAP, day, clinic);
    if ((due & MEN1 && day >= ERA.menacwy) || (due & MEN2 && day >= ERA.menacwyBooster)) {
      give(c, day >= ERA.menacwyTT ? MENACWY_TT : day >= ERA.menacwyO && rng.chance(0.5) ? MENACWY_O : MENACWY_P, day, clinic);
    }
    if (due & (HPV1 | HPV2) && hpvAccepted && day >= (c.sex === 'F' ? ERA.hpv : ERA.hpvBoys)) {
      give(c, day >= ERA.hpv9 ? HPV9 : HPV4, day, clinic);
    }
  }
}

function fluProduct(age: number, day: number): Product {
  const senior = age >= 65 * 365;
  if (day >= ERA.flu3) return senior ? FLU.aiiv3 : FLU.iiv3;
  if (day >= ERA.flu4) return senior ? FLU.hd4 : age < 3 * 365 ? FLU.iiv4Ped : FLU.iiv4;
  return FLU.old;
}

function flu(c: Ctx, propensity: number): void {
  const { rng } = c;
  const firstYear = Math.max(2005, civilFromDays(c.dob + 183)[0]);
  const lastYear = civilFromDays(c.asOf)[0];
  let seasonsGiven = 0;
  for (let y = firstYear; y <= lastYear; y++) {
    const day = daysFromCivil(y, 9, 1) + rng.between(0, 110);
    const age = day - c.dob;
    if (age < 183) continue;
    if (!rng.chance(age >= 65 * 365 ? propensity + 0.2 : propensity)) continue;
    const clinic = age > 18 * 365 && rng.chance(0.4) ? rng.pick(c.clinicIds) : c.clinicId;
    const product = fluProduct(age, day);
    give(c, product, day, clinic);
    // Children under 9 in their first season get two doses four weeks apart.
    if (seasonsGiven === 0 && age < 9 * 365) give(c, product, day + rng.between(28, 45), clinic);
    seasonsGiven++;
  }
}

function yearsAt(c: Ctx, day: number): number {
  return (day - c.dob) / 365.25;
}

function covid(c: Ctx, propensity: number): void {
  const { rng } = c;
  if (c.asOf < ERA.covid || !rng.chance(propensity)) return;
  // Eligibility opened by age group in 2021–2022.
  const age2021 = yearsAt(c, D('2021-03-01'));
  const start =
    age2021 >= 65
      ? ERA.covid + 35
      : age2021 >= 16
        ? ERA.covid + 108
        : age2021 >= 11
          ? ERA.covid + 150
          : age2021 >= 4
            ? ERA.covid + 324
            : ERA.covid + 553;
  let day = start + rng.between(0, 75);
  if (yearsAt(c, day) < 0.5) return;
  const moderna = yearsAt(c, day) >= 18 && rng.chance(0.4);
  const primary = yearsAt(c, day) < 12 ? COVID.pfizerPed : moderna ? COVID.moderna : COVID.pfizer;
  const clinic = rng.chance(0.5) ? rng.pick(c.clinicIds) : c.clinicId;
  give(c, primary, day, clinic);
  day += moderna ? rng.between(28, 35) : rng.between(21, 28);
  give(c, primary, day, clinic);
  const boosters: ReadonlyArray<[number, Product, number]> = moderna
    ? [
        [ERA.covidBooster, primary, 0.5],
        [ERA.covidBivalent, COVID.modernaBivalent, 0.45],
        [ERA.covid2023, COVID.moderna2023, 0.4],
        [ERA.covid2024, COVID.moderna2023, 0.4],
      ]
    : [
        [ERA.covidBooster, primary, 0.5],
        [ERA.covidBivalent, COVID.pfizerBivalent, 0.45],
        [ERA.covid2023, COVID.pfizer2023, 0.4],
        [ERA.covid2024, COVID.pfizer2023, 0.4],
      ];
  for (const [from, product, p] of boosters) {
    if (!rng.chance(yearsAt(c, from) >= 65 ? p + 0.25 : p)) continue;
    const d = Math.max(from, day + 60) + rng.between(0, 90);
    if (yearsAt(c, d) >= 5) give(c, product, d, rng.pick(c.clinicIds));
    day = d;
  }
}

function dayAtAge(c: Ctx, years: number): number {
  return c.dob + Math.round(years * 365.25);
}

function adult(c: Ctx): void {
  const { rng } = c;
  // Td/Tdap every ~10 years after adolescence, by about half of adults.
  for (let y = 21 + rng.between(0, 9); dayAtAge(c, y) <= c.asOf; y += 10 + rng.between(0, 4)) {
    const d = dayAtAge(c, y) + rng.between(0, 300);
    if (rng.chance(0.45)) give(c, d >= ERA.tdap && rng.chance(0.7) ? TDAP : TD, d, c.clinicId);
  }
  if (rng.chance(0.35)) {
    const z = Math.max(dayAtAge(c, 50), ERA.zoster) + rng.between(0, 1500);
    give(c, ZOSTER, z, c.clinicId);
    give(c, ZOSTER, z + rng.between(60, 180), c.clinicId);
  }
  if (rng.chance(0.6)) {
    const d = dayAtAge(c, 65) + rng.between(0, 400);
    give(c, d >= ERA.pcv20Adult ? PCV20 : PPSV23, d, c.clinicId);
  }
  if (rng.chance(0.3)) give(c, rng.pick(RSV_ADULT), Math.max(dayAtAge(c, 60), ERA.rsvAdult) + rng.between(0, 200), rng.pick(c.clinicIds));
}

const REFUSABLE: readonly Group[] = ['MMR', 'VAR', 'HPV', 'Flu', 'COVID-19', 'HepB', 'DTaP'];
const PERTUSSIS_CVX: ReadonlySet<string> = new Set(['20', '110', '120', '130', '146', '115']);

function observe(c: Ctx, kind: Observation['kind'], code: string, text: string, day: number): void {
  if (day < c.dob || day > c.asOf) return;
  c.out.observations.push({ kind, code, text, date: isoDay(day) });
}

/** Stable insertion sort of doses by day: the producers append runs that are already in order. */
function sortByDay(doses: Dose[], days: number[]): void {
  for (let i = 1; i < doses.length; i++) {
    const d = days[i]!;
    const dose = doses[i]!;
    let j = i - 1;
    while (j >= 0 && days[j]! > d) {
      days[j + 1] = days[j]!;
      doses[j + 1] = doses[j]!;
      j--;
    }
    days[j + 1] = d;
    doses[j + 1] = dose;
  }
}

/** Generate one person's history. Deterministic for a given rng state. */
export function generateHistory(rng: Rng, input: HistoryInput): History {
  const out: History = { doses: [], refusals: [], observations: [] };
  const c: Ctx = {
    dob: input.dob,
    asOf: input.asOf,
    sex: input.sex,
    clinicId: input.clinicId,
    clinicIds: input.clinicIds,
    vfc: input.vfc,
    rng,
    out,
    blocked: 0,
    clinicHash: hashString(input.clinicId),
    days: [],
  };
  const r = rng.next();
  const profile: Profile = r < 0.72 ? 'ontime' : r < 0.9 ? 'late' : r < 0.96 ? 'stopped' : 'refuser';
  const ageNow = (input.asOf - input.dob) / 365.25;

  if (profile === 'refuser') refuseSome(c);

  const cond = rng.next();
  recordCondition(c, cond, ageNow);
  childhood(c, profile);
  if (cond >= 0.012 && cond < 0.015) stopPertussisAfterAllergy(c);
  const propensity = rng.chance(0.3) ? 0.05 : 0.35 + rng.next() * 0.6;
  if (!(c.blocked & bit('Flu'))) flu(c, propensity);
  if (!(c.blocked & bit('COVID-19'))) covid(c, Math.min(0.95, propensity + 0.2));
  if (ageNow >= 19) adult(c);
  sortByDay(out.doses, c.days);
  return out;
}

/** A refusing family declines one to four vaccine groups, each on a day the child could have had it. */
function refuseSome(c: Ctx): void {
  const n = c.rng.between(1, 4);
  for (let i = 0; i < n; i++) {
    const g = c.rng.pick(REFUSABLE);
    if (c.blocked & bit(g)) continue;
    c.blocked |= g === 'DTaP' ? bit('DTaP') | bit('Tdap') | bit('Td') : bit(g);
    const day = c.dob + c.rng.between(60, Math.max(61, Math.min(5000, c.asOf - c.dob)));
    if (day <= c.asOf) {
      c.out.refusals.push({ vaccineGroup: g === 'DTaP' ? 'DTaP/Tdap/Td' : g, date: isoDay(day), reason: c.rng.chance(0.8) ? '00' : '01' });
    }
  }
}

/** Now and then a condition that stops a series or makes it unnecessary (CDSi observation codes). */
function recordCondition(c: Ctx, cond: number, ageNow: number): void {
  if (cond < 0.004) {
    c.blocked |= BLOCK_VAR;
    observe(
      c,
      'immunity',
      ObservationCode.varicellaHistory,
      'Healthcare provider verified history of varicella',
      c.dob + c.rng.between(400, 2500),
    );
  } else if (cond < 0.006) {
    c.blocked |= bit('RV');
    observe(c, 'contraindication', ObservationCode.intussusception, 'Intussusception', c.dob + c.rng.between(70, 200));
  } else if (cond < 0.008) {
    c.blocked |= bit('MMR') | BLOCK_VAR;
    observe(c, 'contraindication', ObservationCode.immunocompromised, 'Immunocompromised', c.dob + c.rng.between(30, 300));
  } else if (cond < 0.01) {
    observe(c, 'precaution', ObservationCode.eggAllergy, 'Allergic reaction to egg protein', c.dob + c.rng.between(200, 900));
  } else if (cond < 0.012 && ageNow > 25) {
    observe(
      c,
      'immunity',
      ObservationCode.labImmunityHepB,
      'Laboratory evidence of immunity to hepatitis B',
      c.dob + c.rng.between(18 * 365, 25 * 365),
    );
  }
}

/** Severe allergic reaction after a pertussis-containing dose: record it and stop the series there. */
function stopPertussisAfterAllergy(c: Ctx): void {
  const first = c.out.doses.find(isPertussisDose);
  if (first) {
    const keep = c.out.doses.map((d) => !PERTUSSIS_CVX.has(d.cvx) || d.date <= first.date);
    c.out.doses = c.out.doses.filter((_, i) => keep[i]);
    c.days = c.days.filter((_, i) => keep[i]);
    c.blocked |= bit('DTaP') | bit('Tdap');
    observe(
      c,
      'contraindication',
      ObservationCode.severeAllergyPertussis,
      'Severe allergic reaction after previous dose of Pertussis',
      parseIsoDate(first.date) + 1,
    );
  }
}

function isPertussisDose(d: Dose): boolean {
  return PERTUSSIS_CVX.has(d.cvx);
}
