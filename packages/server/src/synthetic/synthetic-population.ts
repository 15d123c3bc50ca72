// Deterministic synthetic population for demos, load tests and matching tests: households in Connecticut
// towns (siblings share surname, address, phone, guardians and mother's maiden name; some twins), names
// with diacritics and hyphenated surnames, and dose histories by age (synthetic-doses.ts).
// It streams: each household has its own PRNG stream derived from (seed, household index), so memory stays
// flat for a million people and the same seed always yields the same people, whatever `duplicates` is.
// Planted duplicates are extra records (people + duplicates are yielded in total): the same person again,
// under another clinic, with a typo, nickname, transposed DOB, swapped or partial name.

import { foldDiacritics, nicknamesOf, normalizeName } from '../modules/patients/index.ts';
import { generateHistory } from './synthetic-doses.ts';
import { parseIsoDate } from '@nutmeg/forecast';
import { Rng, isoDay, mixSeed } from './synthetic-random.ts';
import { CT_AREA_CODES, CT_TOWNS, HERITAGES, STREETS, type Heritage, type Town } from './synthetic-tables.ts';
import type { Address, Ethnicity, Guardian, Patient, PatientRecord, Race, Sex, VfcEligibility } from '../modules/patients/index.ts';

export interface GenerateOptions {
  seed: number;
  /** Distinct people to generate. */
  people: number;
  /** 'YYYY-MM-DD': nobody is born and no dose is given after this day. */
  asOf: string;
  /** Clinics that report records; a household's medical home is one of them. */
  clinicIds: readonly string[];
  /** Extra records that duplicate one of the people (default 0). */
  duplicates?: number;
}

export const DuplicateKind = {
  typoFirst: 'typo-first',
  typoLast: 'typo-last',
  nickname: 'nickname',
  dobTransposed: 'dob-transposed',
  swappedNames: 'swapped-names',
  hyphenPart: 'hyphen-part',
  diacriticsDropped: 'diacritics-dropped',
} as const;
export type DuplicateKind = (typeof DuplicateKind)[keyof typeof DuplicateKind];

export interface SyntheticPerson {
  /** Stable key within a seed ('P0000001'); a planted duplicate has its own key and `duplicateOf`. */
  key: string;
  householdKey: string;
  /** The clinic that reported this record (assigner of its MRN). */
  clinicId: string;
  duplicateOf?: string;
  duplicateKind?: DuplicateKind;
  record: PatientRecord;
}

const TOWN_TOTAL = CT_TOWNS.reduce((n, t) => n + t.weight, 0);
const HERITAGE_TOTAL = HERITAGES.reduce((n, h) => n + h.share, 0);
const DUPLICATE_KINDS = Object.values(DuplicateKind);
const BIRTH_COUNTRY: Record<string, string> = {
  vi: 'VNM',
  es: 'MEX',
  pt: 'PRT',
  zh: 'CHN',
  hi: 'IND',
  gu: 'IND',
  ko: 'KOR',
  ht: 'HTI',
  pl: 'POL',
};

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[], total: number): T {
  let r = rng.next() * total;
  for (const it of items) {
    r -= it.weight;
    if (r < 0) return it;
  }
  return items[items.length - 1]!;
}

function pickHeritage(rng: Rng): Heritage {
  let r = rng.next() * HERITAGE_TOTAL;
  for (const h of HERITAGES) {
    r -= h.share;
    if (r < 0) return h;
  }
  return HERITAGES[0]!;
}

function pickLanguage(rng: Rng, h: Heritage): string {
  const r = rng.next() * 100;
  for (const [code, upTo] of h.languages) if (r < upTo) return code;
  return 'en';
}

function vfcFor(rng: Rng): VfcEligibility {
  const r = rng.next();
  return r < 0.35 ? 'V02' : r < 0.39 ? 'V03' : r < 0.395 ? 'V04' : r < 0.415 ? 'V05' : 'V01';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

interface Household {
  key: string;
  heritage: Heritage;
  surname: string;
  town: Town;
  address: Address;
  phone: string;
  language: string;
  clinicId: string;
  vfc: VfcEligibility;
}

interface Member {
  sex: 'F' | 'M';
  first: string;
  middle?: string;
  last: string;
  dob: number;
  maidenName?: string;
  mothersMaidenName?: string;
  guardians: Guardian[];
  birthOrder?: number;
  multipleBirth: boolean;
  child: boolean;
}

/** Streams the population. `for (const p of generatePopulation(opts))` holds one household at a time. */
export function* generatePopulation(opts: GenerateOptions): Generator<SyntheticPerson> {
  if (opts.clinicIds.length === 0) throw new Error('generatePopulation needs at least one clinic id');
  const asOf = parseIsoDate(opts.asOf);
  const total = Math.max(0, Math.floor(opts.people));
  let dupsLeft = Math.min(Math.max(0, Math.floor(opts.duplicates ?? 0)), total);
  const select = new Rng(mixSeed(opts.seed, 0xd0b1e));
  const pending: Array<{ due: number; person: SyntheticPerson }> = [];
  let seq = 0;
  let dupSeq = 0;
  for (let h = 0; seq < total; h++) {
    const rng = new Rng(mixSeed(opts.seed, h));
    const hh = buildHousehold(rng, h, opts.clinicIds);
    for (const m of buildMembers(rng, hh, asOf)) {
      if (seq >= total) break;
      const key = `P${pad(++seq, 7)}`;
      const person = buildPerson(rng, hh, m, key, asOf, opts.clinicIds);
      // Selection sampling (Knuth's algorithm S): exactly `duplicates` people get a twin record.
      if (dupsLeft > 0 && select.next() * (total - seq + 1) < dupsLeft) {
        dupsLeft--;
        const dupRng = new Rng(mixSeed(opts.seed ^ 0x5eed, seq));
        const dup = plantDuplicate(dupRng, person, `D${pad(++dupSeq, 7)}`, opts.clinicIds);
        pending.push({ due: seq + dupRng.between(0, 50), person: dup });
      }
      yield person;
      while (pending.length > 0 && pending[0]!.due <= seq) yield pending.shift()!.person;
    }
  }
  for (const p of pending) yield p.person;
}

/** The same stream in arrays of `size` (for multi-row inserts). */
export function* generatePopulationBatches(opts: GenerateOptions, size: number): Generator<SyntheticPerson[]> {
  let batch: SyntheticPerson[] = [];
  for (const p of generatePopulation(opts)) {
    batch.push(p);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function buildHousehold(rng: Rng, h: number, clinicIds: readonly string[]): Household {
  const heritage = pickHeritage(rng);
  const town = pickWeighted(rng, CT_TOWNS, TOWN_TOTAL);
  const street = `${rng.between(1, 1999)} ${rng.pickSkewed(STREETS, 1.3)}`;
  const address: Address = {
    street,
    ...(rng.chance(0.25) ? { street2: `Apt ${rng.between(1, 40)}` } : {}),
    city: town.city,
    state: 'CT',
    zip: rng.pick(town.zips),
    county: town.county,
    type: 'H',
    current: true,
  };
  return {
    key: `H${pad(h + 1, 7)}`,
    heritage,
    surname: rng.pickSkewed(heritage.last),
    town,
    address,
    phone: `${rng.pick(CT_AREA_CODES)}555${pad(rng.int(10000), 4)}`,
    language: pickLanguage(rng, heritage),
    clinicId: rng.pick(clinicIds),
    vfc: vfcFor(rng),
  };
}

function firstName(rng: Rng, h: Heritage, sex: 'F' | 'M'): string {
  return rng.pickSkewed(sex === 'F' ? h.female : h.male);
}

function middleName(rng: Rng, h: Heritage, sex: 'F' | 'M'): string | undefined {
  const custom = sex === 'F' ? h.middleFemale : h.middleMale;
  if (custom) return rng.pick(custom);
  return rng.chance(0.6) ? firstName(rng, h, sex) : undefined;
}

function buildMembers(rng: Rng, hh: Household, asOf: number): Member[] {
  const h = hh.heritage;
  const kind = rng.next();
  const members: Member[] = [];
  const adult = (sex: 'F' | 'M', minAge: number, maxAge: number, last = hh.surname): Member => ({
    sex,
    first: firstName(rng, h, sex),
    ...optional('middle', middleName(rng, h, sex)),
    last,
    dob: asOf - rng.between(minAge * 365, maxAge * 365),
    guardians: [],
    multipleBirth: false,
    child: false,
  });
  if (kind < 0.43) {
    // Family with children: mother (maybe father), 1–4 children, sometimes twins.
    const maiden = rng.pickSkewed(h.last);
    let surname = hh.surname;
    if (rng.chance(h.hyphenate / 100) && maiden !== surname) surname = `${surname}-${maiden}`;
    const mother = adult('F', 22, 52, rng.chance(0.2) ? maiden : surname);
    mother.maidenName = maiden;
    members.push(mother);
    const father = rng.chance(0.7) ? adult('M', 24, 58, hh.surname) : undefined;
    if (father) members.push(father);
    const guardians: Guardian[] = [{ name: { first: mother.first, last: mother.last }, relationship: 'MTH', phone: hh.phone }];
    if (father) guardians.push({ name: { first: father.first, last: father.last }, relationship: 'FTH', phone: hh.phone });
    const children = rng.chance(0.4) ? 1 : rng.chance(0.6) ? 2 : rng.between(3, 4);
    let birth = mother.dob + rng.between(19 * 365, 36 * 365);
    for (let i = 0; i < children && birth <= asOf; i++) {
      const twins = rng.chance(0.03);
      for (let order = 1; order <= (twins ? 2 : 1); order++) {
        const sex = rng.chance(0.49) ? 'F' : 'M';
        members.push({
          sex,
          first: firstName(rng, h, sex),
          ...optional('middle', middleName(rng, h, sex)),
          last: father ? surname : mother.last,
          dob: birth,
          mothersMaidenName: maiden,
          guardians,
          ...(twins ? { birthOrder: order } : {}),
          multipleBirth: twins,
          child: true,
        });
      }
      birth += rng.between(400, 2200);
    }
  } else if (kind < 0.7) {
    members.push(adult(rng.chance(0.5) ? 'F' : 'M', 18, 64));
    if (rng.chance(0.5)) members.push(adult(rng.chance(0.85) ? 'F' : 'M', 18, 64, rng.chance(0.7) ? hh.surname : rng.pickSkewed(h.last)));
  } else {
    members.push(adult(rng.chance(0.58) ? 'F' : 'M', 65, 99));
    if (rng.chance(0.4)) members.push(adult(rng.chance(0.5) ? 'F' : 'M', 65, 95));
  }
  return members;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const asciiCache = new Map<string, string>();
/** Lower-case ASCII of a name from the (small, fixed) name tables, cached. */
function ascii(name: string): string {
  let v = asciiCache.get(name);
  if (v === undefined) {
    v = foldDiacritics(name)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    asciiCache.set(name, v);
  }
  return v;
}

function emailFor(rng: Rng, first: string, last: string): string {
  const local = `${ascii(first)}.${ascii(last)}`;
  return `${local}${rng.between(1, 99)}@example.${rng.pick(['com', 'org', 'net'])}`;
}

function buildPerson(rng: Rng, hh: Household, m: Member, key: string, asOf: number, clinicIds: readonly string[]): SyntheticPerson {
  const ageYears = (asOf - m.dob) / 365.25;
  const minor = ageYears < 18;
  const clinicId = minor || rng.chance(0.6) ? hh.clinicId : rng.pick(clinicIds);
  const vfc: VfcEligibility = minor ? hh.vfc : 'V01';
  const born = rng.chance(m.child ? 0.88 : 0.55);
  const addresses: Address[] = [hh.address];
  if (rng.chance(0.05)) {
    const town = pickWeighted(rng, CT_TOWNS, TOWN_TOTAL);
    addresses.push({
      street: `${rng.between(1, 999)} ${rng.pick(STREETS)}`,
      city: town.city,
      state: 'CT',
      zip: rng.pick(town.zips),
      county: town.county,
      type: 'H',
      current: false,
    });
  }
  const phones: Patient['phones'] = [{ number: hh.phone, use: 'PRN' }];
  if (!minor && rng.chance(0.6)) phones.push({ number: `${rng.pick(CT_AREA_CODES)}555${pad(rng.int(10000), 4)}`, use: 'CP' });
  const race: Race = rng.chance(0.04) ? '2131-1' : (hh.heritage.race as Race);
  const patient: Patient = {
    name: { first: m.first, ...optional('middle', m.middle), last: m.last, ...(rng.chance(0.01) && m.sex === 'M' ? { suffix: 'Jr' } : {}) },
    aliases: m.maidenName && m.maidenName !== m.last ? [{ first: m.first, last: m.maidenName, type: 'M' }] : [],
    dob: isoDay(m.dob),
    sex: (rng.chance(0.002) ? 'X' : m.sex) as Sex,
    multipleBirth: m.multipleBirth,
    ...optional('birthOrder', m.birthOrder),
    ...optional('mothersMaidenName', m.mothersMaidenName ?? (rng.chance(0.5) ? rng.pickSkewed(hh.heritage.last) : undefined)),
    race,
    ethnicity: hh.heritage.ethnicity as Ethnicity,
    language: minor && rng.chance(0.5) ? 'en' : hh.language,
    addresses,
    phones,
    emails: !minor && rng.chance(0.6) ? [emailFor(rng, m.first, m.last)] : [],
    guardians: minor ? m.guardians : [],
    identifiers: [{ type: 'MR', value: `${rng.between(100000, 999999)}${pad(rng.int(100), 2)}`, assigner: clinicId }],
    birthState: born ? 'CT' : rng.pick(['NY', 'MA', 'RI', 'NJ', 'PR', 'FL']),
    birthCountry: born || m.child ? 'USA' : (BIRTH_COUNTRY[hh.language] ?? 'USA'),
  };
  if (vfc === 'V02') patient.identifiers.push({ type: 'MA', value: pad(rng.int(1_000_000_000), 9), assigner: 'CT' });
  if (rng.chance(0.002)) patient.notes = 'Family requests phone contact in the evening.';
  const history = generateHistory(rng, { dob: m.dob, asOf, sex: m.sex, clinicId, clinicIds, vfc });
  return { key, householdKey: hh.key, clinicId, record: { patient, ...history } };
}

function swapAdjacent(rng: Rng, s: string): string {
  if (s.length < 3) return s + s.slice(-1);
  const i = rng.between(1, s.length - 2);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The same person as reported by another clinic, with one realistic error. Doses are split between them. */
function plantDuplicate(rng: Rng, original: SyntheticPerson, key: string, clinicIds: readonly string[]): SyntheticPerson {
  const src = original.record;
  const p: Patient = structuredClone(src.patient);
  let kind = rng.pick(DUPLICATE_KINDS);
  const nick = nicknamesOf(normalizeName(p.name.first));
  if (kind === DuplicateKind.nickname && nick.length === 0) kind = DuplicateKind.typoFirst;
  if (kind === DuplicateKind.diacriticsDropped && foldDiacritics(`${p.name.first}${p.name.last}`) === `${p.name.first}${p.name.last}`)
    kind = DuplicateKind.typoLast;
  if (kind === DuplicateKind.dobTransposed) {
    const [y, mo, d] = p.dob.split('-') as [string, string, string];
    const swapped =
      Number(d) <= 12 && d !== mo
        ? `${y}-${d}-${mo}`
        : d.charAt(0) !== d.charAt(1) && Number(d.charAt(1) + d.charAt(0)) <= 28
          ? `${y}-${mo}-${d.charAt(1)}${d.charAt(0)}`
          : undefined;
    if (swapped) p.dob = swapped;
    else kind = DuplicateKind.typoFirst;
  }
  switch (kind) {
    case DuplicateKind.typoFirst:
      p.name.first = swapAdjacent(rng, p.name.first);
      break;
    case DuplicateKind.typoLast:
      p.name.last = swapAdjacent(rng, p.name.last);
      break;
    case DuplicateKind.nickname:
      p.name.first = capitalize(rng.pick(nick));
      break;
    case DuplicateKind.swappedNames:
      p.name = { first: p.name.last, last: p.name.first };
      break;
    case DuplicateKind.hyphenPart: {
      const parts = p.name.last.split(/[- ]/).filter(Boolean);
      p.name.last = parts.length > 1 ? rng.pick(parts) : `${p.name.last}-${p.mothersMaidenName ?? 'Smith'}`;
      break;
    }
    case DuplicateKind.diacriticsDropped:
      p.name = { first: foldDiacritics(p.name.first), last: foldDiacritics(p.name.last) };
      break;
    case DuplicateKind.dobTransposed:
      break;
  }
  // The other clinic knows less: no middle name, maybe no phone or maiden name, its own MRN.
  const clinicId = clinicIds.length > 1 ? rng.pick(clinicIds.filter((c) => c !== original.clinicId)) : original.clinicId;
  delete p.name.middle;
  if (rng.chance(0.5)) p.phones = [];
  if (rng.chance(0.5)) delete p.mothersMaidenName;
  p.identifiers = [{ type: 'MR', value: `${rng.between(100000, 999999)}`, assigner: clinicId }];
  // Doses from a split date on were given at the new clinic; a few are reported by both (dedup cases).
  const doses = src.doses;
  const split = doses.length === 0 ? 0 : rng.between(Math.floor(doses.length / 3), doses.length);
  const overlap = rng.chance(0.3) ? Math.min(2, split) : 0;
  const dupDoses = doses.slice(split - overlap).filter((d) => d.date >= p.dob);
  src.doses = doses.slice(0, split);
  return {
    key,
    householdKey: original.householdKey,
    clinicId,
    duplicateOf: original.key,
    duplicateKind: kind,
    record: {
      patient: p,
      doses: dupDoses.map((d) => (d.kind === 'administered' ? { ...d, clinicId } : d)),
      refusals: [],
      observations: [],
    },
  };
}
