import { describe, expect, it } from 'vitest';
import tablesJson from '../codesets/tables.json' with { type: 'json' };
import {
  activeEntries,
  canonicalCvx,
  cvx,
  entry,
  isActive,
  isKnown,
  label,
  mvx,
  ndcDigits,
  ndcToProduct,
  normalizeNdc,
  searchVaccines,
  table,
  TABLE_IDS,
  tradeNames,
  useAgeStatus,
  useDateStatus,
  vaccineGroups,
  visDocuments,
} from './index.ts';

describe('CVX codes', () => {
  it.each([
    ['8', '08'],
    ['08', '08'],
    ['008', '08'],
    [' 107 ', '107'],
    ['3', '03'],
  ])('reads %j as CVX %s (CDC prints at least two digits)', (input, canonical) => {
    expect(canonicalCvx(input)).toBe(canonical);
    expect(cvx(input)?.code).toBe(canonical);
  });
  it.each([['', 'x8', '1234', '8.0', '-8']])('refuses %j as a CVX code', (input) => {
    expect(canonicalCvx(input)).toBeNull();
    expect(cvx(input)).toBeUndefined();
  });
  it('gives names, status, vaccine groups and AIRA use windows', () => {
    const hepB = cvx('08')!;
    expect(hepB).toMatchObject({ shortName: 'Hep B, adolescent or pediatric', status: 'active', conceptType: 'vaccine' });
    expect(hepB.useDate?.notBefore).toBe('2010-05-28');
    expect(
      vaccineGroups('110')
        .map((g) => g.name)
        .sort(),
    ).toEqual(['DTAP', 'HepB', 'POLIO']);
    expect(cvx('54')?.status).toBe('inactive');
    expect(cvx('502')?.status).toBe('non-us');
  });
  it('finds trade names and VIS editions of a CVX, current first', () => {
    expect(tradeNames('140', 'PMC').map((t) => t.name)).toContain('FLUZONE-PRESERVATIVE FREE');
    const vis = visDocuments('143');
    expect(vis[0]).toMatchObject({ status: 'current', editionDate: '2020-01-08' });
    expect(vis[0]!.pdfUrl).toMatch(/^https:\/\/www\.cdc\.gov\//);
  });
  it('finds a manufacturer whatever the case', () => {
    expect(mvx(' pmc')?.name).toMatch(/sanofi/i);
  });
});

describe('NDC', () => {
  it.each([
    ['49281-0545-03', '49281-0545-03'],
    ['49281054503', '49281-0545-03'],
    ['49281-545-03', '49281-0545-03'], // 5-3-2 as labelled
    ['0006-4109-02', '00006-4109-02'], // 4-4-2
    ['12345-6789-1', '12345-6789-01'], // 5-4-1
    ['4928154503', '49281-0545-03'], // plain 10 digits: only one reading is a listed NDC
  ])('normalises %s to %s', (input, canonical) => {
    expect(normalizeNdc(input)).toBe(canonical);
  });
  it.each([['1234567890'], ['49281-05450-3'], ['ABCDE-0545-03'], ['']])('cannot normalise %j', (input) =>
    expect(normalizeNdc(input)).toBeNull(),
  );
  it('maps a unit of sale to its CVX, MVX, trade name, package, doses and units of use', () => {
    const p = ndcToProduct('49281-0425-50')!;
    expect(p).toMatchObject({ cvx: ['140'], mvx: 'PMC', tradeName: 'FLUZONE TRIVALENT NORTHERN HEMISPHERE', ndc10: '49281-425-50' });
    expect(p.sale).toMatchObject({ package: 'PACKAGE, 10-SYRINGE', dosesPerPackage: 10, unitsOfUse: ['49281-0425-88'] });
    expect(ndcToProduct('49281-0425-88')?.use?.unitsOfSale).toContain('49281-0425-50');
    expect(ndcDigits('49281-425-50')).toBe('49281042550');
  });
  it('keeps every CVX of an NDC CDC maps to two (Engerix-B: adult and dialysis)', () => {
    expect(ndcToProduct('58160-0821-11')?.cvx.sort()).toEqual(['43', '44']);
  });
});

describe('tables', () => {
  it('ships exactly the tables TABLE_IDS names', () => {
    expect([...tablesJson.map((t) => t.id), '0227'].sort()).toEqual([...TABLE_IDS].sort());
    for (const id of TABLE_IDS) expect(table(id).entries.length, id).toBeGreaterThan(0);
  });
  it('holds the sites the server accepts and the web form must offer (LVL/RVL included)', () => {
    for (const site of ['LA', 'RA', 'LT', 'RT', 'LD', 'RD', 'LVL', 'RVL']) expect(isActive('0163', site), site).toBe(true);
    expect(label('0163', 'LVL')).toBe('Left Vastus Lateralis');
  });
  it("labels VFC eligibility as the IG does and keeps other states' local codes out", () => {
    expect(label('0064', 'V02')).toBe('VFC eligible - Medicaid/Medicaid Managed Care');
    expect(entry('0064', 'MIA10')).toBeUndefined();
    expect(isKnown('0064', 'V00')).toBe(false); // AIRA: invalid
  });
  it('separates active, deprecated and unknown codes', () => {
    expect(isActive('0189', '2135-2')).toBe(true);
    expect(entry('0189', 'H')).toMatchObject({ status: 'deprecated' });
    expect([isActive('0189', 'H'), isKnown('0189', 'H')]).toEqual([false, true]);
    expect(isKnown('0189', 'nope')).toBe(false);
    expect(
      activeEntries('0322')
        .map((e) => e.code)
        .sort(),
    ).toEqual(['CP', 'NA', 'PA', 'RE']);
  });
  it('pairs HL7 route codes with the NCIT codes the IG sends', () => {
    expect(entry('0162', 'IM')).toMatchObject({ equivalent: 'C28161' });
    expect(entry('0162', 'C28161')).toMatchObject({ system: 'NCIT', equivalent: 'IM' });
  });
  it("marks Nutmeg's local sex code X as local", () => {
    expect(entry('0001', 'X')).toMatchObject({ source: 'local', status: 'active' });
    expect(entry('0001', 'F')?.source).toBe('aira');
  });
  it('serves MVX as table 0227, inactive manufacturers deprecated', () => {
    expect(entry('0227', 'PMC')?.status).toBe('active');
    expect(entry('0227', 'AB')?.status).toBe('deprecated');
  });
});

describe('use windows', () => {
  it('reads an AIRA use-date window as invalid outside not-before/not-after and unexpected outside not-expected-*', () => {
    const w = { notBefore: '2009-03-16', notExpectedBefore: '2011-03-16', notExpectedAfter: '2010-05-28', notAfter: '2010-05-28' };
    expect(useDateStatus(w, '2009-01-01')).toBe('invalid');
    expect(useDateStatus(w, '2010-05-29')).toBe('invalid');
    expect(useDateStatus({ notBefore: '2009-03-16', notExpectedBefore: '2011-03-16' }, '2010-01-01')).toBe('unexpected');
    expect(useDateStatus(undefined, '1900-01-01')).toBe('ok');
  });
  it('reads a use-age window in months, bounds included', () => {
    const w = cvx('08')!.useAge!;
    expect([useAgeStatus(w, 0), useAgeStatus(w, 240), useAgeStatus(w, 241)]).toEqual(['ok', 'ok', 'unexpected']);
  });
});

describe('vaccine search', () => {
  it('finds a CVX by its code in any padding, first', () => {
    expect(searchVaccines('8')[0]).toMatchObject({ matchedBy: 'cvx', cvx: { code: '08' } });
  });
  it('finds a scanned NDC with its product', () => {
    const [m] = searchVaccines('49281042550');
    expect(m).toMatchObject({ matchedBy: 'ndc', tradeName: 'FLUZONE TRIVALENT NORTHERN HEMISPHERE', cvx: { code: '140' }, mvx: 'PMC' });
  });
  it('lists active products before inactive ones', () => {
    const results = searchVaccines('hep b', { limit: 100 });
    const firstInactive = results.findIndex((m) => !m.active);
    expect(firstInactive).toBeGreaterThan(0);
    expect(results.slice(firstInactive).every((m) => !m.active)).toBe(true);
    expect(searchVaccines('hep b', { activeOnly: true, limit: 100 }).every((m) => m.active)).toBe(true);
  });
  it('finds trade names by any of their words', () => {
    expect(searchVaccines('engerix adult').map((m) => m.tradeName)).toEqual(['ENGERIX-B-ADULT', 'ENGERIX-B-ADULT']);
  });
  it('decides whether an NDC is current on the dose date', () => {
    // Prevnar 13 (CVX 133, active): CDC lists the carton as distributed until 2025-09-30.
    expect(searchVaccines('00005-1971-02', { onDate: '2025-09-30' })[0]!.active).toBe(true);
    expect(searchVaccines('00005-1971-02', { onDate: '2025-10-01' })[0]!.active).toBe(false);
    expect(searchVaccines('00005-1971-02')[0]!.active).toBe(false); // no date: an end date means no longer current
  });
});
