// Reminder letters: Nutmeg's default text per language, the merge fields a clinic's template may use, and the
// merge itself (pure).
import type { ReminderDue } from '@nutmeg/api-types';

export type Language = 'en' | 'es';

export const MERGE_FIELDS = ['patientName', 'guardianName', 'dob', 'clinicName', 'today', 'dueList'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const DEFAULT_TEMPLATES: Record<Language, string> = {
  en: `Dear {{guardianName}},

Our records show that {{patientName}} (born {{dob}}) is due for these immunizations:

{{dueList}}

Please call {{clinicName}} to make an appointment. If {{patientName}} has already received these vaccines somewhere else, please let us know so that we can update the record.

Sincerely,
{{clinicName}}`,
  es: `Estimado/a {{guardianName}}:

Nuestros registros indican que {{patientName}} (fecha de nacimiento {{dob}}) necesita estas vacunas:

{{dueList}}

Por favor llame a {{clinicName}} para hacer una cita. Si {{patientName}} ya recibió estas vacunas en otro lugar, avísenos para actualizar su registro.

Atentamente,
{{clinicName}}`,
};

const WORDS: Record<Language, { dose: string; due: string; overdue: string; guardian: string }> = {
  en: { dose: 'dose', due: 'due', overdue: 'overdue since', guardian: 'parent or guardian' },
  es: { dose: 'dosis', due: 'fecha recomendada', overdue: 'atrasada desde', guardian: 'padre, madre o tutor' },
};

/** One line per dose: 'MMR dose 2 — due 2026-03-01'. */
export function dueLines(due: readonly ReminderDue[], language: Language): string[] {
  const w = WORDS[language];
  return due.map((d) => {
    const dose = d.doseNumber ? ` ${w.dose} ${d.doseNumber}` : '';
    const when = d.status === 'overdue' ? `${w.overdue} ${d.pastDueDate}` : `${w.due} ${d.recommendedDate}`;
    return `• ${d.vaccineGroup}${dose} — ${when}`;
  });
}

export interface LetterValues {
  patientName: string;
  guardianName: string | null;
  dob: string;
  clinicName: string;
  today: string;
  due: readonly ReminderDue[];
}

/** The template with its merge fields filled; an unknown {{field}} is left as written. */
export function mergeLetter(template: string, v: LetterValues, language: Language): string {
  const values: Record<MergeField, string> = {
    patientName: v.patientName,
    guardianName: v.guardianName ?? WORDS[language].guardian,
    dob: v.dob,
    clinicName: v.clinicName,
    today: v.today,
    dueList: dueLines(v.due, language).join('\n'),
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => (name in values ? values[name as MergeField] : all));
}
