// One zod schema per request of the ordering routes.
import { z } from 'zod';
import { Uuid } from './stock.schemas.ts';

const Ndc = z.string().trim().min(1, 'Enter the NDC from the package').max(20);
const Doses = z.number().int('Enter whole doses').min(0, 'Enter zero or more doses').max(100_000);

export const OrderSetBody = z.object({ ndc: Ndc });
export type OrderSetBody = z.infer<typeof OrderSetBody>;
export const OrderSetParams = z.object({ ndc: Ndc });

export const OrderParams = z.object({ id: Uuid });
export const OrderListQuery = z.object({
  organizationId: Uuid.optional(),
  status: z.enum(['submitted', 'approved', 'denied', 'shipped', 'received']).optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

const Line = z.object({ ndc: Ndc, doses: Doses });

/** Place an order: doses per product of the order set (lines of 0 doses are left out). */
export const OrderBody = z.object({ lines: z.array(Line).min(1, 'Order at least one product').max(100) });
export type OrderBody = z.infer<typeof OrderBody>;

/** DPH approves at the version it reviewed, optionally with edited quantities. */
export const ApproveBody = z.object({ version: z.number().int().min(1), lines: z.array(Line).max(100).optional() });
export type ApproveBody = z.infer<typeof ApproveBody>;

export const DenyBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'Give the reason for the denial').max(500),
});
export type DenyBody = z.infer<typeof DenyBody>;
