// One zod schema per request of the HL7 routes.
import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';

const text = (label: string, max: number) => z.string().trim().min(1, `Enter ${label}`).max(max, `Use at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const status = z.enum(['onboarding', 'testing', 'production', 'inactive']);

export const InterfaceBody = z.object({
  name: text('the interface name', 120),
  /** MSH-3.1 as the sender writes it. */
  sendingApplication: text('the sending application (MSH-3)', 180),
  /** MSH-4.1 as the sender writes it. */
  sendingFacility: text('the sending facility (MSH-4)', 180),
  /** The clinics it may send for, by PIN; the first is where doses go when a message names none of them. */
  clinicPins: z.array(z.string().trim().min(1).max(20)).min(1, 'Name at least one clinic (its PIN)').max(200),
  contactName: optionalText(120),
  contactEmail: z.string().trim().email('Enter a valid e-mail address').max(254).optional().or(z.literal('')),
  contactPhone: optionalText(40),
});
export type InterfaceBody = z.infer<typeof InterfaceBody>;

export const InterfaceUpdateBody = z.object({
  version: z.number().int().min(1),
  name: text('the interface name', 120).optional(),
  status: status.optional(),
  clinicPins: z.array(z.string().trim().min(1).max(20)).min(1, 'Name at least one clinic (its PIN)').max(200).optional(),
  contactName: optionalText(120),
  contactEmail: z.string().trim().email('Enter a valid e-mail address').max(254).optional().or(z.literal('')),
  contactPhone: optionalText(40),
});
export type InterfaceUpdateBody = z.infer<typeof InterfaceUpdateBody>;

export const RotateBody = z.object({ version: z.number().int().min(1) });
export const IdParams = z.object({ id: z.string().uuid() });

export const MessageQuery = z.object({
  interfaceId: z.string().uuid().optional(),
  status: z.enum(['received', 'accepted', 'warnings', 'rejected', 'failed']).optional(),
  errorsOnly: z.enum(['true', 'false']).optional(),
  patientId: z.string().uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageQuery = z.infer<typeof MessageQuery>;
