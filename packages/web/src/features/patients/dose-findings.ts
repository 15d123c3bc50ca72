// What the recommender found wrong with a dose, in one line per finding, for the dose history: the same
// evaluation the certificate prints ("Not Valid: Interval: Too Soon"). Pure: no React.
import type { PresentedEvaluation } from '@nutmeg/api-types';

export interface DoseFinding {
  /** 'Not Valid' | 'Extraneous' | 'Sub-standard' */
  status: string;
  /** e.g. 'Interval: Too Soon' */
  reason: string;
  /** Vaccine groups the finding applies to (DTaP/Tdap/Td for its three antigens). */
  groups: string[];
  explanation: string;
}

/** The dose's evaluations other than Valid, merged across the antigens of a vaccine group and equal findings. */
export function doseFindings(evaluations: readonly PresentedEvaluation[], doseId: string): DoseFinding[] {
  const out = new Map<string, DoseFinding>();
  for (const e of evaluations) {
    if (e.doseId !== doseId || e.status === 'Valid') continue;
    const reason = e.reasons.join('; ');
    const key = `${e.status}|${reason}`;
    const f = out.get(key) ?? { status: e.status, reason, groups: [], explanation: e.explanation };
    if (!f.groups.includes(e.vaccineGroup)) f.groups.push(e.vaccineGroup);
    out.set(key, f);
  }
  return [...out.values()];
}

/** "Not valid for DTaP/Tdap/Td: Interval: Too Soon" */
export function findingText(f: DoseFinding): string {
  const status = f.status === 'Not Valid' ? 'Not valid' : f.status;
  return `${status} for ${f.groups.join(', ')}${f.reason ? `: ${f.reason}` : ''}`;
}
