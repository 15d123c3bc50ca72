// Coded choices for a dose (HL7 tables 0064 VFC eligibility, 0162 route, 0163 site; dose condition), shared by the
// record and correct forms so both offer exactly the same codes.
export type Option = readonly [value: string, label: string];

export const FUNDING_OPTIONS: readonly Option[] = [
  ['public', 'Public (VFC / state)'],
  ['private', 'Private'],
];

export const VFC_OPTIONS: readonly Option[] = [
  ['V01', 'V01 Not VFC eligible'],
  ['V02', 'V02 Medicaid / Medicaid managed care'],
  ['V03', 'V03 Uninsured'],
  ['V04', 'V04 American Indian / Alaska Native'],
  ['V05', 'V05 Underinsured (FQHC/RHC)'],
  ['V07', 'V07 State-specific eligibility'],
];

export const ROUTE_OPTIONS: readonly Option[] = [
  ['IM', 'IM'],
  ['SC', 'SC'],
  ['ID', 'ID'],
  ['PO', 'Oral'],
  ['NS', 'Nasal'],
];

export const SITE_OPTIONS: readonly Option[] = [
  ['', '—'],
  ['LT', 'Left thigh'],
  ['RT', 'Right thigh'],
  ['LD', 'Left deltoid'],
  ['RD', 'Right deltoid'],
  ['LA', 'Left arm'],
  ['RA', 'Right arm'],
];

/** A dose condition makes the dose not count for the recommender (CDSi 6.1 sub-standard). */
export const DOSE_CONDITION_OPTIONS: readonly Option[] = [
  ['', 'None (a full, potent dose)'],
  ['partial', 'Partial dose (not all of it given)'],
  ['storage', 'Storage or handling problem (e.g. cold chain)'],
  ['recall', 'Recalled lot'],
  ['other', 'Other reason it does not count'],
];

export function doseConditionLabel(code: string): string {
  return DOSE_CONDITION_OPTIONS.find(([v]) => v === code)?.[1] ?? code;
}

export function Options({ options }: { options: readonly Option[] }) {
  return (
    <>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
