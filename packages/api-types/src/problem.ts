// The error body of every refused request (RFC 9457 problem JSON).

export interface FieldError {
  /** Dotted path of the offending field, e.g. "addresses.0.zip". */
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  /** The error kind: invalid, unauthenticated, forbidden, not_found, conflict, gone, locked, rate_limited, unavailable. */
  error: string;
  title: string;
  status: number;
  fields?: FieldError[];
  /** Sign-in: the step that failed or comes next. */
  step?: string;
  /** Any detail the error carries, e.g. `candidates` on a 409 when adding a likely duplicate. */
  [detail: string]: unknown;
}
