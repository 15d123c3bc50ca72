// Which HL7/CDC tables the package ships, where each one comes from, and the few decisions the sources leave open.
// Sources: the AIRA codebase set (codes, status, deprecations, use windows) and the NIST value set of the CDC IG
// (VXU-Z22 profile) the table is bound to; codes the IG requires and AIRA lacks are added from NIST.

import type { TableId } from '../src/tables.ts';

export interface TableSpec {
  id: Exclude<TableId, '0227'>; // 0227 (MVX) is built from the CDC MVX table
  name: string;
  /** HL7 coding-system name for CWE-3. */
  system: string;
  /** AIRA codebase file name without '.xml' (aira-codebase-sets/). */
  aira?: string;
  /** NIST value-set binding identifiers (VXU-Z22_ValueSetLibrary.xml) whose codes the table must hold. */
  nist: string[];
  /** Prefer the NIST (IG) display names over AIRA's labels. */
  nistLabels?: boolean;
  /** Labels decided here: a code AIRA lists twice with two labels, or a label the sources spell badly. */
  labels?: Record<string, string>;
  /** Codes left out: placeholders ('***') and other states' local codes. */
  exclude?: (code: string) => boolean;
  /** Nutmeg's own codes, kept because the product stores them (see README "Local codes"). */
  local?: { code: string; label: string; description: string }[];
  /** Coding system of an entry when it differs from the table's (route: NCIT codes beside HL7 0162 codes). */
  systemOf?: (code: string) => string | undefined;
}

export const TABLE_SPECS: TableSpec[] = [
  {
    id: '0001',
    name: 'Administrative sex',
    system: 'HL70001',
    aira: 'Patient Sex',
    nist: ['HL70001_IZ'],
    local: [
      {
        code: 'X',
        label: 'X',
        description: 'Nutmeg stores X (neither F nor M) from its forms; not in HL7 table 0001 of v2.5.1: send U in messages.',
      },
    ],
  },
  {
    id: '0005',
    name: 'Race',
    system: 'CDCREC',
    aira: 'Patient Race',
    nist: ['CDCREC_R_IZ'],
    // AIRA lists 2076-8 twice ('Hawaiian', 'Native Hawaiian or Other Pacific Islander'); CDCREC names the latter.
    labels: { '2076-8': 'Native Hawaiian or Other Pacific Islander' },
    // AIRA's race set also holds the two ethnicity codes (table 0189): not races, so not offered as one.
    exclude: (code) => code === '2135-2' || code === '2186-5',
  },
  { id: '0189', name: 'Ethnic group', system: 'CDCREC', aira: 'Patient Ethnicity', nist: ['CDCREC_E_IZ'] },
  {
    id: '0064',
    name: 'VFC eligibility (financial class)',
    system: 'HL70064',
    aira: 'Financial Status Code',
    nist: ['HL70064_IZ'],
    nistLabels: true,
    // '***' is the IG's "state-specific codes" placeholder; MIA* (Michigan) and OR01 (Oregon) are other states' codes.
    exclude: (code) => code === '***' || /^(MIA|OR)\d+$/.test(code),
    labels: {
      V06: 'VFC eligible - State-specific eligibility (e.g. S-CHIP plan)',
      V07: 'Local-specific eligibility',
      V08: 'Not VFC eligible - Underinsured',
    },
  },
  {
    id: '0162',
    name: 'Route of administration',
    system: 'HL70162',
    aira: 'Body Route',
    nist: ['NCIT'],
    systemOf: (code) => (/^C\d+$/.test(code) ? 'NCIT' : undefined),
  },
  {
    id: '0163',
    name: 'Administrative site',
    system: 'HL70163',
    aira: 'Body Site',
    nist: ['HL70163_IZ'],
    // AIRA lists LA twice ('Left Arm', 'Left Upper Arm'), as HL7 does for RA; and spells Gluteus 'Gluteous'.
    labels: { LA: 'Left Arm', RA: 'Right Arm', LG: 'Left Gluteus Medius', RG: 'Right Gluteus Medius' },
  },
  { id: '0200', name: 'Name type', system: 'HL70200', aira: 'Person Name Type', nist: ['HL70200_IZ'] },
  { id: '0063', name: 'Relationship', system: 'HL70063', aira: 'Person Relationship', nist: ['HL70063_IZ'] },
  { id: '0322', name: 'Completion status', system: 'HL70322', aira: 'Vaccination Completion', nist: ['HL70322_IZ'] },
  { id: '0323', name: 'Action code', system: 'HL70323', aira: 'Vaccination Action Code', nist: ['HL70323_IZ'] },
  { id: 'NIP001', name: 'Immunization information source', system: 'NIP001', aira: 'Vaccination Information Source', nist: ['NIP001'] },
  { id: 'NIP002', name: 'Substance refusal reason', system: 'NIP002', aira: 'Vaccination Refusal', nist: ['NIP002'] },
  { id: 'NIP003', name: 'Observation identifier', system: 'LN', aira: 'Observation Identifier', nist: ['NIP003'] },
  { id: '0441', name: 'Immunization registry status', system: 'HL70441', aira: 'Registry Status', nist: ['HL70441_IZ'] },
  {
    id: 'funding-source',
    name: 'Vaccine funding source',
    system: 'CDCPHINVS',
    aira: 'Vaccination Funding Source',
    nist: ['PHVS_ImmunizationFundingSource_IIS'],
  },
  {
    id: 'funding-eligibility-method',
    name: 'Funding eligibility observation method',
    system: 'CDCPHINVS',
    aira: 'Financial Status Obs Method',
    nist: ['PHVS_FundingEligibilityObsMethod_IIS'],
  },
  {
    id: 'contraindication',
    name: 'Vaccination contraindication or precaution',
    system: 'CDCPHINVS',
    aira: 'Contraindication or Precaution',
    nist: ['PHVS_VaccinationContraindication_IIS'],
  },
  {
    id: 'evidence-of-immunity',
    name: 'Evidence of immunity',
    system: 'SCT',
    aira: 'Evidence of Immunity',
    nist: ['PHVS_HistoryOfDiseaseAsEvidenceOfImmunity_IIS', 'PHVS_SerologicalEvidenceOfImmunity_IIS'],
  },
  {
    id: 'reaction',
    name: 'Vaccination reaction',
    system: 'CDCPHINVS',
    aira: 'Vaccination Reaction',
    nist: ['PHVS_VaccinationReaction_IIS'],
  },
  {
    id: 'special-indication',
    name: 'Vaccination special indication',
    system: 'CDCPHINVS',
    aira: 'Vaccination Special Indications',
    nist: ['PHVS_VaccinationSpecialIndications_IIS'],
  },
  { id: '0296', name: 'Primary language', system: 'ISO6392', aira: 'Person Language', nist: [] },
  { id: '0125', name: 'Value type', system: 'HL70125', aira: 'HL7 Value Type', nist: ['HL70125_IZ'] },
  { id: '0203', name: 'Identifier type', system: 'HL70203', aira: 'Id Type Code', nist: ['HL70203_IZ'] },
  { id: '0190', name: 'Address type', system: 'HL70190', aira: 'Address Type', nist: ['HL70190_IZ'] },
  { id: '0201', name: 'Telecommunication use', system: 'HL70201', aira: 'Telecommunication Use', nist: ['HL70201_IZ'] },
  { id: '0202', name: 'Telecommunication equipment type', system: 'HL70202', aira: 'Telecommunication Equipment', nist: ['HL70202_IZ'] },
  { id: '0215', name: 'Publicity code', system: 'HL70215', aira: 'Patient Publicity', nist: ['HL70215_IZ'] },
  { id: '0103', name: 'Processing ID', system: 'HL70103', aira: 'Message Processing Id', nist: ['HL70103_IZ'] },
  { id: '0155', name: 'Accept/application acknowledgment conditions', system: 'HL70155', aira: 'Acknowledgement Type', nist: [] },
  { id: '0396', name: 'Coding system', system: 'HL70396', aira: 'HL7 Coding System', nist: ['HL70396_IZ'] },
];
