// Search for a vaccine picker: by CVX code, NDC (scanned or typed, any form), trade name or vaccine name;
// products that can be given today first.
import { CVX, lazy, NDC, TRADE_NAMES } from './data.ts';
import { isNdcCurrent, ndcToProduct } from './ndc.ts';
import type { Cvx, NdcProduct } from './types.ts';
import { canonicalCvx, cvx as findCvx, isAdministrable } from './vaccines.ts';

export interface VaccineMatch {
  cvx: Cvx;
  matchedBy: 'cvx' | 'ndc' | 'trade-name' | 'name';
  /** The NDC product, when the query was an NDC. */
  ndc?: NdcProduct;
  tradeName?: string;
  mvx?: string;
  /** CVX active, trade name active, NDC still distributed (on `onDate`, or without an end date). */
  active: boolean;
  /** What a picker shows: 'FLUZONE … — Influenza, split virus, trivalent, PF (CVX 140)'. */
  label: string;
}

export interface SearchOptions {
  /** ISO date the dose is given on: decides whether an NDC is still distributed. */
  onDate?: string;
  /** At most this many matches (default 20). */
  limit?: number;
  /** Leave out inactive, non-US and never-active vaccines entirely (default: list them after the active ones). */
  activeOnly?: boolean;
  /** Only codes a dose given here may be recorded under (`isAdministrable`): no unspecified or non-vaccine codes. */
  administered?: boolean;
}

const names = lazy(() => CVX.map((c) => ({ c, text: `${c.shortName} ${c.fullName}`.toLowerCase(), short: c.shortName.toLowerCase() })));
const trades = lazy(() => TRADE_NAMES.map((t) => ({ t, text: t.name.toLowerCase() })));
const ndcDigits = lazy(() => NDC.map((p) => ({ p, digits: [p.ndc.replace(/-/g, ''), p.ndc10.replace(/-/g, '')] })));

function label(c: Cvx, tradeName?: string): string {
  return tradeName ? `${tradeName} — ${c.shortName} (CVX ${c.code})` : `${c.shortName} (CVX ${c.code})`;
}

function ndcMatches(p: NdcProduct, onDate: string | undefined, rank: number): [number, VaccineMatch][] {
  const current = onDate ? isNdcCurrent(p, onDate) : p.endDate === undefined;
  return p.cvx.flatMap((code) => {
    const c = findCvx(code);
    if (!c) return [];
    const m: VaccineMatch = {
      cvx: c,
      matchedBy: 'ndc',
      ndc: p,
      tradeName: p.tradeName,
      active: current && c.status === 'active',
      label: label(c, p.tradeName),
    };
    if (p.mvx) m.mvx = p.mvx;
    return [[rank, m]];
  });
}

/** Matches for a query typed or scanned into a vaccine picker, active products first, best matches first. */
export function searchVaccines(query: string, options: SearchOptions = {}): VaccineMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const found: [number, VaccineMatch][] = []; // [rank, match]: 0 exact code, 1 name starts with, 2 code prefix, 3 contains
  const code = canonicalCvx(q);
  const exact = code ? findCvx(code) : undefined;
  if (exact) found.push([0, { cvx: exact, matchedBy: 'cvx', active: exact.status === 'active', label: label(exact) }]);

  const product = ndcToProduct(q);
  if (product) found.push(...ndcMatches(product, options.onDate, 0));
  const digits = q.replace(/-/g, '');
  if (!product && /^\d{5,}$/.test(digits)) {
    for (const { p, digits: d } of ndcDigits()) if (d.some((x) => x.startsWith(digits))) found.push(...ndcMatches(p, options.onDate, 2));
  }

  const words = q.split(/\s+/);
  for (const { c, text, short } of names()) {
    if (words.every((w) => text.includes(w))) {
      found.push([short.startsWith(q) ? 1 : 3, { cvx: c, matchedBy: 'name', active: c.status === 'active', label: label(c) }]);
    }
  }
  for (const { t, text } of trades()) {
    const c = findCvx(t.cvx);
    if (!c || !words.every((w) => text.includes(w))) continue;
    const active = t.status === 'active' && c.status === 'active';
    found.push([
      text.startsWith(q) ? 1 : 3,
      { cvx: c, matchedBy: 'trade-name', tradeName: t.name, mvx: t.mvx, active, label: label(c, t.name) },
    ]);
  }

  const seen = new Set<string>();
  return found
    .filter(([, m]) => (!options.activeOnly || m.active) && (!options.administered || isAdministrable(m.cvx)))
    .sort(([ra, a], [rb, b]) => Number(b.active) - Number(a.active) || ra - rb || a.label.localeCompare(b.label))
    .map(([, m]) => m)
    .filter((m) => {
      const key = `${m.cvx.code}|${m.ndc?.ndc ?? ''}|${m.tradeName ?? ''}|${m.mvx ?? ''}`;
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, options.limit ?? 20);
}
