import { z } from 'zod';

/** Free text of a unit: trimmed; empty means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const StorageUnitKindSchema = z.enum(['refrigerator', 'freezer', 'ultra_cold'], {
  error: 'Choose refrigerator, freezer or ultra-cold freezer',
});

export const StorageUnitBody = z.object({
  name: z.string().trim().min(1, 'Give the unit a name').max(100),
  kind: StorageUnitKindSchema,
  make: optionalText(100),
  model: optionalText(100),
  dataLoggerId: optionalText(100),
});

export const StorageUnitEditBody = StorageUnitBody.extend({
  active: z.boolean(),
  version: z.number().int().min(1),
});

export const StorageUnitParams = z.object({ id: z.string().uuid() });
export const OrganizationQuery = z.object({ organizationId: z.string().uuid().optional() });
