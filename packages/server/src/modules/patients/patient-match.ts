// Fellegi-Sunter scoring of a candidate patient against a query (a search or a new/incoming record).
// Each field is compared to an agreement level; each level carries m (P(level | same person)) and
// u (P(level | different people)); the record weight is Σ log2(m/u). Missing data weighs 0.
// Household fields (address, phone, guardian, mother's maiden name) are shared by siblings, so their joint
// positive evidence is capped: otherwise a brother at the same address would outscore a typo'd self.
// The probabilities are hand-set from published IIS deduplication work (AIRA/MIROW) and tuned on the tests
// beside this file; they are constants so that a jurisdiction can re-estimate them (e.g. by EM) later.

import { areNicknames } from './nicknames.ts';
import { compactName, jaroWinkler, nameParts, normalizePhone, normalizeStreet, soundex } from './name-normalize.ts';
import type { Address, Guardian, PatientAlias, PersonName, Sex } from './patient.types.ts';

/** What matching looks at. A search form fills name + DOB (+ sex); an incoming record fills more. */
export interface MatchSubject {
  name: PersonName;
  dob: string;
  sex?: Sex | undefined;
  aliases?: readonly PatientAlias[] | undefined;
  mothersMaidenName?: string | undefined;
  addresses?: readonly Pick<Address, 'street' | 'zip'>[] | undefined;
  phones?: readonly { number: string }[] | undefined;
  guardians?: readonly Pick<Guardian, 'name'>[] | undefined;
  birthOrder?: number | undefined;
}

/** Score ≥ this: show as a likely duplicate (search) / route to the merge queue (incoming). */
export const LIKELY_DUPLICATE_THRESHOLD = 80;
/** Score ≥ this: show as a possible match; below it the candidate is not shown. */
export const POSSIBLE_MATCH_THRESHOLD = 50;
/** Log-likelihood mapped to score 100 (exact first, last and DOB alone reach ~90). */
const FULL_SCORE_WEIGHT = 30;
/** Cap on the summed positive weight of household-level fields. */
const HOUSEHOLD_CAP = 8;

interface Level {
  m: number;
  u: number;
}
const w = (l: Level): number => Math.log2(l.m / l.u);

const FIRST = {
  exact: { m: 0.85, u: 0.005 },
  nickname: { m: 0.04, u: 0.001 },
  fuzzy: { m: 0.06, u: 0.002 },
  part: { m: 0.02, u: 0.002 },
  phonetic: { m: 0.01, u: 0.006 },
  initial: { m: 0.01, u: 0.005 },
  disagree: { m: 0.01, u: 0.98 },
} satisfies Record<string, Level>;

const LAST = {
  exact: { m: 0.87, u: 0.002 },
  part: { m: 0.04, u: 0.001 },
  fuzzy: { m: 0.05, u: 0.002 },
  phonetic: { m: 0.01, u: 0.005 },
  disagree: { m: 0.03, u: 0.99 },
} satisfies Record<string, Level>;

const DOB = {
  exact: { m: 0.93, u: 0.0005 },
  transposed: { m: 0.02, u: 0.001 },
  oneOff: { m: 0.03, u: 0.01 },
  disagree: { m: 0.02, u: 0.99 },
} satisfies Record<string, Level>;

const SEX = { agree: { m: 0.97, u: 0.5 }, disagree: { m: 0.03, u: 0.5 } } satisfies Record<string, Level>;
const MAIDEN = {
  exact: { m: 0.8, u: 0.01 },
  fuzzy: { m: 0.1, u: 0.01 },
  disagree: { m: 0.1, u: 0.98 },
} satisfies Record<string, Level>;
const STREET = { agree: { m: 0.5, u: 0.002 }, zip: { m: 0.3, u: 0.05 }, disagree: { m: 0.2, u: 0.95 } };
const PHONE = { agree: { m: 0.5, u: 0.001 }, disagree: { m: 0.3, u: 0.99 } };
const GUARDIAN = { agree: { m: 0.5, u: 0.005 }, disagree: { m: 0.3, u: 0.95 } };
/** Both records state a birth order and they differ: twins, not a duplicate. */
const BIRTH_ORDER_DIFFERS = { m: 0.01, u: 0.5 };
/** First and last both agree only when crossed over. */
const SWAP_PENALTY = 1.5;

export type NameLevel = keyof typeof FIRST | keyof typeof LAST | 'missing';
export type DobLevel = keyof typeof DOB | 'missing';

export interface MatchResult {
  /** 0–100; compare with LIKELY_DUPLICATE_THRESHOLD / POSSIBLE_MATCH_THRESHOLD. */
  score: number;
  /** Raw Fellegi-Sunter weight (log2 likelihood ratio). */
  weight: number;
  classification: 'likely' | 'possible' | 'unlikely';
  firstName: NameLevel;
  lastName: NameLevel;
  dob: DobLevel;
  swapped: boolean;
  /** Human-readable, most important first: "nickname: Bill→William", "DOB digits transposed". */
  reasons: string[];
}

interface FieldOutcome<L extends string> {
  level: L;
  weight: number;
  reason?: string;
}

const FUZZY_MIN = 0.88;

function display(s: string | undefined): string {
  return (s ?? '').trim();
}

/** Compare given names. `qMiddle`/`cMiddle` catch people who go by their middle name. */
export function compareFirstNames(q: string, c: string, qMiddle?: string, cMiddle?: string): FieldOutcome<keyof typeof FIRST | 'missing'> {
  const a = compactName(q);
  const b = compactName(c);
  if (!a || !b) return { level: 'missing', weight: 0 };
  if (a === b) return { level: 'exact', weight: w(FIRST.exact), reason: 'first name exact' };
  const pa = nameParts(q);
  const pb = nameParts(c);
  for (const x of pa) {
    for (const y of pb) {
      if (areNicknames(x, y)) {
        return { level: 'nickname', weight: w(FIRST.nickname), reason: `nickname: ${display(q)}→${display(c)}` };
      }
    }
  }
  if (jaroWinkler(a, b) >= FUZZY_MIN) {
    return { level: 'fuzzy', weight: w(FIRST.fuzzy), reason: `first name similar: ${display(q)}~${display(c)}` };
  }
  if (pa.some((x) => pb.includes(x))) {
    return { level: 'part', weight: w(FIRST.part), reason: `first name part match: ${display(q)}~${display(c)}` };
  }
  const qm = compactName(qMiddle);
  const cm = compactName(cMiddle);
  if ((qm && qm === b) || (cm && cm === a)) {
    return { level: 'part', weight: w(FIRST.part), reason: 'first name matches middle name' };
  }
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) {
    return { level: 'initial', weight: w(FIRST.initial), reason: 'first initial matches' };
  }
  if (soundex(a) === soundex(b)) {
    return { level: 'phonetic', weight: w(FIRST.phonetic), reason: 'first name sounds alike' };
  }
  return { level: 'disagree', weight: w(FIRST.disagree), reason: 'first name differs' };
}

/** Compare surnames, including hyphenated/compound parts ("Garcia-Lopez" ~ "Lopez"). */
export function compareLastNames(q: string, c: string): FieldOutcome<keyof typeof LAST | 'missing'> {
  const a = compactName(q);
  const b = compactName(c);
  if (!a || !b) return { level: 'missing', weight: 0 };
  if (a === b) return { level: 'exact', weight: w(LAST.exact), reason: 'last name exact' };
  const pa = nameParts(q);
  const pb = nameParts(c);
  if ((pa.length > 1 || pb.length > 1) && pa.some((x) => pb.includes(x))) {
    return { level: 'part', weight: w(LAST.part), reason: `last name part match: ${display(q)}~${display(c)}` };
  }
  let best = jaroWinkler(a, b);
  for (const x of pa) for (const y of pb) best = Math.max(best, jaroWinkler(x, y) - 0.03);
  if (best >= FUZZY_MIN) {
    return { level: 'fuzzy', weight: w(LAST.fuzzy), reason: `last name similar: ${display(q)}~${display(c)}` };
  }
  if (soundex(a) === soundex(b)) {
    return { level: 'phonetic', weight: w(LAST.phonetic), reason: 'last name sounds alike' };
  }
  return { level: 'disagree', weight: w(LAST.disagree), reason: 'last name differs' };
}

function splitDate(d: string): [string, string, string] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? [m[1]!, m[2]!, m[3]!] : undefined;
}

/** Compare birth dates: exact, two adjacent digits transposed or month/day swapped, one component off. */
export function compareDob(q: string, c: string): FieldOutcome<DobLevel> {
  if (!q || !c) return { level: 'missing', weight: 0 };
  if (q === c) return { level: 'exact', weight: w(DOB.exact), reason: 'DOB exact' };
  const a = splitDate(q);
  const b = splitDate(c);
  if (!a || !b) return { level: 'disagree', weight: w(DOB.disagree), reason: 'DOB differs' };
  if (a[0] === b[0] && a[1] === b[2] && a[2] === b[1]) {
    return { level: 'transposed', weight: w(DOB.transposed), reason: 'DOB month and day swapped' };
  }
  const da = a.join('');
  const db = b.join('');
  const diff: number[] = [];
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) diff.push(i);
  if (diff.length === 2 && diff[1] === diff[0]! + 1 && da[diff[0]!] === db[diff[1]!] && da[diff[1]!] === db[diff[0]!]) {
    return { level: 'transposed', weight: w(DOB.transposed), reason: 'DOB digits transposed' };
  }
  const same = [a[0] === b[0], a[1] === b[1], a[2] === b[2]].filter(Boolean).length;
  if (same === 2) {
    const which = a[0] !== b[0] ? 'year' : a[1] !== b[1] ? 'month' : 'day';
    return { level: 'oneOff', weight: w(DOB.oneOff), reason: `DOB ${which} differs` };
  }
  return { level: 'disagree', weight: w(DOB.disagree), reason: 'DOB differs' };
}

function nameOf(n: PersonName): string {
  return `${n.first} ${n.last}`;
}

function compareGuardians(
  q: readonly Pick<Guardian, 'name'>[] | undefined,
  c: readonly Pick<Guardian, 'name'>[] | undefined,
): FieldOutcome<'agree' | 'disagree' | 'missing'> {
  if (!q?.length || !c?.length) return { level: 'missing', weight: 0 };
  for (const g of q) {
    for (const h of c) {
      const first = compareFirstNames(g.name.first, h.name.first);
      const last = compareLastNames(g.name.last, h.name.last);
      if (first.weight > 0 && last.weight > 0) {
        return { level: 'agree', weight: w(GUARDIAN.agree), reason: `guardian ${nameOf(h.name)} matches` };
      }
    }
  }
  return { level: 'disagree', weight: w(GUARDIAN.disagree) };
}

function compareAddresses(
  q: MatchSubject['addresses'],
  c: MatchSubject['addresses'],
): FieldOutcome<'agree' | 'zip' | 'disagree' | 'missing'> {
  if (!q?.length || !c?.length) return { level: 'missing', weight: 0 };
  let zip = false;
  for (const x of q) {
    const sx = normalizeStreet(x.street);
    for (const y of c) {
      if (sx && sx === normalizeStreet(y.street)) {
        return { level: 'agree', weight: w(STREET.agree), reason: 'address matches' };
      }
      if (x.zip.slice(0, 5) === y.zip.slice(0, 5)) zip = true;
    }
  }
  return zip ? { level: 'zip', weight: w(STREET.zip), reason: 'same ZIP code' } : { level: 'disagree', weight: w(STREET.disagree) };
}

function comparePhones(q: MatchSubject['phones'], c: MatchSubject['phones']): FieldOutcome<string> {
  if (!q?.length || !c?.length) return { level: 'missing', weight: 0 };
  const cs = new Set(c.map((p) => normalizePhone(p.number)).filter((p) => p.length >= 7));
  for (const p of q) {
    const d = normalizePhone(p.number);
    if (d.length >= 7 && cs.has(d)) return { level: 'agree', weight: w(PHONE.agree), reason: 'phone matches' };
  }
  return { level: 'disagree', weight: w(PHONE.disagree) };
}

function compareMaiden(q: string | undefined, c: string | undefined): FieldOutcome<string> {
  const a = compactName(q);
  const b = compactName(c);
  if (!a || !b) return { level: 'missing', weight: 0 };
  if (a === b) return { level: 'exact', weight: w(MAIDEN.exact), reason: "mother's maiden name matches" };
  if (jaroWinkler(a, b) >= FUZZY_MIN) {
    return { level: 'fuzzy', weight: w(MAIDEN.fuzzy), reason: "mother's maiden name similar" };
  }
  return { level: 'disagree', weight: w(MAIDEN.disagree), reason: "mother's maiden name differs" };
}

interface NamePairing {
  first: FieldOutcome<NameLevel>;
  last: FieldOutcome<NameLevel>;
  swapped: boolean;
  weight: number;
  alias?: string;
}

function pairNames(q: PersonName, c: PersonName): NamePairing {
  const first = compareFirstNames(q.first, c.first, q.middle, c.middle);
  const last = compareLastNames(q.last, c.last);
  const straight: NamePairing = { first, last, swapped: false, weight: first.weight + last.weight };
  const sFirst = compareFirstNames(q.first, c.last);
  const sLast = compareLastNames(q.last, c.first);
  const crossed = sFirst.weight + sLast.weight - SWAP_PENALTY;
  if (sFirst.weight > 0 && sLast.weight > 0 && crossed > straight.weight) {
    return { first: sFirst, last: sLast, swapped: true, weight: crossed };
  }
  return straight;
}

/** Score one candidate against the query. Symmetric in spirit; reasons are worded from the query's side. */
export function scoreMatch(query: MatchSubject, candidate: MatchSubject): MatchResult {
  // Best pairing over the candidate's current name and its aliases (maiden, previous names).
  let names = pairNames(query.name, candidate.name);
  for (const alias of candidate.aliases ?? []) {
    const p = pairNames(query.name, alias);
    if (p.weight > names.weight) names = { ...p, alias: nameOf(alias) };
  }
  for (const alias of query.aliases ?? []) {
    const p = pairNames(alias, candidate.name);
    if (p.weight > names.weight) names = { ...p, alias: nameOf(alias) };
  }
  const dob = compareDob(query.dob, candidate.dob);

  let weight = names.weight + dob.weight;
  const reasons: string[] = [];
  if (names.swapped) reasons.push('first and last names swapped');
  if (names.alias) reasons.push(`matched alias ${names.alias}`);
  for (const r of [names.first.reason, names.last.reason, dob.reason]) if (r) reasons.push(r);

  const qs = query.sex && query.sex !== 'U' ? query.sex : undefined;
  const cs = candidate.sex && candidate.sex !== 'U' ? candidate.sex : undefined;
  if (qs && cs) {
    weight += qs === cs ? w(SEX.agree) : w(SEX.disagree);
    if (qs !== cs) reasons.push('sex differs');
  }

  const household = [
    compareMaiden(query.mothersMaidenName, candidate.mothersMaidenName),
    compareAddresses(query.addresses, candidate.addresses),
    comparePhones(query.phones, candidate.phones),
    compareGuardians(query.guardians, candidate.guardians),
  ];
  let positive = 0;
  for (const h of household) {
    if (h.weight > 0) positive += h.weight;
    else weight += h.weight;
    if (h.reason) reasons.push(h.reason);
  }
  weight += Math.min(positive, HOUSEHOLD_CAP);

  if (query.birthOrder && candidate.birthOrder && query.birthOrder !== candidate.birthOrder) {
    weight += w(BIRTH_ORDER_DIFFERS);
    reasons.push('different birth order (multiple birth)');
  }

  const score = Math.max(0, Math.min(100, Math.round((weight / FULL_SCORE_WEIGHT) * 100)));
  return {
    score,
    weight,
    classification: score >= LIKELY_DUPLICATE_THRESHOLD ? 'likely' : score >= POSSIBLE_MATCH_THRESHOLD ? 'possible' : 'unlikely',
    firstName: names.first.level,
    lastName: names.last.level,
    dob: dob.level,
    swapped: names.swapped,
    reasons,
  };
}

export interface RankedCandidate<T> {
  candidate: T;
  match: MatchResult;
}

/** Score and sort candidates, best first; ties keep input order (stable). */
export function rankCandidates<T extends MatchSubject>(query: MatchSubject, candidates: readonly T[]): RankedCandidate<T>[] {
  return candidates
    .map((candidate) => ({ candidate, match: scoreMatch(query, candidate) }))
    .sort((x, y) => y.match.weight - x.match.weight);
}

/** One-line summary for a UI list: "name similar, DOB exact". */
export function summarizeMatch(m: MatchResult): string {
  const name = m.firstName === 'exact' && m.lastName === 'exact' ? 'name exact' : m.swapped ? 'name swapped' : 'name similar';
  const dob =
    m.dob === 'exact'
      ? 'DOB exact'
      : m.dob === 'transposed'
        ? 'DOB transposed'
        : m.dob === 'oneOff'
          ? 'DOB close'
          : m.dob === 'missing'
            ? ''
            : 'DOB differs';
  return dob ? `${name}, ${dob}` : name;
}
