// One zod schema per request: validation, the TypeScript type and the OpenAPI docs.
import { z } from 'zod';

export const MergeBody = z.object({
  survivorId: z.string().uuid(),
  mergedId: z.string().uuid(),
  reason: z.string().trim().min(3, 'Give the reason for the merge').max(500),
});

export const UnmergeBody = z.object({ reason: z.string().trim().min(3, 'Give the reason for the unmerge').max(500) });

export const MergeParams = z.object({ id: z.string().uuid() });
