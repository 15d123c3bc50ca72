// Table-driven checks of the shipped data against the reference material it was built from, read here a second,
// independent way: CDC's files through the derived CSVs (ndc_to_cvx_crosswalk.csv is a separate derivation of the
// NDC files), the IG's value sets straight from the NIST profile.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE } from '../scripts/build-codes.ts';
import { TABLE_SPECS } from '../scripts/table-specs.ts';
import { allNdc, cvx, isKnown, mvx, ndcToProduct, tradeNames, vaccineGroups, visByBarcode, visDocuments } from './index.ts';

function csv(name: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(DEFAULT_SOURCE, 'codesets/derived-csv', name), 'utf8');
  return parse(text, { columns: true, trim: true, bom: true }) as Record<string, string>[];
}
const STATUS: Record<string, string> = {
  Active: 'active',
  Inactive: 'inactive',
  'Non-US': 'non-us',
  'Never Active': 'never-active',
  Pending: 'pending',
};

describe('CVX', () => {
  const rows = csv('cvx.csv');
  it('holds every CVX of the CDC table with its status and names', () => {
    expect(rows.length).toBeGreaterThan(280);
    for (const r of rows) {
      const c = cvx(r['cvx_code']!);
      expect(c, `CVX ${r['cvx_code']}`).toBeDefined();
      expect([c!.code, c!.status, c!.shortName]).toEqual([
        r['cvx_code']!.padStart(2, '0'),
        STATUS[r['status']!],
        r['short_description']!.replace(/\s+/g, ' '),
      ]);
    }
  });
  it("maps every CVX to the vaccine groups of CDC's CVX→vaccine-group table", () => {
    for (const r of csv('cvx_vaccine_group.csv')) {
      expect(vaccineGroups(r['cvx_code']!)).toContainEqual({
        name: r['vaccine_group_name'],
        cvx: r['vaccine_group_cvx']!.padStart(2, '0'),
      });
    }
  });
  it('lists every CDC trade name under its CVX and MVX', () => {
    for (const r of csv('tradename_cvx_mvx.csv')) {
      const name = r['CDC Product Name']!.replace(/\s+/g, ' '); // the data collapses the source's doubled blanks
      expect(tradeNames(r['CVXCode']!, r['MVX Code']!).map((t) => t.name)).toContain(name);
    }
  });
});

describe('MVX', () => {
  it('holds every manufacturer with its status', () => {
    for (const r of csv('mvx.csv')) expect(mvx(r['mvx_code']!)?.status, r['mvx_code']).toBe(r['status']!.toLowerCase());
  });
});

describe('NDC', () => {
  const rows = csv('ndc_to_cvx_crosswalk.csv');
  it('maps every NDC of the crosswalk to its CVX, in 11-digit dashed and plain forms', () => {
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      for (const form of [r['ndc11_dashed']!, r['ndc11_digits']!])
        expect(ndcToProduct(form)?.cvx, form).toContain(r['cvx_code']!.padStart(2, '0'));
    }
  });
  it("gives the MVX of CDC's NDC linker (the active one of two) and the kind (unit of sale / use) of the crosswalk", () => {
    for (const r of rows) {
      const p = ndcToProduct(r['ndc11_dashed']!)!;
      const linked = r['mvx_code_from_linker'];
      if (linked && p.mvx !== linked)
        expect([p.mvx, mvx(p.mvx!)?.status, mvx(linked)?.status], r['ndc11_dashed']).toEqual([p.mvx, 'active', 'inactive']);
      else if (linked) expect(p.mvx).toBe(linked);
      expect(r['ndc_kind'] === 'unit_of_sale' ? p.sale : p.use, `${r['ndc11_dashed']} ${r['ndc_kind']}`).toBeDefined();
    }
  });
  it('holds no NDC that is not in the crosswalk', () => {
    const known = new Set(rows.map((r) => r['ndc11_dashed']));
    expect(allNdc().filter((p) => !known.has(p.ndc))).toEqual([]);
  });
});

describe('VIS', () => {
  it('finds every CVX↔VIS pair and every VIS edition by its bar code', () => {
    for (const r of csv('cvx_vis.csv')) expect(visDocuments(r['CVXCode']!).map((v) => v.encoded)).toContain(r['Fully-encodedString']);
    for (const r of csv('vis_documents.csv')) expect(visByBarcode(r['VIS_encoded_string']!)?.name).toBe(r['VIS_Document_Type_Description']);
  });
});

describe('HL7/CDC tables', () => {
  const xml = fs.readFileSync(path.join(DEFAULT_SOURCE, 'nist-profiles/iis-sandbox-export/VXU-Z22_ValueSetLibrary.xml'), 'utf8');
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
  const sets = new Map<string, string[]>();
  for (const group of [doc.ValueSetLibrary.ValueSetDefinitions].flat()) {
    for (const vs of [group.ValueSetDefinition].flat())
      sets.set(
        vs['@_BindingIdentifier'],
        [vs.ValueElement ?? []].flat().map((e: Record<string, string>) => e['@_Value']!.trim()),
      );
  }
  const bound = TABLE_SPECS.flatMap((s) => s.nist.map((b) => [s.id, b] as const));
  it.each(bound)('table %s holds every code of the IG value set %s', (id, binding) => {
    const codes = (sets.get(binding) ?? []).filter((c) => c !== '***');
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c) => !isKnown(id, c))).toEqual([]);
  });
  it('holds the MVX value set of the IG in table 0227', () => {
    expect(sets.get('MVX')!.filter((c) => !isKnown('0227', c))).toEqual([]);
  });
});
