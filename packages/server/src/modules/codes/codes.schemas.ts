import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';

export const VaccineSearchQuery = z.object({
  /** A vaccine or trade name (words, any order), a CVX code, or an NDC typed or scanned in any usual form. */
  q: z.string().trim().min(1, 'Type a vaccine name, CVX code or NDC').max(60),
  /** administered: only products a dose given here may be recorded under; historical: unspecified codes too. */
  kind: z.enum(['administered', 'historical']).default('administered'),
  /** The dose date: decides whether an NDC is still distributed (active). */
  date: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type VaccineSearchQuery = z.infer<typeof VaccineSearchQuery>;
