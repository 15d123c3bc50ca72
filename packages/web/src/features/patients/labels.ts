// Words for what a record carries (identifier types in short, status codes, changes), written once
// for every view that shows them. The labels of HL7/CDC codes come from @nutmeg/codes/tables. Pure: no React.
import type { JurisdictionStatus, OrganizationStatus } from '@nutmeg/api-types';
import { fieldLabel, type FieldCode } from '@nutmeg/codes/tables';

export { countryLabel, languageLabel } from '@nutmeg/codes/tables';

/** Identifier types in a word or two, for a line of text (HL7 0203's labels are 'Medical record number'…). */
export const IDENTIFIER_TYPE_LABEL: Record<string, string> = {
  IIS: 'IIS id',
  MR: 'MRN',
  MA: 'Medicaid',
} satisfies Record<FieldCode<'identifierType'> | 'IIS', string>;

/** VFC eligibility (HL7 0064) in a few words, for tables; forms show the table's labels. Typed by the field's codes. */
export const VFC_SHORT_LABEL: Record<string, string> = {
  V01: 'not VFC eligible',
  V02: 'VFC: Medicaid',
  V03: 'VFC: uninsured',
  V04: 'VFC: AI/AN',
  V05: 'VFC: underinsured',
  V07: 'state eligibility',
} satisfies Record<FieldCode<'vfcEligibility'>, string>;

export const ORG_STATUS_LABEL: Record<string, string> = {
  active: 'Active',
  inactive_moved: 'Inactive — moved or gone elsewhere',
  inactive_not_patient: 'Inactive — no longer a patient',
} satisfies Record<OrganizationStatus, string>;

export const JURISDICTION_STATUS_LABEL: Record<string, string> = {
  active: 'Active',
  moved: 'Moved out of jurisdiction',
  deceased: 'Deceased',
} satisfies Record<JurisdictionStatus, string>;

export const DOSE_KIND_LABEL: Record<string, string> = { administered: 'Administered', historical: 'Historical' };

export const OBSERVATION_KIND_LABEL: Record<string, string> = {
  contraindication: 'Contraindication',
  precaution: 'Precaution',
  immunity: 'Evidence of immunity',
  indication: 'Risk condition',
};

export function relationshipLabel(code: string): string {
  return fieldLabel('relationship', code) ?? code;
}

export function identifierLabel(i: { type: string; value: string }): string {
  return `${IDENTIFIER_TYPE_LABEL[i.type] ?? i.type} ${i.value}`;
}

/** The demographic fields a change lists, by the names the API uses. */
const FIELD_LABEL: Record<string, string> = {
  name: 'name',
  aliases: 'other names',
  dob: 'date of birth',
  sex: 'sex',
  multipleBirth: 'multiple birth',
  birthOrder: 'birth order',
  mothersMaidenName: 'mother’s maiden name',
  race: 'race',
  ethnicity: 'ethnicity',
  language: 'language',
  addresses: 'address',
  phones: 'phone',
  emails: 'e-mail',
  guardians: 'parent or guardian',
  identifiers: 'identifiers',
  birthState: 'birth state',
  birthCountry: 'birth country',
  notes: 'notes',
};

const CHANGE_LABEL: Record<string, string> = {
  create: 'Record created',
  update: 'Demographics changed',
  merge: 'Duplicate record merged into this one',
  unmerge: 'Merge undone',
};

/** One line for a change to the record: "Demographics changed: address, phone". */
export function describeChange(action: string, fields: readonly string[]): string {
  const what = CHANGE_LABEL[action] ?? action;
  return fields.length && action === 'update' ? `${what}: ${fields.map((f) => FIELD_LABEL[f] ?? f).join(', ')}` : what;
}

/** One line for a status change: "Status at Elm City Pediatrics: Inactive — moved or gone elsewhere". */
export function describeStatus(h: { scope: string; status: string; organization: string | null; effectiveDate: string | null }): string {
  const at = h.organization ?? 'the clinic';
  switch (h.scope) {
    case 'organization':
      return `Status at ${at}: ${ORG_STATUS_LABEL[h.status] ?? h.status}`;
    case 'jurisdiction':
      return `Status in the jurisdiction: ${JURISDICTION_STATUS_LABEL[h.status] ?? h.status}${h.effectiveDate ? ` (${h.effectiveDate})` : ''}`;
    case 'ownership':
      return h.status === 'owned' ? `Medical home: ${at}` : 'No medical home (released)';
    case 'opt_out':
      return h.status === 'opted_out' ? 'Opted out: hidden from everyone but DPH' : 'Opt-out withdrawn';
    default:
      return `${h.scope}: ${h.status}`;
  }
}
