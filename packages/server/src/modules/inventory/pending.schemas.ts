// One zod schema per request of the added-but-not-administered queue.
import { z } from 'zod';

export const PendingBody = z.object({ patientId: z.string().uuid(), lotId: z.string().uuid(), storageUnitId: z.string().uuid() });
export type PendingBody = z.infer<typeof PendingBody>;

export const ResolveBody = z.object({
  outcome: z.enum(['administered', 'returned', 'wasted'], { error: 'Choose given, back to stock, or wasted' }),
  note: z.string().trim().max(500).nullish(),
});
export type ResolveBody = z.infer<typeof ResolveBody>;

export const PendingParams = z.object({ id: z.string().uuid() });
