// Coded choices (HL7 tables 0064 VFC eligibility, 0162 route, 0163 site, NIP001 historical source, CDC race and
// ethnicity; dose condition), written once for the forms that offer them and the views that label them.
import { Select } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Field } from '../accounts/form-fields';
import { languageLabel } from './labels';

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

export const HISTORICAL_SOURCE_OPTIONS: readonly Option[] = [
  ['01', 'Source unspecified'],
  ['02', 'Other provider'],
  ['03', 'Parent written record'],
  ['04', 'Parent recall'],
  ['05', 'Other registry'],
  ['07', 'School record'],
];

export const RACE_OPTIONS: readonly Option[] = [
  ['1002-5', 'American Indian or Alaska Native'],
  ['2028-9', 'Asian'],
  ['2054-5', 'Black or African-American'],
  ['2076-8', 'Native Hawaiian or Other Pacific Islander'],
  ['2106-3', 'White'],
  ['2131-1', 'Other race'],
];

export const ETHNICITY_OPTIONS: readonly Option[] = [
  ['2135-2', 'Hispanic or Latino'],
  ['2186-5', 'Not Hispanic or Latino'],
];

/** ISO 639-1 codes of the languages Connecticut families speak most, shown by name; a record's other code stays a choice. */
const LANGUAGE_CODES = ['en', 'es', 'pt', 'pl', 'ht', 'zh', 'vi', 'ar', 'fr', 'it', 'ru', 'hi', 'gu', 'ko', 'bn', 'ur', 'sq', 'el'];

export function languageOptions(current?: string): readonly Option[] {
  const codes = current && !LANGUAGE_CODES.includes(current) ? [...LANGUAGE_CODES, current] : LANGUAGE_CODES;
  return codes.map((c) => [c, languageLabel(c)] as const);
}

/** The label of a code (the code itself when the list does not have it; null for no code). */
export function optionLabel(options: readonly Option[], code: string | null | undefined): string | null {
  if (!code) return null;
  return options.find(([v]) => v === code)?.[1] ?? code;
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

/** A labelled select over a code list (with an optional first "none" choice). */
export function SelectField({
  id,
  name,
  label,
  options,
  value,
  onChange,
  hint,
  error,
  none,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  options: readonly Option[];
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  hint?: ReactNode;
  error?: string | undefined;
  none?: string;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <Select id={id} name={name} value={value} onChange={onChange} required={required}>
        {none !== undefined && <option value="">{none}</option>}
        <Options options={options} />
      </Select>
    </Field>
  );
}
