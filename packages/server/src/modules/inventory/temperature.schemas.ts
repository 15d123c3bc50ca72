// One zod schema per request of the temperature routes.
import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { Uuid } from './stock.schemas.ts';

const Celsius = z.number().min(-120, 'Enter a temperature in °C').max(60, 'Enter a temperature in °C');
export const ReadingBody = z.object({
  readAt: z.string().datetime({ offset: true, message: 'Give the reading’s date and time' }),
  currentC: Celsius,
  minC: Celsius.nullish(),
  maxC: Celsius.nullish(),
});
export type ReadingBody = z.infer<typeof ReadingBody>;
/** A data logger's export: time, current, min, max (°C) per row. */
export const LoggerUploadBody = z.object({ csv: z.string().min(1, 'Choose the data logger file').max(500_000) });
export type LoggerUploadBody = z.infer<typeof LoggerUploadBody>;
export const ExcursionParams = z.object({ id: Uuid });
export const ExcursionDecisionBody = z.object({
  decision: z.enum(['usable', 'wasted'], { error: 'Choose the manufacturer’s decision' }),
  note: z.string().trim().max(500).nullish(),
});
export type ExcursionDecisionBody = z.infer<typeof ExcursionDecisionBody>;

export const ExcursionReportQuery = z.object({
  organizationId: Uuid.optional(),
  status: z.enum(['open', 'usable', 'wasted'], { error: 'Choose open, usable or wasted' }).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ExcursionReportQuery = z.infer<typeof ExcursionReportQuery>;
