/**
 * 6.7 Evaluate Vaccine Conflict (Table 6-24: CALCDTCONFLICT-1, CALCDTCONFLICT-2, CONFLICT-3).
 */
import { addDuration, formatIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { SeriesRun } from './context.ts';
import type { LiveVirusConflict } from './supporting-data/model.ts';
import type { EvaluationStatus } from './types.ts';

export interface ConflictOutcome {
  readonly impacted: boolean;
  readonly explanation?: string;
  readonly conflict?: LiveVirusConflict;
}

/**
 * Pure decision of CONFLICT-3 for one (previous dose, conflict) pair.
 * @param previousStatus evaluation status of the previous dose, undefined when it has none
 */
export function isImpactedBy(
  conflict: LiveVirusConflict,
  previousDate: DayNumber,
  previousStatus: EvaluationStatus | undefined,
  currentDate: DayNumber,
): { impacted: boolean; begin: DayNumber; end: DayNumber } {
  const begin = conflict.conflictBeginInterval ? addDuration(previousDate, conflict.conflictBeginInterval) : previousDate; // CALCDTCONFLICT-1
  // CALCDTCONFLICT-2: minimum conflict end interval when the previous dose is valid or has no status
  const endDur =
    previousStatus === undefined || previousStatus === 'Valid' ? conflict.minConflictEndInterval : conflict.conflictEndInterval;
  const end = endDur ? addDuration(previousDate, endDur) : previousDate;
  return { impacted: begin <= currentDate && currentDate < end, begin, end }; // CONFLICT-3
}

export function evaluateVaccineConflict(run: SeriesRun, doseIndex: number): ConflictOutcome {
  const cur = run.doses[doseIndex];
  if (!cur) return { impacted: false };
  const conflicts = run.ctx.data.conflictsByCurrentCvx.get(cur.cvx);
  if (!conflicts || conflicts.length === 0) return { impacted: false };
  for (const prev of run.ctx.doses) {
    if (prev.date >= cur.date) break;
    for (const c of conflicts) {
      if (c.previousCvx !== prev.cvx) continue;
      const ai = run.doses.findIndex((d) => d.doseId === prev.id);
      const status = ai >= 0 ? run.evals[ai]?.status : undefined;
      const r = isImpactedBy(c, prev.date, status, cur.date);
      if (r.impacted) {
        return {
          impacted: true,
          conflict: c,
          explanation: `given within the live virus conflict window of ${c.previousVaccineType} (CVX ${c.previousCvx}) administered ${formatIsoDate(prev.date)} (conflict until ${formatIsoDate(r.end)})`,
        };
      }
    }
  }
  return { impacted: false };
}
