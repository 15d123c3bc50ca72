/**
 * 4.2 Organize Immunization History: break every vaccine dose administered into antigen
 * administered records (using the CVX → antigen map with association ages) and sort them by
 * antigen then date.
 */
import { addDuration, daysFromCivil, daysInMonth, MAX_DATE, MIN_DATE, parseIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { PatientDose } from './context.ts';
import { normalizeCvx } from './supporting-data/parse.ts';
import type { SupportingData } from './supporting-data/model.ts';
import type { AntigenDose, DoseInput } from './types.ts';

export interface OrganizedHistory {
  readonly doses: readonly PatientDose[];
  readonly byAntigen: ReadonlyMap<string, readonly AntigenDose[]>;
  /** ids of doses whose CVX is not in the CVX to antigen map */
  readonly unmapped: readonly string[];
}

/** CALCDTLOTEXP-1: full date, or the last day of the month when only month and year are known. */
export function lotExpirationDate(s: string | null | undefined): DayNumber | undefined {
  if (!s) return undefined;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (full) return parseIsoDate(s);
  const ym = /^(\d{4})-(\d{2})$/.exec(s);
  if (ym) {
    const y = Number(ym[1]);
    const m = Number(ym[2]);
    if (m >= 1 && m <= 12) return daysFromCivil(y, m, daysInMonth(y, m));
  }
  throw new Error(`Invalid lot expiration date '${s}'`);
}

export function organizeImmunizationHistory(
  input: readonly DoseInput[],
  dob: DayNumber,
  assessmentDate: DayNumber,
  data: SupportingData,
): OrganizedHistory {
  const parsed = input.map((d, i) => ({ d, i, date: parseIsoDate(d.date), cvx: normalizeCvx(d.cvx) }));
  // doses after the assessment date are not part of the history being assessed
  const inScope = parsed.filter((p) => p.date <= assessmentDate).sort((a, b) => a.date - b.date || a.i - b.i);
  const doses: PatientDose[] = inScope.map((p) => ({ id: p.d.id, index: p.i, date: p.date, cvx: p.cvx }));
  const byAntigen = new Map<string, AntigenDose[]>();
  const unmapped: string[] = [];
  for (const p of inScope) {
    const entry = data.cvxMap.get(p.cvx);
    if (!entry) {
      unmapped.push(p.d.id);
      continue;
    }
    for (const a of entry.associations) {
      // association begin / end age (4.2 note 2a)
      const begin = a.beginAge ? addDuration(dob, a.beginAge) : MIN_DATE;
      const end = a.endAge ? addDuration(dob, a.endAge) : MAX_DATE;
      if (p.date < begin || p.date >= end) continue;
      const rec: AntigenDose = {
        doseId: p.d.id,
        doseIndex: p.i,
        date: p.date,
        cvx: p.cvx,
        mvx: p.d.mvx ?? undefined,
        tradeName: p.d.tradeName ?? undefined,
        volume: p.d.volume ?? undefined,
        lotExpiration: lotExpirationDate(p.d.lotExpiration),
        subStandard: p.d.subStandard === true,
        antigen: a.antigen,
      };
      const list = byAntigen.get(a.antigen);
      if (list) list.push(rec);
      else byAntigen.set(a.antigen, [rec]);
    }
  }
  return { doses, byAntigen, unmapped };
}
