// Coded choices for the forms that offer them and the views that label them. The codes and their labels come from
// @nutmeg/codes/tables, the same tables the server validates against (one copy); only the dose condition, a
// Nutmeg state rather than a code table, is written here.
import { fieldLabel, fieldOptions, languageOptions, type CodeOption, type FieldName } from '@nutmeg/codes/tables';
import type { Option } from '../../components/FormControls';

export type { Option } from '../../components/FormControls';

function asOptions(options: readonly CodeOption[], withCode: boolean): readonly Option[] {
  return options.map((o) => [o.code, `${withCode ? `${o.code} ` : ''}${o.label}${o.retired ? ' (no longer used)' : ''}`] as const);
}

/**
 * A coded field's choices: its active codes, and the record's `current` code at the end when it is no longer
 * offered (so editing neither hides it nor changes it silently). `withCode` shows the code before the label (VFC).
 */
export function codeOptions(field: FieldName, current?: string | null, withCode = false): readonly Option[] {
  return asOptions(fieldOptions(field, current), withCode);
}

/** The label of a code (the code itself when the table does not have it; null for no code). */
export function codeLabel(field: FieldName, code: string | null | undefined): string | null {
  if (!code) return null;
  return fieldLabel(field, code) ?? code;
}

/** Preferred languages by name (ISO 639-1 codes), with the record's own code kept. */
export function languageChoices(current?: string): readonly Option[] {
  return asOptions(languageOptions(current), false);
}

/** A dose condition makes the dose not count for the recommender (CDSi 6.1 sub-standard). */
export const DOSE_CONDITION_OPTIONS: readonly Option[] = [
  ['', 'None (a full, potent dose)'],
  ['partial', 'Partial dose (not all of it given)'],
  ['storage', 'Storage or handling problem (e.g. cold chain)'],
  ['recall', 'Recalled lot'],
  ['other', 'Other reason it does not count'],
];

/** The label of an option (the code itself when the list does not have it; null for no code). */
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
