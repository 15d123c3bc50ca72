import { z } from 'zod';
import { IsoDate } from '../patients/index.ts';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));
const cvx = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'Use the CVX code (1–3 digits)');

/** A dose condition that makes the dose not count (CDSi 6.1 sub-standard): partial dose, storage/handling, recall, other. */
const doseCondition = z.enum(['partial', 'storage', 'recall', 'other']).optional();

const Vis = z.object({ document: z.string().trim().min(1).max(100), edition: IsoDate, presented: IsoDate });

export const AdministeredBody = z.object({
  kind: z.literal('administered'),
  cvx,
  mvx: text(10),
  ndc: text(20),
  lot: z.string().trim().min(1, 'Enter the lot number').max(40),
  lotExpiration: IsoDate.optional(),
  fundingSource: z.enum(['public', 'private']),
  date: IsoDate,
  volumeMl: z.number().positive().max(10).optional(),
  site: z.enum(['LA', 'RA', 'LT', 'RT', 'LD', 'RD', 'LVL', 'RVL']).optional(),
  route: z.enum(['IM', 'SC', 'ID', 'PO', 'NS']).optional(),
  administeredBy: text(120),
  orderingProvider: text(120),
  vis: z.array(Vis).max(6).default([]),
  // No default: the person giving the dose says whether the patient is VFC-eligible for it.
  vfcEligibility: z.enum(['V01', 'V02', 'V03', 'V04', 'V05', 'V07'], { error: 'Choose the VFC eligibility for this dose' }),
  doseCondition,
});

export const HistoricalBody = z.object({
  kind: z.literal('historical'),
  cvx,
  date: IsoDate,
  source: z.enum(['01', '02', '03', '04', '05', '06', '07', '08']).default('01'),
  doseCondition,
});

export const DoseBody = z.discriminatedUnion('kind', [AdministeredBody, HistoricalBody]);
export type DoseBody = z.infer<typeof DoseBody>;

export const DoseUpdateBody = z.object({
  dose: DoseBody,
  reason: z.string().trim().min(3, 'Give the reason for the change').max(500),
});

export const DeleteBody = z.object({ reason: z.string().trim().min(3, 'Give the reason').max(500) });

export const RefusalBody = z.object({
  vaccineGroup: z.string().trim().min(1).max(60),
  date: IsoDate,
  reason: z.enum(['00', '01', '02', '03']),
});

export const ObservationBody = z.object({
  kind: z.enum(['contraindication', 'precaution', 'immunity', 'indication']),
  /** CDSi observation code, e.g. '024' history of varicella. */
  code: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'Use the 3-digit CDSi observation code'),
  date: IsoDate,
  /** 'unknown': whether the patient has it could not be determined (clinical judgement needed). */
  status: z.enum(['active', 'unknown']).default('active'),
});

export const PatientParams = z.object({ id: z.string().uuid() });
export const ItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
