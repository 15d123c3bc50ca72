import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
export const Phone = optionalText(30).refine(
  (v) => v === null || /^[0-9()+\-.\s x]{7,30}$/.test(v),
  'Use a phone number such as 203-555-0100',
);
const Email = z.string().trim().max(200).email('Use an e-mail address such as name@clinic.org');

export const Address = z.object({
  street: text(200).min(1, 'Give the street address'),
  city: text(100).min(1, 'Give the city or town'),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use the two-letter state code')
    .transform((s) => s.toUpperCase()),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'Use a ZIP code such as 06510'),
});

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 08:30');
const Window = z.object({ from: Time, to: Time });
const Day = z.array(Window).max(4, 'At most four windows a day');

const Contact = z
  .object({
    name: text(200).min(1, 'Give the contact’s name'),
    title: optionalText(100),
    email: Email,
    phone: Phone,
  })
  .nullable();

export const ProfileBody = z.object({
  legalName: text(200).min(1, 'Give the clinic’s legal name'),
  dbaName: optionalText(200),
  physicalAddress: Address,
  shippingAddress: Address.nullable(),
  phone: Phone,
  fax: Phone,
  email: Email.nullish().or(z.literal('').transform(() => null)),
  deliveryHours: z.object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day }),
  contacts: z.object({
    primaryCoordinator: Contact,
    backupCoordinator: Contact,
    medicalDirector: Contact,
    chiefExecutive: Contact,
  }),
  version: z.number().int().min(0),
});
export type ProfileInput = z.infer<typeof ProfileBody>;
