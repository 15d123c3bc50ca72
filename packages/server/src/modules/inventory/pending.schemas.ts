// One zod schema per request of the added-but-not-administered queue.
import { z } from 'zod';
import { WASTE_REASONS } from './ledger.ts';

export const PendingBody = z.object({ patientId: z.string().uuid(), lotId: z.string().uuid(), storageUnitId: z.string().uuid() });
export type PendingBody = z.infer<typeof PendingBody>;

export const ResolveBody = z
  .object({
    // A given dose is recorded on the patient's record (the dose form offers the pull), so it is on the record too.
    outcome: z.enum(['returned', 'wasted'], {
      error: 'Choose back to stock or wasted; a dose that was given is recorded on the patient’s record',
    }),
    reason: z.enum(WASTE_REASONS, { error: 'Choose why the dose was wasted' }).optional(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((b) => b.outcome !== 'wasted' || b.reason, { path: ['reason'], message: 'Choose why the dose was wasted' });
export type ResolveBody = z.infer<typeof ResolveBody>;

export const PendingParams = z.object({ id: z.string().uuid() });
