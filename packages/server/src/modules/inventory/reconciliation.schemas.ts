// One zod schema per request of reconciliation and wastage.
import { z } from 'zod';
import { WASTE_REASONS } from './ledger.ts';

const Uuid = z.string().uuid();
const Doses = z.number().int('Enter whole doses').min(0, 'A count cannot be negative').max(1_000_000);

export const ReconciliationBody = z.object({
  counts: z
    .array(
      z.object({
        lotId: Uuid,
        expected: Doses,
        counted: Doses,
        reason: z.string().trim().max(40).nullish(),
        note: z.string().trim().max(500).nullish(),
      }),
    )
    .max(500),
});
export type ReconciliationBody = z.infer<typeof ReconciliationBody>;

export const WastageBody = z.object({
  storageUnitId: Uuid,
  lotId: Uuid,
  doses: z.number().int('Enter whole doses').min(1, 'Waste at least one dose').max(100_000),
  reason: z.enum(WASTE_REASONS, { error: 'Choose why the doses were wasted' }),
  note: z.string().trim().max(500).nullish(),
});
export type WastageBody = z.infer<typeof WastageBody>;
