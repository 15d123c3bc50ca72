// Reader of CDC's NDC files (NDC_Unit_sale.txt, NDC_Unit_use.txt, NDC_Linker.txt: pipe-delimited, no header).
// One product per NDC: an NDC listed both as unit of sale and unit of use (a single syringe sold alone) is merged.
import type { NdcProduct } from '../src/types.ts';
import { byCode } from './read-cdc.ts';
import { compact, cvxCode, isoDate, pipeRows } from './source-text.ts';

// Column positions in CDC's files (documented by CDC's "NDC lookup" download page; checked by the crosswalk test).
const COMMON = { id: 0, labeler: 1, product: 2, pkg: 3, trade: 4, generic: 5, labelerName: 6, start: 7, end: 8, form: 9, ndc: 14 };
const SALE = { ...COMMON, route: 10, updated: 11, cvx: 12, gtin: 15 };
const USE = { ...COMMON, gtin: 10, cvx: 11, updated: 15 };
const LINK = { sale: 1, use: 2, mvx: 3 };

/** '49281', '425', '50' → '49281-0425-50' (the 11-digit 5-4-2 form). */
function ndc11(labeler: string, product: string, pkg: string): string {
  return `${labeler.padStart(5, '0')}-${product.padStart(4, '0')}-${pkg.padStart(2, '0')}`;
}

const SINGLE = /SINGLE[- ](DOSE|USE)/;

/** Doses in one unit of use: stated ('5 DOSES'), or 1 for a single-dose container; undefined when not certain. */
export function dosesInUnit(description: string): number | undefined {
  const d = description.toUpperCase();
  const stated = /(\d+)\s+DOSES?\b/.exec(d);
  if (stated) return Number(stated[1]);
  if (/MULTI|CARTON|PACKAGE|BOTTLE|CAPSULE|KIT/.test(d)) return undefined;
  return SINGLE.test(d) || /SYRINGE|APPLICATOR|MICROINJECTOR/.test(d) ? 1 : undefined;
}

/**
 * Doses in a unit-of-sale package: stated ('CARTON, 1 KIT, 10 DOSES'), or the count of containers times the doses
 * of its unit of use ('CARTON, 10 SYRINGE' → 10). `unitDoses`: the doses of the linked units of use, when they agree.
 */
export function dosesInPackage(description: string, unitDoses: number | undefined): number | undefined {
  const d = description.toUpperCase();
  const stated = /(\d+)\s+DOSES\b/.exec(d);
  if (stated) return Number(stated[1]);
  // '10 SYRINGE', 'OF 10 SINGLE-DOSE VIALS', '10 PRE-FILLED GLASS SYRINGES', 'OF 10' (the container is the unit of use)
  const counted = /(?:^|[\s,])(\d+)(?:[\s,-]+(?:[A-Z()]+(?:-\s?[A-Z]+)?|\d*\.?\d+\s*ML))*?[\s,-]*\b(SYRINGE|VIAL|APPLICATOR|KIT|TRAY)/.exec(
    d,
  );
  const count = counted ? Number(counted[1]) : /\bOF (\d+)$/.test(d) ? Number(/\bOF (\d+)$/.exec(d)![1]) : undefined;
  const container = counted?.[2] ?? /\b(SYRINGE|VIAL|APPLICATOR)\b/.exec(d)?.[1];
  if (container === 'KIT' || container === 'TRAY') return undefined;
  const perUnit = unitDoses ?? (SINGLE.test(d) || container === 'SYRINGE' || container === 'APPLICATOR' ? 1 : undefined);
  if (perUnit === undefined || (/MULTI/.test(d) && unitDoses === undefined)) return undefined;
  if (count !== undefined) return count * perUnit;
  // The package is the container itself ('SYRINGE, GLASS', 'VIAL, SINGLE-DOSE').
  return /^(CARTON|PACKAGE|CASE|KIT)/.test(d) || !/SYRINGE|VIAL|APPLICATOR/.test(d) ? undefined : perUnit;
}

interface Row {
  kind: 'sale' | 'use';
  id: string;
  ndc: string;
  ndc10: string;
  cols: string[];
  cvx: string;
}

function rowsOf(text: string, kind: 'sale' | 'use'): Row[] {
  const c = kind === 'sale' ? SALE : USE;
  return pipeRows(text).map((cols) => {
    const [labeler, product, pkg] = [cols[c.labeler]!, cols[c.product]!, cols[c.pkg]!];
    const ndc = ndc11(labeler, product, pkg);
    if (cols[c.ndc] !== ndc) throw new Error(`NDC ${cols[c.ndc]} does not match its parts ${labeler}|${product}|${pkg}`);
    if (labeler.length + product.length + pkg.length !== 10) throw new Error(`NDC ${ndc} is not a 10-digit NDC as labelled`);
    return { kind, id: cols[c.id]!, ndc, ndc10: `${labeler}-${product}-${pkg}`, cols, cvx: cvxCode(cols[c.cvx]!) };
  });
}

/**
 * `airaMvx`: the MVX the AIRA codebase links to an NDC, used when CDC's linker has none for it. `activeMvx`: the
 * linker sometimes lists one product under two manufacturers (Intercell, then Valneva): the active one is kept.
 */
export function readNdc(
  saleText: string,
  useText: string,
  linkerText: string,
  airaMvx: Map<string, string>,
  activeMvx: (code: string) => boolean,
): NdcProduct[] {
  const sales = rowsOf(saleText, 'sale');
  const uses = rowsOf(useText, 'use');
  const saleById = new Map(sales.map((r) => [r.id, r]));
  const useById = new Map(uses.map((r) => [r.id, r]));
  const mvx = new Map<string, string>();
  const linked = new Map<string, Set<string>>(); // ndc → the NDCs of the other kind linked to it
  const link = (from: string, to: string) => linked.set(from, (linked.get(from) ?? new Set()).add(to));
  for (const cols of pipeRows(linkerText)) {
    const sale = saleById.get(cols[LINK.sale]!);
    const use = useById.get(cols[LINK.use]!);
    const m = cols[LINK.mvx]!;
    for (const r of [sale, use]) if (r && m && (!mvx.has(r.ndc) || (activeMvx(m) && !activeMvx(mvx.get(r.ndc)!)))) mvx.set(r.ndc, m);
    if (sale && use) {
      link(`sale:${sale.ndc}`, use.ndc);
      link(`use:${use.ndc}`, sale.ndc);
    }
  }
  const unitDoses = new Map(uses.map((u) => [u.ndc, dosesInUnit(u.cols[USE.form]!)]));
  const products = new Map<string, NdcProduct>();
  for (const r of [...sales, ...uses]) {
    const c = r.kind === 'sale' ? SALE : USE;
    const p =
      products.get(r.ndc) ??
      compact<NdcProduct>({
        ndc: r.ndc,
        ndc10: r.ndc10,
        cvx: [],
        mvx: mvx.get(r.ndc) ?? airaMvx.get(r.ndc),
        tradeName: r.cols[c.trade]!,
        genericName: r.cols[c.generic]!,
        labeler: r.cols[c.labelerName]!,
        startDate: isoDate(r.cols[c.start]!),
        endDate: isoDate(r.cols[c.end]!),
        lastUpdated: isoDate(r.cols[c.updated]!) ?? '',
        gtin: r.cols[c.gtin],
      });
    if (!p.cvx.includes(r.cvx)) p.cvx.push(r.cvx);
    const others = [...(linked.get(`${r.kind}:${r.ndc}`) ?? [])].sort(byCode);
    const form = r.cols[c.form]!;
    if (r.kind === 'sale' && !p.sale) {
      const doses = new Set(others.map((u) => unitDoses.get(u)));
      const perUnit = doses.size === 1 ? [...doses][0] : undefined;
      p.sale = compact({ package: form, route: r.cols[SALE.route], dosesPerPackage: dosesInPackage(form, perUnit), unitsOfUse: others });
    } else if (r.kind === 'use' && !p.use) {
      p.use = compact({ package: form, doses: dosesInUnit(form), unitsOfSale: others });
    }
    products.set(r.ndc, p);
  }
  return [...products.values()].sort((a, b) => byCode(a.ndc, b.ndc));
}
