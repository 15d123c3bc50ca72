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
  scanId: string;
}

/** A possible-duplicate scan: queued or running (with its progress), or finished (with its counts). */
export interface DuplicateScan {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** 0–100, birth years done over birth years to scan. */
  progress: number;
  /** The last step's sentence ("Born 2019: 4 candidate pairs; 1 queued so far"). */
  progressNote: string | null;
  /** The name of the DPH user who started it. */
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Set when done: birth years scanned, pairs the SQL blocking found, pairs newly queued for review. */
  birthYears: number | null;
  candidatePairs: number | null;
  pairsQueued: number | null;
  /** Set when failed: a sentence (never patient data). */
  error: string | null;
}

/** GET /api/possible-duplicates/scans: the scan queued or running now, and the last finished one. */
export interface DuplicateScanStatus {
  current: DuplicateScan | null;
  last: DuplicateScan | null;
}
