/**
 * The small set of error kinds the server speaks, with stable ids. They are rendered in one place
 * per protocol (problem JSON for REST here; ACK/ERR for HL7, OperationOutcome for FHIR later).
 */
export const ErrorKind = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** It existed and was removed on purpose (a kept file past its retention). */
  gone: 410,
  locked: 423,
  rate_limited: 429,
  /** The database is stuck, overloaded or down: not the request's fault; try again. */
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ErrorKind;

/** A field-level message of a 400: the problem JSON's `fields` (written once in @nutmeg/api-types). */
export type { FieldError } from '@nutmeg/api-types';
import type { FieldError } from '@nutmeg/api-types';

/** A refusal to show a patient who exists (outside scope, opted out): audited, never told to the caller. */
export interface PatientDenial {
  patientId: string;
  reason: 'out_of_scope' | 'opted_out';
}

export class AppError extends Error {
  /** Set on a 404 that hides an existing patient; the error handler audits it (not part of the response). */
  denial?: PatientDenial;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: { fields?: FieldError[]; step?: string; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ErrorKind[this.kind];
  }
}

export const invalid = (message: string, fields?: FieldError[]) => new AppError('invalid', message, fields ? { fields } : {});
export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
/** The same 404 as for a patient who does not exist, marked so that the refusal is audited. */
export const patientDenied = (denial: PatientDenial) => Object.assign(notFound('Patient'), { denial });
export const forbidden = (message = 'You do not have access to this') => new AppError('forbidden', message);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('conflict', message, details);
