import { z } from 'zod';
import { canonicalCvx, cvx as cvxEntry } from '@nutmeg/codes';
import { codeOf, IsoDate } from '../../schemas.ts';

/** A comma-separated list in a query string (?vaccineGroups=MMR,Polio), or a JSON array in a body. */
const GroupList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(60)).min(1, 'Choose at least one vaccine group').max(30));

const Months = z.coerce.number().int('Whole months').min(0).max(1500);

export const ReminderCriteriaSchema = z
  .object({
    organizationId: z.uuid().optional(),
    population: z.enum(['owned', 'owned_or_active']).default('owned_or_active'),
    ageFromMonths: Months,
    ageToMonths: Months,
    vaccineGroups: GroupList,
    status: z.enum(['due', 'overdue', 'both']).default('both'),
    windowFrom: IsoDate,
    windowTo: IsoDate,
  })
  .refine((c) => c.ageFromMonths <= c.ageToMonths, { path: ['ageToMonths'], message: 'Must be at least the lowest age' })
  .refine((c) => c.windowFrom <= c.windowTo, { path: ['windowTo'], message: 'Must be on or after the window’s first day' });
export type ReminderCriteriaInput = z.infer<typeof ReminderCriteriaSchema>;

export const LettersQuery = ReminderCriteriaSchema.and(z.object({ language: z.enum(['en', 'es']).default('en') }));

export const CohortBody = z.object({ name: z.string().trim().min(1, 'Name the cohort').max(120), criteria: ReminderCriteriaSchema });
export const CohortListQuery = z.object({ organizationId: z.uuid().optional() });
export const CohortParams = z.object({ id: z.uuid() });

export const NotificationsBody = z.object({
  organizationId: z.uuid().optional(),
  patientIds: z.array(z.uuid()).min(1, 'Choose the patients who were notified').max(50_000),
  method: z.enum(['letter', 'phone', 'email', 'text']),
  on: IsoDate,
  vaccineGroups: z.array(z.string().max(60)).max(30).default([]),
  cohortId: z.uuid().optional(),
});

export const PatientParams = z.object({ id: z.uuid() });
export const TemplateParams = z.object({ language: z.enum(['en', 'es']) });
export const TemplateQuery = z.object({ organizationId: z.uuid().optional() });
export const TemplateBody = z.object({ organizationId: z.uuid().optional(), body: z.string().trim().min(1, 'Write the letter').max(8000) });

export const CoverageQuery = z
  .object({
    preset: z.enum(['child', 'adolescent']).default('child'),
    ageFromMonths: Months.optional(),
    ageToMonths: Months.optional(),
    assessmentDate: IsoDate.optional(),
    by: z.enum(['clinic', 'town', 'county', 'state']).default('state'),
  })
  .refine((c) => (c.ageFromMonths ?? 0) <= (c.ageToMonths ?? 1500), { path: ['ageToMonths'], message: 'Must be at least the lowest age' });
export type CoverageQueryInput = z.infer<typeof CoverageQuery>;

export const CoverageTrendQuery = CoverageQuery.and(z.object({ months: z.coerce.number().int().min(2).max(36).default(12) }));
export const NotUpToDateQuery = CoverageQuery.and(
  z.object({ area: z.string().max(120).default('state'), measure: z.string().max(40).default('combined') }),
);

const Range = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const DOSE_AGE_GROUPS = ['under1', '1-2', '3-6', '7-18', '19-64', '65+'] as const;
export const DosesQuery = Range.and(
  z.object({
    by: z.enum(['vaccine', 'funding', 'vfc', 'clinic', 'age']).default('vaccine'),
    // Optional filters beside the grouping (a known vaccine group is checked against the CDSi release by the service).
    vaccineGroup: z.string().trim().min(1).max(60).optional(),
    cvx: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, 'Use the CVX code (1–3 digits)')
      .transform((c) => canonicalCvx(c) ?? c)
      .refine((c) => !!cvxEntry(c), 'Not a vaccine code CDC lists')
      .optional(),
    fundingSource: codeOf('fundingSource').optional(),
    vfcEligibility: codeOf('vfcEligibility').optional(),
    clinicId: z.uuid('Choose a clinic').optional(),
    ageGroup: z.enum(DOSE_AGE_GROUPS, { error: `One of ${DOSE_AGE_GROUPS.join(', ')}` }).optional(),
  }),
);
export type DosesQueryInput = z.infer<typeof DosesQuery>;
export const DataQualityQuery = Range;
export const InactiveQuery = z.object({ level: z.enum(['clinic', 'jurisdiction']).optional() });

/** A long report queued as a background run: which report, and its filters as the on-screen report takes them. */
export const StartReportRunBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coverage'), params: CoverageQuery }),
  z.object({ kind: z.literal('doses_administered'), params: DosesQuery }),
  // Large reminder/recall PDFs (above REPORT_PDF_INLINE_MAX patients): the criteria as the direct downloads take them.
  z.object({ kind: z.literal('letters'), params: LettersQuery }),
  z.object({ kind: z.literal('labels'), params: ReminderCriteriaSchema }),
  z.object({ kind: z.literal('call_list'), params: ReminderCriteriaSchema }),
]);
export const ReportRunParams = z.object({ id: z.string().uuid() });
