// One zod schema per request of the shipment routes.
import { z } from 'zod';
import { Uuid } from './stock.schemas.ts';

const LotNumber = z
  .string()
  .trim()
  .min(1, 'Enter the lot number')
  .max(40, 'A lot number has at most 40 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'A lot number has letters, digits and dashes only');
const PackingSlip = z.string().trim().min(1, 'Enter the packing slip number').max(60);

export const ShipmentLineInput = z.object({
  ndc: z.string().trim().min(1, 'Enter the NDC').max(20),
  lotNumber: LotNumber,
  /** 'YYYY-MM-DD', or 'YYYY-MM' when the label gives only a month. */
  expiration: z.string().trim().min(1, 'Enter the expiration date').max(10),
  doses: z.number().int('Enter whole doses').min(1, 'Ship at least one dose').max(100_000),
});
export type ShipmentLineInput = z.infer<typeof ShipmentLineInput>;

/** DPH records what was shipped against an approved order. */
export const ShipmentBody = z.object({
  packingSlip: PackingSlip,
  lines: z.array(ShipmentLineInput).min(1, 'List the lots shipped').max(100),
});
export type ShipmentBody = z.infer<typeof ShipmentBody>;

/** The same from the distributor's CSV (packing_slip, ndc, lot_number, expiration, doses). */
export const ShipmentImportBody = z.object({ csv: z.string().min(1, 'Choose the shipment file').max(200_000) });
export type ShipmentImportBody = z.infer<typeof ShipmentImportBody>;

export const ShipmentParams = z.object({ id: Uuid });

/** The clinic accepts a shipment into one unit, every line answered: what arrived usable and why it differs. */
export const AcceptBody = z.object({
  storageUnitId: Uuid,
  lines: z
    .array(
      z.object({
        lineId: Uuid,
        receivedDoses: z.number().int('Enter whole doses').min(0, 'Enter zero or more doses').max(100_000),
        discrepancy: z.enum(['short', 'damaged', 'warm']).nullish(),
        note: z.string().trim().max(500).nullish(),
      }),
    )
    .min(1)
    .max(100),
});
export type AcceptBody = z.infer<typeof AcceptBody>;
