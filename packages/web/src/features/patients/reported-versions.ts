// Side-by-side comparison of what each source reported with the consolidated (master) record: one row per
// field, one cell per version. Pure: no React, no fetching. A source that left a field out or blank "did not
// report" it (null), which is not a difference (the master may hold it from another source); any other value
// is compared after normalizing case, spacing and phone punctuation, and lists (phones, addresses…) regardless
// of order.

import type { DoseReport, Patient, PatientReport } from '@nutmeg/api-types';
import { formatPhone } from '@nutmeg/codes/format';
import type { FieldName } from '@nutmeg/codes/tables';
import { DOSE_CONDITION_OPTIONS, codeLabel, optionLabel } from './code-options';
import { DOSE_KIND_LABEL, countryLabel, identifierLabel, languageLabel, relationshipLabel } from './labels';

/** One version's value of a field: what to show, and what to compare. */
export interface Cell {
  text: string;
  key: string;
}

export interface ComparisonRow {
  field: string;
  label: string;
  master: Cell;
  /** One per compared version, in column order; null when that version does not carry the field. */
  others: Array<Cell | null>;
}

/** A version's value differs from the master's (a field the version did not report never differs). */
export function cellDiffers(master: Cell, other: Cell | null): boolean {
  return other !== null && other.key !== master.key;
}

export const SOURCE_KIND_LABEL: Record<string, string> = {
  ui: 'entered in Nutmeg',
  hl7: 'HL7 message',
  fhir: 'FHIR',
  import: 'data import',
  generator: 'synthetic data',
  merge: 'merge',
};

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const EMPTY: Cell = { text: '—', key: '' };

function cell(text: string | null | undefined): Cell {
  const t = text?.trim();
  return t ? { text: t, key: norm(t) } : EMPTY;
}

/** A version's cell, or null when that version left the field out or blank. */
const reported = (c: Cell): Cell | null => (c.key === '' ? null : c);

/** A list shown in its own order and compared regardless of order. */
function listCell(items: string[], separator: string, keyOf: (s: string) => string = norm): Cell {
  const shown = items.map((s) => s.trim()).filter(Boolean);
  if (shown.length === 0) return EMPTY;
  return { text: shown.join(separator), key: shown.map(keyOf).sort().join('\u001f') };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.map(rec) : []);

function personName(v: unknown): string {
  const n = rec(v);
  return [n.first, n.middle, n.last, n.suffix]
    .map(str)
    .filter((x): x is string => !!x?.trim())
    .join(' ');
}

function addressText(a: Record<string, unknown>): string {
  const street = [str(a.street), str(a.street2)].filter(Boolean).join(', ');
  const cityLine = [str(a.state), str(a.zip)].filter(Boolean).join(' ');
  return [street, str(a.city), cityLine].filter(Boolean).join(', ');
}

function guardianText(g: Record<string, unknown>): string {
  const who = personName(g.name);
  const rel = str(g.relationship);
  const phone = str(g.phone);
  return `${who}${rel ? ` (${relationshipLabel(rel)})` : ''}${phone ? `, ${formatPhone(phone)}` : ''}`;
}

interface PatientField {
  field: string;
  label: string;
  value: (p: Record<string, unknown>) => Cell;
}

const mapped = (code: string | undefined, label: (c: string) => string) => (code ? label(code) : undefined);

const coded = (field: FieldName, v: unknown) => {
  const code = str(v);
  return code ? cell(codeLabel(field, code)) : EMPTY;
};

/** The demographic fields compared, in the order the record shows them. */
export const PATIENT_FIELDS: readonly PatientField[] = [
  { field: 'name', label: 'Name', value: (p) => cell(personName(p.name)) },
  {
    field: 'aliases',
    label: 'Also known as',

    value: (p) => listCell(list(p.aliases).map(personName), '; '),
  },
  { field: 'dob', label: 'Date of birth', value: (p) => cell(str(p.dob)) },
  { field: 'sex', label: 'Sex', value: (p) => coded('sex', p.sex) },
  {
    field: 'multipleBirth',
    label: 'Multiple birth',

    value: (p) =>
      typeof p.multipleBirth !== 'boolean' ? EMPTY : cell(p.multipleBirth ? `Yes, birth order ${str(p.birthOrder) ?? '?'}` : 'No'),
  },
  { field: 'mothersMaidenName', label: 'Mother’s maiden name', value: (p) => cell(str(p.mothersMaidenName)) },
  { field: 'race', label: 'Race', value: (p) => coded('race', p.race) },
  { field: 'ethnicity', label: 'Ethnicity', value: (p) => coded('ethnicity', p.ethnicity) },
  { field: 'language', label: 'Language', value: (p) => cell(mapped(str(p.language), languageLabel)) },
  { field: 'addresses', label: 'Addresses', value: (p) => listCell(list(p.addresses).map(addressText), '; ') },
  {
    field: 'phones',
    label: 'Phones',

    value: (p) =>
      listCell(
        list(p.phones).map((ph) => formatPhone(str(ph.number) ?? '')),
        ', ',
        (s) => s.replace(/\D/g, ''),
      ),
  },
  {
    field: 'emails',
    label: 'E-mail',

    value: (p) =>
      listCell(
        (Array.isArray(p.emails) ? p.emails : []).map((e) => str(e) ?? ''),
        ', ',
      ),
  },
  { field: 'guardians', label: 'Parents / guardians', value: (p) => listCell(list(p.guardians).map(guardianText), '; ') },
  {
    field: 'identifiers',
    label: 'Identifiers (besides the IIS id)',

    value: (p) =>
      listCell(
        list(p.identifiers)
          .filter((i) => str(i.type) !== 'IIS')
          .map((i) => identifierLabel({ type: str(i.type) ?? '', value: str(i.value) ?? '' })),
        ' · ',
      ),
  },
  { field: 'birthState', label: 'Birth state', value: (p) => cell(str(p.birthState)) },
  { field: 'birthCountry', label: 'Birth country', value: (p) => cell(mapped(str(p.birthCountry), countryLabel)) },
  { field: 'notes', label: 'Notes', value: (p) => cell(str(p.notes)) },
];

/** Rows of the demographic comparison: the master, then each report in the order given. */
export function comparePatientReports(master: Patient, reports: readonly PatientReport[]): ComparisonRow[] {
  const m = master as unknown as Record<string, unknown>;
  return PATIENT_FIELDS.map((f) => ({
    field: f.field,
    label: f.label,
    master: f.value(m),
    others: reports.map((r) => reported(f.value(r.data))),
  }));
}

/** The newest version from each source (reports come newest first), plus how many older ones that leaves out. */
export function latestPerSource(reports: readonly PatientReport[]): { shown: PatientReport[]; hidden: number } {
  const seen = new Set<string>();
  const shown = reports.filter((r) => {
    const key = `${r.source ?? r.sourceKind}|${r.fromMergedRecord}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { shown, hidden: reports.length - shown.length };
}

interface DoseField {
  field: string;
  label: string;
  value: (d: DoseReport) => string | null;
}

export const DOSE_FIELDS: readonly DoseField[] = [
  { field: 'kind', label: 'Kind', value: (d) => DOSE_KIND_LABEL[d.kind] ?? d.kind },
  { field: 'date', label: 'Date given', value: (d) => d.date },
  { field: 'vaccine', label: 'Vaccine', value: (d) => `${d.vaccine} (CVX ${d.cvx})` },
  { field: 'lot', label: 'Lot number', value: (d) => d.lot },
  { field: 'lotExpiration', label: 'Lot expiration', value: (d) => d.lotExpiration },
  { field: 'mvx', label: 'Manufacturer (MVX)', value: (d) => d.mvx },
  { field: 'ndc', label: 'NDC', value: (d) => d.ndc },
  { field: 'fundingSource', label: 'Funding source', value: (d) => codeLabel('fundingSource', d.fundingSource) },
  { field: 'vfcEligibility', label: 'VFC eligibility', value: (d) => codeLabel('vfcEligibility', d.vfcEligibility) },
  { field: 'doseCondition', label: 'Dose condition', value: (d) => optionLabel(DOSE_CONDITION_OPTIONS, d.doseCondition) },
  { field: 'volumeMl', label: 'Dose volume (mL)', value: (d) => (d.volumeMl === null ? null : String(d.volumeMl)) },
  { field: 'route', label: 'Route', value: (d) => codeLabel('route', d.route) },
  { field: 'site', label: 'Site', value: (d) => codeLabel('site', d.site) },
  { field: 'administeredBy', label: 'Administered by', value: (d) => d.administeredBy },
  { field: 'orderingProvider', label: 'Ordering provider', value: (d) => d.orderingProvider },
  {
    field: 'historicalSource',
    label: 'Historical source',
    value: (d) => codeLabel('historicalSource', d.historicalSource),
  },
  {
    field: 'vis',
    label: 'VIS given',
    value: (d) => (d.vis.length ? d.vis.map((v) => `${v.document} ${v.edition} (given ${v.presented})`).join('; ') : null),
  },
];

/**
 * Rows of one dose's comparison: the master report against every other report. A report's empty field is
 * "not reported" (a historical report has no lot), not a difference.
 */
export function compareDoseReports(reports: readonly DoseReport[]): { master: DoseReport; others: DoseReport[]; rows: ComparisonRow[] } {
  const master = reports.find((r) => r.master) ?? reports[0]!;
  const others = reports.filter((r) => r !== master);
  const rows = DOSE_FIELDS.map((f) => {
    const mv = f.value(master);
    return {
      field: f.field,
      label: f.label,
      master: cell(mv),
      others: others.map((o) => reported(cell(f.value(o)))),
    };
  });
  return { master, others, rows };
}
