// Nutmeg's coded fields: the table each one draws from, the codes a form offers (active ones) and the codes a request
// may carry (known ones: a record keeps a code it was given even after CDC deprecates it). Written once for the
// server's validation, the database's column types and the web UI's choices and labels.
import { entry, table, type TableId } from './tables.ts';
import type { CodeEntry } from './types.ts';

export interface FieldSpec {
  /** The table(s) the codes come from, looked up in order. */
  readonly tables: readonly TableId[];
  /** Nutmeg stores only these codes (the database CHECKs the same list), so the field's type is their union. */
  readonly codes?: readonly string[];
  /** A code Nutmeg stores in its own words → the table code it stands for (what a message sends). */
  readonly standsFor?: Readonly<Record<string, string>>;
  /** What a form offers, when fewer than the active codes; each use says why. */
  readonly offer?: readonly string[];
}

export const FIELDS = {
  // O (Other) is left out: Nutmeg records X for a person neither F nor M (a local code; messages send U).
  sex: { tables: ['0001'], codes: ['F', 'M', 'X', 'U'] },
  // The form asks the OMB categories and the null flavours; detailed races (Chinese, Filipino…) come only in messages.
  race: { tables: ['0005'], offer: ['1002-5', '2028-9', '2054-5', '2076-8', '2106-3', '2131-1', 'PHC1175', 'ASKU', 'UNK'] },
  ethnicity: { tables: ['0189'] },
  nameType: { tables: ['0200'], codes: ['A', 'M', 'B', 'L'] },
  addressType: { tables: ['0190'], codes: ['H', 'M', 'BA', 'BR'] },
  // Use (0201) and equipment (0202) collapsed into one field: a cell phone is 0202 CP.
  phoneUse: { tables: ['0201', '0202'], codes: ['PRN', 'ORN', 'WPN', 'CP'] },
  // What a user types for a patient; the registry's own id (IIS) is not typed in.
  identifierType: { tables: ['0203'], codes: ['MR', 'MA'] },
  // A child's responsible person: the table's other active codes (CHD child, FCH foster child) name a child of the patient.
  relationship: { tables: ['0063'], offer: ['MTH', 'FTH', 'PAR', 'GRD', 'GRP', 'CGV'] },
  // Connecticut's VFC program: V01–V05 and V07 (state-supplied vaccine); the database holds these only.
  vfcEligibility: { tables: ['0064'], codes: ['V01', 'V02', 'V03', 'V04', 'V05', 'V07'] },
  // Stored as public/private since the first release; each word stands for one CDCPHINVS code.
  fundingSource: { tables: ['funding-source'], codes: ['public', 'private'], standsFor: { public: 'VXC50', private: 'PHC70' } },
  route: { tables: ['0162'] },
  site: { tables: ['0163'] },
  // 00 (new immunization record) is what an administered dose is, not a historical source.
  historicalSource: { tables: ['NIP001'], codes: ['01', '02', '03', '04', '05', '06', '07', '08'] },
  refusalReason: { tables: ['NIP002'] },
  manufacturer: { tables: ['0227'] },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
/** The codes a field holds: a union where Nutmeg stores a fixed list, else any code of its table (a string). */
export type FieldCode<F extends FieldName> = (typeof FIELDS)[F] extends { readonly codes: readonly (infer C extends string)[] }
  ? C
  : string;

/** A choice a form offers: the code Nutmeg stores and its label from the table. */
export interface CodeOption {
  code: string;
  label: string;
  /** Listed only because the record holds it: no longer offered (deprecated, or not asked by the form). */
  retired?: boolean;
}

const spec = (field: FieldName): FieldSpec => FIELDS[field];

/**
 * The table entry behind a field's code, or undefined when the field cannot hold it. Only the table's own coding
 * system counts: the NCIT route codes listed beside HL7 0162's are their equivalents for messages, not stored codes.
 */
export function fieldEntry(field: FieldName, code: string | null | undefined): CodeEntry | undefined {
  if (code === null || code === undefined) return undefined;
  const s = spec(field);
  if (s.codes && !s.codes.includes(code)) return undefined;
  const tableCode = s.standsFor?.[code] ?? code;
  for (const t of s.tables) {
    const e = entry(t, tableCode);
    if (e && !e.system) return e;
  }
  return undefined;
}

export function fieldLabel(field: FieldName, code: string | null | undefined): string | undefined {
  return fieldEntry(field, code)?.label;
}

/** True when a request may carry the code: the field holds it and the table does not call it invalid. */
export function acceptsCode(field: FieldName, code: string | null | undefined): boolean {
  const e = fieldEntry(field, code);
  return e !== undefined && e.status !== 'invalid';
}

/** Every code a request may carry for the field (for a zod enum). */
export function acceptedCodes<F extends FieldName>(field: F): readonly FieldCode<F>[] {
  return storableCodes(field).filter((c) => acceptsCode(field, c)) as FieldCode<F>[];
}

function storableCodes(field: FieldName): readonly string[] {
  const s = spec(field);
  if (s.codes) return s.codes;
  const codes = s.tables.flatMap((t) =>
    table(t)
      .entries.filter((e) => !e.system)
      .map((e) => e.code),
  );
  return [...new Set(codes)];
}

/**
 * What a form offers for a field: its active codes, in the field's order (else the table's), labelled from the
 * table. A record's current code that is not offered is added at the end, marked retired, so that editing the
 * record neither hides nor silently changes it.
 */
export function fieldOptions(field: FieldName, current?: string | null): readonly CodeOption[] {
  const s = spec(field);
  const order = s.offer ?? storableCodes(field);
  const options = order.flatMap((code): CodeOption[] => {
    const e = fieldEntry(field, code);
    return e?.status === 'active' ? [{ code, label: e.label }] : [];
  });
  if (current && !options.some((o) => o.code === current) && acceptsCode(field, current)) {
    options.push({ code: current, label: fieldLabel(field, current) ?? current, retired: true });
  }
  return options;
}
