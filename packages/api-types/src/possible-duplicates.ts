// The possible-duplicate queue a DPH data steward works through: pairs of records a matcher found likely to be
// one person, shown side by side with the reasons, resolved by a merge or as "not a duplicate".

/** One record of a pair, as the steward compares it (demographics only; the doses are on the record page). */
export interface PossibleDuplicateSide {
  id: string;
  iisId: string;
  name: string;
  dob: string;
  sex: string;
  mothersMaidenName: string | null;
  /** Current (else first) address on one line, or null. */
  address: string | null;
  phones: string[];
  guardians: string[];
  createdAt: string;
}

export type PossibleDuplicateSource = 'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'scan';

export interface PossibleDuplicatePair {
  id: string;
  /** Match score 0–100 when the pair was queued. */
  score: number;
  /** Why the matcher thought so, most important first ("DOB digits transposed", "nickname: Bill→William"). */
  reasons: string[];
  source: PossibleDuplicateSource;
  queuedAt: string;
  /** The older record first (the usual survivor). */
  patients: [PossibleDuplicateSide, PossibleDuplicateSide];
}

export interface PossibleDuplicateQueue {
  /** Open pairs whose records are both still live. */
  total: number;
  pairs: PossibleDuplicatePair[];
}

export interface PossibleDuplicateResolved {
  id: string;
  status: 'merged' | 'not_duplicate';
  /** Set when merged: the merge that can be undone from the surviving record. */
  mergeId?: string;
}

/** POST /api/possible-duplicates/scan (202): the scan runs as a background job; the pairs it finds join the queue. */
export interface DuplicateScanStarted {
  jobId: string;
}
