import { canonicalCvx, cvx as cvxEntry, isAdministrable, ndcToProduct, normalizeNdc } from '@nutmeg/codes';
import { z } from 'zod';
import { codeOf } from '../../schemas.ts';
import { IsoDate } from '../patients/index.ts';

/** An empty string is no value (forms send '' for a field left blank). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));
/** A CVX code CDC lists, stored as CDC prints it ('8' → '08'). Unspecified and non-vaccine codes only for history. */
const cvx = (kind: 'administered' | 'historical') =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Use the CVX code (1–3 digits)')
    .transform((code, ctx) => {
      const c = cvxEntry(code);
      if (!c) ctx.addIssue({ code: 'custom', message: `CVX ${code} is not a vaccine code CDC lists` });
      else if (kind === 'administered' && !isAdministrable(c))
        ctx.addIssue({
          code: 'custom',
          message: `CVX ${c.code} (${c.shortName}) is for historical records only: choose the product that was given`,
        });
      return canonicalCvx(code) ?? code;
    });

/** An NDC in any usual form, stored as CDC's 11 digits 5-4-2 ('49281-545-03' → '49281-0545-03'). */
const ndc = z
  .string()
  .trim()
  .max(20)
  .transform((text, ctx) => {
    const n = normalizeNdc(text);
    if (n === null) ctx.addIssue({ code: 'custom', message: 'Write the NDC with its dashes (49281-545-03) or as 11 digits' });
    return n ?? text;
  });

/** A manufacturer code of the MVX table (HL7 0227), in capitals. */
const mvx = z.string().trim().toUpperCase().pipe(codeOf('manufacturer', 'Use a manufacturer (MVX) code CDC lists'));

/** A dose condition that makes the dose not count (CDSi 6.1 sub-standard): partial dose, storage/handling, recall, other. */
const doseCondition = z.enum(['partial', 'storage', 'recall', 'other']).optional();

const Vis = z.object({ document: z.string().trim().min(1).max(100), edition: IsoDate, presented: IsoDate });

export const AdministeredBody = z
  .object({
    kind: z.literal('administered'),
    cvx: cvx('administered'),
    mvx: optional(mvx),
    ndc: optional(ndc),
    lot: z.string().trim().min(1, 'Enter the lot number').max(40),
    lotExpiration: IsoDate.optional(),
    fundingSource: codeOf('fundingSource'),
    date: IsoDate,
    volumeMl: z.number().positive().max(10).optional(),
    site: codeOf('site').optional(),
    route: codeOf('route').optional(),
    administeredBy: text(120),
    orderingProvider: text(120),
    vis: z.array(Vis).max(6).default([]),
    // No default: the person giving the dose says whether the patient is VFC-eligible for it.
    vfcEligibility: codeOf('vfcEligibility', 'Choose the VFC eligibility for this dose'),
    doseCondition,
    // Given from the clinic's inventory: the lot's facts replace the typed ones, and the lot is decremented, or,
    // with pendingDoseId, the dose pulled earlier for this patient ("added but not administered") is the one given.
    fromStock: z
      .object({ lotId: z.string().uuid(), storageUnitId: z.string().uuid(), pendingDoseId: z.string().uuid().optional() })
      .optional(),
  })
  .superRefine((d, ctx) => {
    // A scanned or typed NDC must be the vaccine recorded: CDC maps each NDC to its CVX.
    const product = d.ndc ? ndcToProduct(d.ndc) : undefined;
    if (product && !product.cvx.includes(d.cvx))
      ctx.addIssue({
        code: 'custom',
        path: ['ndc'],
        message: `NDC ${product.ndc} is ${product.tradeName} (CVX ${product.cvx.join(' or ')}), not CVX ${d.cvx}`,
      });
  });

export const HistoricalBody = z.object({
  kind: z.literal('historical'),
  cvx: cvx('historical'),
  date: IsoDate,
  source: codeOf('historicalSource').default('01'),
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
  reason: codeOf('refusalReason'),
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
export const StockLotsQuery = z.object({
  cvx: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Use the CVX code')
    .transform((c) => canonicalCvx(c) ?? c),
  date: IsoDate.optional(),
  /** The patient the dose is for: the doses already pulled for them from stock come first. */
  patientId: z.string().uuid().optional(),
});
/** The doses-by-lot report's filters: a clinic (DPH), and the period. */
export const DosesByLotQuery = z.object({ organizationId: z.string().uuid().optional(), from: IsoDate.optional(), to: IsoDate.optional() });
export const ItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
