// A patient's preferred language. Nutmeg stores ISO 639-1 codes ('en', 'es'), as FHIR and browsers do; HL7 table
// 0296 (PID-15) lists ISO 639-2 codes ('eng', 'spa') and only some of them, so messages convert at that boundary
// with `hl7Language`. Labels are the language's English name from the platform's Intl data, not a table.
import type { CodeOption } from './fields.ts';

/** The languages Connecticut families speak most, offered by name, with the ISO 639-2 (bibliographic) code of each. */
export const LANGUAGES = [
  ['en', 'eng'],
  ['es', 'spa'],
  ['pt', 'por'],
  ['pl', 'pol'],
  ['ht', 'hat'],
  ['zh', 'chi'],
  ['vi', 'vie'],
  ['ar', 'ara'],
  ['fr', 'fre'],
  ['it', 'ita'],
  ['ru', 'rus'],
  ['hi', 'hin'],
  ['gu', 'guj'],
  ['ko', 'kor'],
  ['bn', 'ben'],
  ['ur', 'urd'],
  ['sq', 'alb'],
  ['el', 'gre'],
] as const;

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** 'en' → 'English', 'pt' → 'Portuguese'; a code the platform does not name is shown as given. */
export function languageLabel(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}

/** True for a lower-case ISO 639 code (two or three letters) that names a language. */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  try {
    return names.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** The code to send in PID-15 (ISO 639-2, the system of table 0296) for a stored ISO 639-1 code. */
export function hl7Language(code: string): string | undefined {
  if (code.length === 3) return code; // already ISO 639-2
  return LANGUAGES.find(([iso1]) => iso1 === code)?.[1];
}

/** The languages a form offers, and the record's own code at the end when it is another one. */
export function languageOptions(current?: string | null): readonly CodeOption[] {
  const options: CodeOption[] = LANGUAGES.map(([code]) => ({ code, label: languageLabel(code) }));
  if (current && !options.some((o) => o.code === current)) options.push({ code: current, label: languageLabel(current) });
  return options;
}
