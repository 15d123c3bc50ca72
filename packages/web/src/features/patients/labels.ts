// Words for the codes a record carries (HL7 relationship and identifier types, ISO languages and countries,
// status codes), written once for every view that shows them. Pure: no React.
import { ORG_STATUS_LABEL, JURISDICTION_STATUS_LABEL } from './types';

export const RELATIONSHIP_LABEL: Record<string, string> = {
  MTH: 'Mother',
  FTH: 'Father',
  GRD: 'Guardian',
  GRP: 'Grandparent',
  FCH: 'Foster parent',
  SEL: 'Self',
  OTH: 'Other',
};

export const IDENTIFIER_TYPE_LABEL: Record<string, string> = { IIS: 'IIS id', MR: 'MRN', MA: 'Medicaid' };

/** VFC eligibility (HL7 0064) in a few words, for tables; forms show the full labels (VFC_OPTIONS). */
export const VFC_SHORT_LABEL: Record<string, string> = {
  V01: 'not VFC eligible',
  V02: 'VFC: Medicaid',
  V03: 'VFC: uninsured',
  V04: 'VFC: AI/AN',
  V05: 'VFC: underinsured',
  V07: 'state eligibility',
};

export const FUNDING_SHORT_LABEL: Record<string, string> = { public: 'Public', private: 'Private' };

export const DOSE_KIND_LABEL: Record<string, string> = { administered: 'Administered', historical: 'Historical' };

export const OBSERVATION_KIND_LABEL: Record<string, string> = {
  contraindication: 'Contraindication',
  precaution: 'Precaution',
  immunity: 'Evidence of immunity',
  indication: 'Risk condition',
};

/** ISO 3166 alpha-3 codes of the birth countries the registry sees most (PID-23); others print as the code. */
const COUNTRY_LABEL: Record<string, string> = {
  USA: 'United States',
  MEX: 'Mexico',
  PRT: 'Portugal',
  BRA: 'Brazil',
  CHN: 'China',
  IND: 'India',
  VNM: 'Vietnam',
  KOR: 'South Korea',
  HTI: 'Haiti',
  POL: 'Poland',
  PRI: 'Puerto Rico',
  DOM: 'Dominican Republic',
};

const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** 'en' → 'English', 'pt' → 'Portuguese'; an unknown code is shown as given. */
export function languageLabel(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryLabel(code: string): string {
  return COUNTRY_LABEL[code.toUpperCase()] ?? code;
}

export function relationshipLabel(code: string): string {
  return RELATIONSHIP_LABEL[code] ?? code;
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
