// One zod schema per request of the stock routes.
import { z } from 'zod';

export const Uuid = z.string().uuid();
export const ClinicQuery = z.object({ organizationId: Uuid.optional() });
export const UnitParams = z.object({ unitId: Uuid });
export const LotUnitParams = z.object({ lotId: Uuid, unitId: Uuid });

/** Receive private inventory: the coordinator types what the box says. */
export const ReceiptBody = z.object({
  storageUnitId: Uuid,
  ndc: z.string().trim().min(1, 'Enter the NDC from the package').max(20),
  lotNumber: z
    .string()
    .trim()
    .min(1, 'Enter the lot number')
    .max(40, 'A lot number has at most 40 characters')
    .regex(/^[A-Za-z0-9-]+$/, 'A lot number has letters, digits and dashes only'),
  /** 'YYYY-MM-DD', or 'YYYY-MM' when the label gives only a month. */
  expiration: z.string().trim().min(1, 'Enter the expiration date'),
  doses: z.number().int('Enter whole doses').min(1, 'Enter at least one dose').max(100_000),
});
export type ReceiptBody = z.infer<typeof ReceiptBody>;
