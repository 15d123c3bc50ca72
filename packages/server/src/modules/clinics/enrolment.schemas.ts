import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { Address, Phone } from './profile.schemas.ts';

export const CLINIC_TYPES = [
  'private_practice',
  'fqhc',
  'rhc',
  'hospital',
  'pharmacy',
  'sbhc',
  'local_health_department',
  'urgent_care',
  'other',
] as const;

/** A VFC/CVP enrolment as DPH gives it; the dates its status needs are checked in `enrolment-rules.ts`. */
const Enrolment = z.object({
  status: z.enum(['not_enrolled', 'pending', 'enrolled', 'suspended', 'terminated'], { error: 'Choose the enrolment status' }),
  enrolledOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
});

export const EnrolClinicBody = z.object({
  legalName: z.string().trim().min(1, 'Give the clinic’s legal name').max(200),
  dbaName: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => (v ? v : null)),
  clinicType: z.enum(CLINIC_TYPES, { error: 'Choose the type of clinic' }),
  medicalHome: z.boolean(),
  physicalAddress: Address,
  shippingAddress: Address.nullable(),
  phone: Phone,
  enrolment: Enrolment,
});
export type EnrolClinicInput = z.infer<typeof EnrolClinicBody>;

export const DeactivateClinicBody = z.object({ reason: z.string().trim().min(1, 'Say why the clinic is deactivated').max(2000) });
export const ClinicParams = z.object({ id: z.string().uuid() });

/** DPH's edit of a clinic's type, medical-home flag and enrolment (the rules between statuses are the service's). */
export const EnrolmentFactsBody = z.object({
  clinicType: z.enum(CLINIC_TYPES, { error: 'Choose the type of clinic' }),
  medicalHome: z.boolean(),
  enrolment: Enrolment,
  version: z.number().int().min(0),
});
export type EnrolmentFactsInput = z.infer<typeof EnrolmentFactsBody>;
