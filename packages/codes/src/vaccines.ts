// CVX, MVX, trade names and VIS look-ups.
import { CVX, groupBy, lazy, MVX, TRADE_NAMES, VIS } from './data.ts';
import type { Cvx, Mvx, TradeName, VaccineGroupRef, VisDocument } from './types.ts';

/**
 * The canonical form of a CVX code: digits, at least two ('8', '08', '008', ' 08 ' → '08'; '107' → '107').
 * HL7 sends CVX as a string and senders drop or add leading zeros; CDC publishes '08', so Nutmeg stores and prints
 * '08'. Returns null for anything that is not 1–3 digits. (The forecaster's `normalizeCvx` strips zeros instead:
 * convert at that boundary.)
 */
export function canonicalCvx(code: string): string | null {
  const t = code.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  return String(Number(t)).padStart(2, '0');
}

const cvxIndex = lazy(() => new Map(CVX.map((c) => [c.code, c])));
const mvxIndex = lazy(() => new Map(MVX.map((m) => [m.code, m])));
const tradeNamesByCvx = lazy(() => groupBy(TRADE_NAMES, (t) => t.cvx));
const visByCvx = lazy(() => groupBy(VIS, (v) => v.cvx));
const visByEncoded = lazy(() => new Map(VIS.map((v) => [v.encoded, v])));

/** The CVX entry for a code in any zero-padding ('8' finds '08'), or undefined when CDC does not list it. */
export function cvx(code: string): Cvx | undefined {
  const c = canonicalCvx(code);
  return c === null ? undefined : cvxIndex().get(c);
}

/**
 * Whether a dose given here may be recorded under this CVX: a code CDC lists as active or inactive (a correction of
 * an old dose keeps its code), immune globulins included. Unspecified formulations ('45' Hep B, unspecified), non-US
 * and never-active codes, '998' (no vaccine administered) and '999' (unknown) are for historical records only.
 * (AIRA's concept type is not used beyond 'unspecified': it calls licensed products such as Vaxelis 'pending'.)
 */
export function isAdministrable(c: Cvx): boolean {
  const listed = c.status === 'active' || c.status === 'inactive';
  return listed && c.conceptType !== 'unspecified' && c.code !== '998' && c.code !== '999';
}

/** Every CVX code CDC lists, in code order. */
export function allCvx(): readonly Cvx[] {
  return CVX;
}

/** CDC's vaccine groups of a CVX (several for a combination vaccine); [] for an unknown code. */
export function vaccineGroups(code: string): readonly VaccineGroupRef[] {
  return cvx(code)?.vaccineGroups ?? [];
}

/** The MVX entry for a manufacturer code (case-insensitive, trimmed). */
export function mvx(code: string): Mvx | undefined {
  return mvxIndex().get(code.trim().toUpperCase());
}

export function allMvx(): readonly Mvx[] {
  return MVX;
}

/** CDC product names reported under a CVX (optionally of one manufacturer), active first. */
export function tradeNames(code: string, manufacturer?: string): readonly TradeName[] {
  const c = canonicalCvx(code);
  const list = (c && tradeNamesByCvx().get(c)) || [];
  const m = manufacturer?.trim().toUpperCase();
  return list.filter((t) => !m || t.mvx === m).sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
}

export function allTradeNames(): readonly TradeName[] {
  return TRADE_NAMES;
}

/** VIS editions given for a CVX: the current edition(s) first, then historic ones, newest first. */
export function visDocuments(code: string): readonly VisDocument[] {
  const c = canonicalCvx(code);
  const list = (c && visByCvx().get(c)) || [];
  return [...list].sort(
    (a, b) => Number(b.status === 'current') - Number(a.status === 'current') || b.editionDate.localeCompare(a.editionDate),
  );
}

/** A VIS edition by the fully-encoded string of its bar code (what OBX 69764-9 carries). */
export function visByBarcode(encoded: string): VisDocument | undefined {
  return visByEncoded().get(encoded.trim());
}

export function allVisDocuments(): readonly VisDocument[] {
  return VIS;
}
