// One zod schema per request of the schools API.
import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import { GRADES } from './school-year.ts';
import { MAX_ROSTER_ROWS } from './roster-csv.ts';

export const SchoolYear = z.coerce.number().int().min(2000, 'A school year from 2000').max(2200, 'A school year before 2200');
export const Grade = z.enum(GRADES as [string, ...string[]], { error: 'PK, K or 1 to 12' });

export const SchoolParams = z.object({ schoolId: z.uuid('Not a school id') });
export const EntryParams = SchoolParams.extend({ entryId: z.uuid('Not a student entry id') });
export const YearQuery = z.object({ year: SchoolYear });

/** A roster file, sent whole with each slice (see uploadRosterSlice). ~200 bytes a row at most, 5,000 rows. */
export const UploadBody = z.object({
  schoolYear: SchoolYear,
  fileName: z.string().trim().min(1, 'Name the file').max(200),
  csv: z.string().min(1, 'The file is empty').max(2_500_000, 'The file is too large'),
  offset: z.number().int().min(0).max(MAX_ROSTER_ROWS),
  limit: z.number().int().min(1).max(1000).default(250),
  uploadId: z.uuid().optional(),
});
export const UPLOAD_BODY_LIMIT = 3 * 1024 * 1024;

const name = (what: string) => z.string().trim().min(1, `Enter the ${what}`).max(100);
export const StudentBody = z.object({
  schoolYear: SchoolYear,
  studentId: z.string().trim().min(1, 'Enter the student id').max(40),
  grade: Grade,
  lastName: name('last name'),
  firstName: name('first name'),
  middleName: z.string().trim().max(100).nullish(),
  dob: IsoDate,
  sex: z.enum(['F', 'M', 'U'], { error: 'F, M or U' }),
  guardian: z.string().trim().max(200).nullish(),
  address: z.string().trim().max(300).nullish(),
});

export const ReviewBody = z.object({
  /** The chosen record, or null: none of the candidates is this student. */
  patientId: z.uuid('Not a patient id').nullable(),
});

export const ExemptionParams = SchoolParams.extend({ exemptionId: z.uuid('Not an exemption id') });
export const ExemptionBody = z.object({
  studentId: z.string().trim().min(1, 'Choose the student').max(40),
  kind: z.enum(['medical', 'religious'], { error: 'Medical or religious' }),
  documentDate: IsoDate,
  /** Medical only: the date the exemption ends, if the document gives one. */
  expiresOn: IsoDate.nullish(),
  /** The vaccine groups it covers (checked against the requirements'); null or absent: every requirement. */
  vaccineGroups: z
    .array(z.string().trim().min(1).max(60))
    .min(1, 'Choose at least one vaccine, or none for every requirement')
    .max(30)
    .nullish(),
  note: z.string().trim().max(500).nullish(),
});

export const RolloverQuery = z.object({ from: SchoolYear, topGrade: Grade.optional() });
export const RolloverBody = RolloverQuery;

export const GradeQuery = z.object({ year: SchoolYear, grade: Grade });

const Age = z
  .string()
  .trim()
  .regex(/^[0-9]{1,3} (years|months|weeks|days)$/, 'An age such as 4 years, 6 months, 24 weeks')
  .nullish();
const MonthDay = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'A day written MM-DD, such as 08-01')
  .nullish();
export const RequirementYearParams = z.object({ year: SchoolYear });
export const RequirementParams = RequirementYearParams.extend({ grade: Grade, label: z.string().min(1).max(60) });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(0) });
const RequirementFields = z.object({
  version: z.number().int().min(0),
  label: z.string().trim().min(1, 'Name the requirement').max(60),
  vaccineGroup: z.string().trim().min(1, 'Choose the vaccine group').max(60),
  antigen: z.string().trim().min(1, 'Choose the antigen').max(60),
  doses: z.number().int().min(1, 'At least 1 dose').max(10, 'At most 10 doses'),
  countedFromAge: Age,
  lastDoseMinAge: Age,
  minSpan: Age,
  requiredBelowAge: Age,
  seasonFrom: MonthDay,
  seasonDue: MonthDay,
  position: z.number().int().min(0).max(100).optional(),
});
export const RequirementEditBody = RequirementFields;
export const RequirementAddBody = RequirementFields.extend({ grades: z.array(Grade).min(1, 'Choose at least one grade').max(14) });
export const CopyYearBody = z.object({ version: z.number().int().min(0) });
