import { z } from 'zod';

export const PossibleDuplicatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const PossibleDuplicateParams = z.object({ id: z.string().uuid() });

export const NotDuplicateBody = z.object({
  note: z.string().trim().min(3, 'Say why these are different people').max(500),
});

export const MergeDuplicateBody = z.object({
  survivorId: z.string().uuid(),
  reason: z.string().trim().min(3, 'Give the reason for the merge').max(500),
});
