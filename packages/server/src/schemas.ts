// Field schemas every module shares, so a rule about what a date is lives in one place.
import { acceptedCodes, FIELDS, table, type FieldCode, type FieldName } from '@nutmeg/codes';
import { z } from 'zod';

/** 'YYYY-MM-DD' that names a day on the calendar (2023-02-30 is refused, not rolled over to March). */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine(isRealDate, 'Not a real date')
  .meta({ format: 'date' });

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date, or an ISO 8601 instant with its offset, on a real day. */
export const IsoDateOrInstant = z
  .string()
  .refine((s) => isRealDate(s) || (INSTANT.test(s) && isRealDate(INSTANT.exec(s)![1]!) && !Number.isNaN(Date.parse(s))), {
    message: 'Use a date (YYYY-MM-DD) or an ISO date-time',
  })
  .meta({ format: 'date-or-date-time' });

/**
 * A coded field (see FIELDS in @nutmeg/codes): any code its table knows (a record keeps a deprecated code it was
 * given), refused with a message naming the field's table otherwise.
 */
export function codeOf<F extends FieldName>(field: F, message?: string) {
  const codes = acceptedCodes(field) as [FieldCode<F>, ...FieldCode<F>[]];
  const spec = FIELDS[field];
  return z.enum(codes, { error: message ?? `Use a code of ${spec.tables.map((t) => table(t).name).join(' / ')}` });
}
