import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { NpiSchema } from './staff.schemas.ts';

const Count = z.number().int().min(0).max(1_000_000);
const Band = z.object({ under1: Count, age1to6: Count, age7to18: Count });

const Prescriber = z.object({
  name: z.string().trim().min(1, 'Give the prescriber’s name').max(200),
  licenseType: z.string().trim().min(1, 'Give the license type (MD, DO, APRN, PA…)').max(50),
  licenseNumber: z.string().trim().min(1, 'Give the license number').max(50),
  licenseState: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use the two-letter state code')
    .transform((s) => s.toUpperCase()),
  licenseExpires: IsoDate,
  npi: NpiSchema,
});

export const AgreementDraftBody = z.object({
  providerProfile: z.object({ V02: Band, V03: Band, V04: Band, V05: Band }),
  prescribers: z.array(Prescriber).max(100),
  vaccines: z.array(z.string().trim().min(1).max(100)).max(60),
});
export type AgreementDraftInput = z.infer<typeof AgreementDraftBody>;

export const StartAgreementBody = z.object({
  program: z.enum(['cvp', 'covid19'], { error: 'Choose the CVP or the COVID-19 program' }),
  programYear: z.number().int().min(2000).max(2100),
  data: AgreementDraftBody,
});

export const ReviseAgreementBody = z.object({ data: AgreementDraftBody, version: z.number().int().min(1) });

export const SignAgreementBody = z.object({
  password: z.string().min(1, 'Enter your password').max(200),
  otp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'),
  version: z.number().int().min(1),
});

export const ReturnAgreementBody = z.object({ comment: z.string().trim().min(1, 'Say what the clinic must change').max(4000) });

export const AgreementParams = z.object({ id: z.string().uuid() });
