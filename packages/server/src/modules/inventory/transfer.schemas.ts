// One zod schema per request of the transfer routes.
import { z } from 'zod';
import { Uuid } from './stock.schemas.ts';

export const TransferBody = z.object({
  fromStorageUnitId: Uuid,
  lotId: Uuid,
  toOrganizationId: Uuid,
  doses: z.number().int('Enter whole doses').min(1, 'Transfer at least one dose').max(100_000),
  note: z.string().trim().max(500).nullish(),
});
export type TransferBody = z.infer<typeof TransferBody>;

export const TransferParams = z.object({ id: Uuid });
export const TransferListQuery = z.object({ status: z.enum(['requested', 'in_transit', 'accepted', 'denied']).optional() });
export type TransferListQuery = z.infer<typeof TransferListQuery>;

export const TransferApproveBody = z.object({ version: z.number().int().min(1) });
export type TransferApproveBody = z.infer<typeof TransferApproveBody>;
export const TransferDenyBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'Give the reason for the denial').max(500),
});
export type TransferDenyBody = z.infer<typeof TransferDenyBody>;
export const TransferAcceptBody = z.object({ storageUnitId: Uuid });
export type TransferAcceptBody = z.infer<typeof TransferAcceptBody>;
