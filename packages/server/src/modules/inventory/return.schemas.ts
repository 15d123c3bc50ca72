// One zod schema per request of the return routes.
import { z } from 'zod';
import { Uuid } from './stock.schemas.ts';

export const ReturnBody = z.object({
  storageUnitId: Uuid,
  lotId: Uuid,
  doses: z.number().int('Enter whole doses').min(1, 'Return at least one dose').max(100_000),
  reason: z.enum(['expired', 'spoiled'], { error: 'Choose expired or spoiled' }),
  note: z.string().trim().max(500).nullish(),
});
export type ReturnBody = z.infer<typeof ReturnBody>;
export const ReturnParams = z.object({ id: Uuid });
export const ReturnListQuery = z.object({ status: z.enum(['requested', 'approved', 'denied']).optional() });
export type ReturnListQuery = z.infer<typeof ReturnListQuery>;
export const ReturnApproveBody = z.object({ version: z.number().int().min(1) });
export type ReturnApproveBody = z.infer<typeof ReturnApproveBody>;
export const ReturnDenyBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'Give the reason for the denial').max(500),
});
export type ReturnDenyBody = z.infer<typeof ReturnDenyBody>;
