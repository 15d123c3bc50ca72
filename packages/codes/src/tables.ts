// HL7 and CDC tables used by immunization messaging and Nutmeg's forms, with labels and status.
import { lazy } from './lazy.ts';
import { MVX, TABLES } from './table-data.ts';
import type { CodeEntry, CodeTableData, UseAge, UseDate } from './types.ts';

/** The tables the package ships (HL7 numbers where HL7 numbers them). '0227' is the MVX table. */
export const TABLE_IDS = [
  '0001', // administrative sex
  '0005', // race (CDCREC)
  '0189', // ethnic group (CDCREC)
  '0064', // VFC eligibility
  '0162', // route of administration (HL7 codes and their NCIT equivalents)
  '0163', // administrative site
  '0200', // name type
  '0063', // relationship
  '0227', // manufacturer (MVX)
  '0322', // completion status
  '0323', // action code
  'NIP001', // immunization information source
  'NIP002', // substance refusal reason
  'NIP003', // observation identifiers (LOINC) used in OBX-3
  '0441', // immunization registry status
  'funding-source', // vaccine funding source (CDCPHINVS)
  'funding-eligibility-method', // funding eligibility observation method
  'contraindication', // contraindication or precaution
  'evidence-of-immunity', // history of disease / serology (SNOMED)
  'reaction', // vaccination reaction
  'special-indication', // vaccination special indication
  '0296', // primary language (ISO 639-2)
  '0125', // value type
  '0203', // identifier type
  '0190', // address type
  '0201', // telecommunication use
  '0202', // telecommunication equipment type
  '0215', // publicity code
  '0103', // processing ID
  '0155', // accept/application acknowledgment conditions
  '0396', // coding system
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface CodeTable extends CodeTableData {
  id: TableId;
}

const tableIndex = lazy(() => {
  const tables = new Map<string, CodeTable>(TABLES.map((t) => [t.id, t as CodeTable]));
  // MVX as HL7 table 0227: an inactive manufacturer's code stays acceptable for historical doses, so 'deprecated'.
  const mvxEntries = MVX.map((m): CodeEntry => ({
    code: m.code,
    label: m.name,
    status: m.status === 'active' ? 'active' : 'deprecated',
    source: 'aira',
  }));
  tables.set('0227', { id: '0227', name: 'Manufacturers of vaccines (MVX)', system: 'MVX', entries: mvxEntries });
  return tables;
});
const entryIndex = lazy(() => new Map([...tableIndex()].map(([id, t]) => [id, new Map(t.entries.map((e) => [e.code, e]))])));

/** A table with every entry (active, deprecated, ignored and invalid), in the source's order. */
export function table(id: TableId): CodeTable {
  const t = tableIndex().get(id);
  if (!t) throw new Error(`@nutmeg/codes has no table ${id}`); // unreachable while TABLE_IDS matches the data (tested)
  return t;
}

/** The entries a form should offer: active ones only. */
export function activeEntries(id: TableId): readonly CodeEntry[] {
  return table(id).entries.filter((e) => e.status === 'active');
}

/** An entry by its exact code (surrounding blanks ignored; HL7 codes are case-sensitive: 'en' and 'eng' differ). */
export function entry(id: TableId, code: string | null | undefined): CodeEntry | undefined {
  if (code === null || code === undefined) return undefined;
  return entryIndex().get(id)?.get(code.trim());
}

/** The label of a code, or undefined when the table does not hold it. */
export function label(id: TableId, code: string | null | undefined): string | undefined {
  return entry(id, code)?.label;
}

/** True when the code may be chosen today (status 'active'). */
export function isActive(id: TableId, code: string | null | undefined): boolean {
  return entry(id, code)?.status === 'active';
}

/** True when a message may carry the code: listed, and not 'invalid' (deprecated and ignored codes are accepted). */
export function isKnown(id: TableId, code: string | null | undefined): boolean {
  const e = entry(id, code);
  return e !== undefined && e.status !== 'invalid';
}

export type WindowStatus = 'ok' | 'unexpected' | 'invalid';

/** Where an ISO date falls in an AIRA use-date window: outside not-before/not-after is invalid, outside not-expected-* unexpected. */
export function useDateStatus(window: UseDate | undefined, date: string): WindowStatus {
  if (!window) return 'ok';
  if ((window.notBefore && date < window.notBefore) || (window.notAfter && date > window.notAfter)) return 'invalid';
  if ((window.notExpectedBefore && date < window.notExpectedBefore) || (window.notExpectedAfter && date > window.notExpectedAfter)) {
    return 'unexpected';
  }
  return 'ok';
}

/**
 * Whether an age in whole months falls in an AIRA use-age window (bounds inclusive). Outside is 'unexpected', not
 * 'invalid': the window is the ages a product is licensed for, and an off-label dose is still a dose given.
 */
export function useAgeStatus(window: UseAge | undefined, ageMonths: number): WindowStatus {
  if (!window) return 'ok';
  const tooYoung = window.notBeforeMonths !== undefined && ageMonths < window.notBeforeMonths;
  const tooOld = window.notAfterMonths !== undefined && ageMonths > window.notAfterMonths;
  return tooYoung || tooOld ? 'unexpected' : 'ok';
}
