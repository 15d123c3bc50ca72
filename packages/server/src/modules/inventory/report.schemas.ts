// One zod schema per request of the inventory reports.
import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { Uuid } from './stock.schemas.ts';

export const InventoryReportQuery = z.object({ organizationId: Uuid.optional(), from: IsoDate.optional(), to: IsoDate.optional() });
export type InventoryReportQuery = z.infer<typeof InventoryReportQuery>;
