import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { isValidNpi } from './npi.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const StaffLicenseBody = z.object({
  type: z.string().trim().min(1, 'Give the license type (MD, DO, APRN, PA…)').max(50),
  number: z.string().trim().min(1, 'Give the license number').max(50),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use the two-letter state code')
    .transform((s) => s.toUpperCase()),
  expires: IsoDate,
});

export const NpiSchema = z
  .string()
  .trim()
  .regex(/^\d{10}$/, 'An NPI has 10 digits')
  .refine(isValidNpi, 'This is not a valid NPI (its check digit does not match)');

const StaffFields = z.object({
  firstName: z.string().trim().min(1, 'Give the first name').max(100),
  lastName: z.string().trim().min(1, 'Give the last name').max(100),
  email: z.string().trim().toLowerCase().email('Give a valid e-mail address').max(200),
  jobTitle: optionalText(100),
  role: z.enum(['prescriber', 'nurse', 'medical_assistant', 'coordinator', 'other'], {
    error: 'Choose prescriber, nurse, medical assistant, coordinator or other',
  }),
  license: StaffLicenseBody.nullish().transform((v) => v ?? null),
  npi: NpiSchema.nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
});

/** A prescriber is listed with a license; the license of anyone else is optional. */
function prescriberLicensed(v: { role: string; license: unknown }, ctx: z.RefinementCtx): void {
  if (v.role === 'prescriber' && !v.license)
    ctx.addIssue({ code: 'custom', path: ['license'], message: 'A prescriber is listed with their license' });
}

export const StaffBody = StaffFields.superRefine(prescriberLicensed);
export type StaffInput = z.infer<typeof StaffBody>;
export const StaffEditBody = StaffFields.extend({ version: z.number().int().min(1) }).superRefine(prescriberLicensed);
export const StaffRemoveBody = z.object({ version: z.number().int().min(1) });
export const StaffParams = z.object({ id: z.string().uuid() });
