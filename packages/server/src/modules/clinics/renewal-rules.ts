// Which renewal notices a clinic is due on a day. Pure. The program year runs January to December.
import type { AgreementProgram, AgreementStatus } from '@nutmeg/api-types';

export type NoticeKind = 'reminder' | 'lapsed';
export interface NoticeDue {
  program: AgreementProgram;
  programYear: number;
  kind: NoticeKind;
}

export interface ClinicAgreements {
  /** 'YYYY-MM-DD' in the jurisdiction. */
  today: string;
  /** Days before the end of the program year when the reminder starts. */
  noticeDays: number;
  /** Enrolled in VFC/CVP: takes part in the CVP program even before its first agreement. */
  enrolled: boolean;
  agreements: ReadonlyArray<{ program: AgreementProgram; programYear: number; status: AgreementStatus }>;
}

/** Days from `today` to December 31 of its year (0 on the day itself). */
export function daysToYearEnd(today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, 11, 31) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/**
 * The programs a clinic takes part in for a year: CVP when it is enrolled or had a CVP agreement the year before
 * or that year; COVID-19 only when it had a COVID-19 agreement then.
 */
function programsFor(c: Pick<ClinicAgreements, 'enrolled' | 'agreements'>, year: number): AgreementProgram[] {
  const had = (p: AgreementProgram) => c.agreements.some((a) => a.program === p && (a.programYear === year || a.programYear === year - 1));
  return (['cvp', 'covid19'] as const).filter((p) => had(p) || (p === 'cvp' && c.enrolled));
}

const approved = (c: Pick<ClinicAgreements, 'agreements'>, p: AgreementProgram, year: number) =>
  c.agreements.some((a) => a.program === p && a.programYear === year && a.status === 'approved');

/** The programs the clinic takes part in for the year without an approved agreement for it (DPH's "not renewed"). */
export function notRenewed(c: Pick<ClinicAgreements, 'enrolled' | 'agreements'>, year: number): AgreementProgram[] {
  return programsFor(c, year).filter((p) => !approved(c, p, year));
}

/**
 * "lapsed": this program year began without an approved agreement for it; "reminder": the year ends within the
 * notice period and next year's agreement is not approved yet.
 */
export function noticesDue(c: ClinicAgreements): NoticeDue[] {
  const year = Number(c.today.slice(0, 4));
  const out: NoticeDue[] = [];
  for (const p of notRenewed(c, year)) out.push({ program: p, programYear: year, kind: 'lapsed' });
  if (daysToYearEnd(c.today) <= c.noticeDays)
    for (const p of notRenewed(c, year + 1)) out.push({ program: p, programYear: year + 1, kind: 'reminder' });
  return out;
}
