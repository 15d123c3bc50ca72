// One zod schema per request: validation, the TypeScript type and the OpenAPI docs.

import { isLanguageCode } from '@nutmeg/codes';
import { z } from 'zod';
import { codeOf, IsoDate } from '../../schemas.ts';

const isoDate = IsoDate;
const name = (label: string, max = 80) => z.string().trim().min(1, `Enter ${label}`).max(max, `Use at most ${max} characters`);
const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export { IsoDate };

export const SearchQuery = z.object({
  lastName: optionalText(80),
  firstName: optionalText(80),
  middleName: optionalText(80),
  dob: isoDate.optional(),
  sex: codeOf('sex').optional(),
  mothersMaidenName: optionalText(80),
  guardianName: optionalText(160),
  phone: optionalText(40),
  street: optionalText(200),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-?\d{4})?$/, 'Use a 5-digit ZIP code')
    .optional(),
  iisId: optionalText(40),
  mrn: optionalText(40),
  limit: z.coerce.number().int().min(1).max(50).default(25),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const Address = z.object({
  street: name('the street', 200),
  street2: optionalText(100),
  city: name('the city or town'),
  state: z.string().trim().length(2, 'Use the 2-letter state code').toUpperCase(),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-?\d{4})?$/, 'Use a 5-digit ZIP code'),
  county: optionalText(60),
  type: codeOf('addressType').default('H'),
  current: z.boolean().default(true),
});

const Phone = z.object({
  number: z
    .string()
    .trim()
    .transform((s) => s.replace(/\D/g, ''))
    .pipe(z.string().min(10, 'Enter a 10-digit phone number').max(15)),
  use: codeOf('phoneUse').default('PRN'),
});

const Guardian = z.object({
  name: z.object({ first: name('the guardian’s first name'), last: name('the guardian’s last name') }),
  relationship: codeOf('relationship'),
  phone: optionalText(40),
});

export const PatientBody = z.object({
  name: z.object({ first: name('the first name'), middle: optionalText(80), last: name('the last name'), suffix: optionalText(10) }),
  aliases: z
    .array(
      z.object({
        first: name('the first name'),
        middle: optionalText(80),
        last: name('the last name'),
        type: codeOf('nameType').default('A'),
      }),
    )
    .max(20)
    .default([]),
  dob: isoDate,
  sex: codeOf('sex', 'Choose the sex'),
  multipleBirth: z.boolean().default(false),
  birthOrder: z.number().int().min(1).max(9).optional(),
  mothersMaidenName: optionalText(80),
  race: codeOf('race').optional(),
  ethnicity: codeOf('ethnicity').optional(),
  /** ISO 639-1 as Nutmeg stores it ('en'); see @nutmeg/codes languages.ts. */
  language: optionalText(10).refine((c) => c === undefined || isLanguageCode(c), 'Use an ISO 639 language code, e.g. en, es, pt'),
  addresses: z.array(Address).max(10).default([]),
  phones: z.array(Phone).max(10).default([]),
  emails: z.array(z.string().trim().email('Enter a valid e-mail address').max(254)).max(5).default([]),
  guardians: z.array(Guardian).max(6).default([]),
  identifiers: z
    .array(z.object({ type: codeOf('identifierType'), value: name('the identifier', 40), assigner: optionalText(80) }))
    .max(10)
    .default([]),
  birthState: optionalText(2),
  birthCountry: optionalText(3),
  notes: optionalText(2000),
});
export type PatientBody = z.infer<typeof PatientBody>;

export const CreatePatientBody = PatientBody.extend({
  /** Set after the user has seen the likely duplicates and confirmed this is a new person. */
  confirmNew: z.boolean().default(false),
});

export const UpdatePatientBody = PatientBody.extend({
  /** The version that was edited (optimistic concurrency: a stale edit is refused with 409). */
  version: z.number().int().min(1),
  reason: optionalText(500),
});

export const IdParams = z.object({ id: z.string().uuid() });

export const OrgStatusBody = z.object({
  status: z.enum(['active', 'inactive_moved', 'inactive_not_patient']),
  reason: optionalText(500),
});

export const JurisdictionStatusBody = z.object({
  status: z.enum(['active', 'moved', 'deceased']),
  deceasedDate: isoDate.optional(),
  reason: optionalText(500),
});

export const OwnerBody = z.object({
  /** true: the caller's clinic becomes the medical home; false: release it (only the owner or DPH). */
  own: z.boolean(),
  reason: optionalText(500),
});

export const OptOutBody = z.object({
  optedOut: z.boolean(),
  reason: z.string().trim().min(3, 'Give the reason (e.g. signed written request received)').max(500),
});

export const CertificateQuery = z.object({ kind: z.enum(['full', 'covid']).default('full') });
