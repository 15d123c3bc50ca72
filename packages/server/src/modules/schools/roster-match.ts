// What a roster row's registry matches mean: link, review, or unmatched with the reason. Pure.
import type { PatientSearchResult } from '@nutmeg/api-types';
import type { RosterMatchStatus } from '@nutmeg/db';

/** Below this score a record is not offered to the nurse (the patients matcher's "possible match"). */
export const REVIEW_SCORE = 50;
/**
 * At or above this score, and clearly ahead of any other record, the row links without a person looking. Higher
 * than the patients matcher's "likely" (80): a link opens the child's record to the school, so only name and date
 * of birth agreeing exactly (~93) link alone; a typo or a nickname (80–86) is for the nurse to confirm.
 */
export const AUTO_LINK_SCORE = 90;
/** At most this many candidates are kept for the review screen. */
const MAX_CANDIDATES = 5;

export interface MatchDecision {
  status: RosterMatchStatus;
  patientId: string | null;
  score: number | null;
  reason: string;
  candidates: { patientId: string; score: number; reasons: string[] }[];
}

/**
 * Decides a row from the matcher's ranked results. `takenBy` maps a patient already linked to another student of
 * the same roster to that student's id: a second row naming one child is never linked automatically.
 */
export function decideMatch(results: readonly PatientSearchResult[], takenBy: ReadonlyMap<string, string>): MatchDecision {
  const offered = results.filter((r) => r.score >= REVIEW_SCORE).slice(0, MAX_CANDIDATES);
  const candidates = offered.map((r) => ({ patientId: r.id, score: r.score, reasons: r.reasons }));
  const [best, second] = offered;
  if (!best) {
    const near = results[0];
    return {
      status: 'unmatched',
      patientId: null,
      score: near?.score ?? null,
      reason: near
        ? `No registry record is close enough (the nearest scores ${near.score} of 100)`
        : 'No registry record with this name and date of birth (born out of state, opted out, or not yet reported)',
      candidates: [],
    };
  }
  const clear = best.score >= AUTO_LINK_SCORE && (!second || second.score < AUTO_LINK_SCORE);
  const taken = takenBy.get(best.id);
  if (clear && !taken) return { status: 'linked', patientId: best.id, score: best.score, reason: best.summary, candidates: [] };
  const reason = taken
    ? `The matching record is already linked to student ${taken}`
    : offered.length === 1
      ? `One possible record (score ${best.score}): check it`
      : `${offered.length} possible records: pick the right one`;
  return { status: 'review', patientId: null, score: best.score, reason, candidates };
}
