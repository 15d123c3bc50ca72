// One zod schema per request of the inventory reports.
import { z } from 'zod';
import { Uuid } from './stock.schemas.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date YYYY-MM-DD');
export const InventoryReportQuery = z.object({ organizationId: Uuid.optional(), from: Day.optional(), to: Day.optional() });
export type InventoryReportQuery = z.infer<typeof InventoryReportQuery>;
