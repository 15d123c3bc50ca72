/**
 * Small builders for unit tests of the individual spec steps (not used by the engine).
 */
import { parseDuration, parseIsoDate, type Duration } from './date-arithmetic.ts';
import type { EvalRecord, PatientContext, SeriesRun } from './context.ts';
import type { Antigen, AntigenSeries, ConditionalSkip, LiveVirusConflict, SeriesDose, SupportingData } from './supporting-data/model.ts';
import type { AntigenDose, EvaluationStatus } from './types.ts';

export const d = (s: string): number => parseIsoDate(s);
export const dur = (s: string): Duration => {
  const x = parseDuration(s);
  if (!x) throw new Error(`empty duration ${s}`);
  return x;
};

export const EMPTY_DATA: SupportingData = {
  version: 'test',
  counts: { antigens: 0, series: 0, targetDoses: 0, cvxMappings: 0, vaccineGroups: 0, liveVirusConflicts: 0, observations: 0 },
  antigens: new Map(),
  vaccineGroups: new Map(),
  antigenToVaccineGroup: new Map(),
  cvxMap: new Map(),
  conflictsByCurrentCvx: new Map(),
  liveVirusConflicts: [],
  observations: new Map(),
};

export function seriesDose(p: Partial<SeriesDose> & { doseNumber: number }): SeriesDose {
  return {
    ages: [],
    intervals: [],
    allowableIntervals: [],
    preferableVaccines: [],
    allowableVaccines: [],
    inadvertentVaccines: new Set(),
    conditionalSkips: [],
    recurring: false,
    ...p,
  };
}

export function series(p: Partial<AntigenSeries> = {}): AntigenSeries {
  return {
    doses: [],
    name: 'Test series',
    antigen: 'Test',
    vaccineGroup: 'Test',
    adminGuidance: [],
    type: 'Standard',
    equivalentSeriesGroups: [],
    requiredGenders: [],
    defaultSeries: false,
    productPath: false,
    seriesGroupName: 'Standard',
    seriesGroup: '1',
    seriesPriority: 'A',
    seriesPreference: 1,
    indications: [],
    ...p,
  };
}

export function antigen(p: Partial<Antigen> = {}): Antigen {
  return {
    name: 'Test',
    fileName: 'test',
    immunity: { clinicalHistory: [], dateOfBirth: [] },
    antigenContraindications: [],
    vaccineContraindications: [],
    series: [],
    ...p,
  };
}

export function context(p: {
  dob: string;
  assessment: string;
  doses?: { date: string; cvx: string }[];
  data?: SupportingData;
  observations?: Map<string, number | undefined>;
}): PatientContext {
  return {
    data: p.data ?? EMPTY_DATA,
    dob: d(p.dob),
    sex: 'F',
    assessmentDate: d(p.assessment),
    observations: p.observations ?? new Map(),
    doses: (p.doses ?? []).map((x, i) => ({ id: String(i + 1), index: i, date: d(x.date), cvx: x.cvx })),
  };
}

export function antigenDoses(ctx: PatientContext): AntigenDose[] {
  return ctx.doses.map((x) => ({ doseId: x.id, doseIndex: x.index, date: x.date, cvx: x.cvx, subStandard: false, antigen: 'Test' }));
}

export function evalRecord(status: EvaluationStatus, targetDose?: number): EvalRecord {
  return { status, reasons: [], targetDose, satisfied: status === 'Valid', inadvertent: false, explanation: [], rulePath: [] };
}

export function run(
  ctx: PatientContext,
  s: AntigenSeries,
  statuses: (EvaluationStatus | undefined)[] = [],
  complete: (g: string) => boolean = () => false,
): SeriesRun {
  const doses = antigenDoses(ctx);
  return {
    ctx,
    series: s,
    doses,
    targetDoses: s.doses.map((sd) => ({ seriesDose: sd, status: 'Not Satisfied', copy: 0 })),
    evals: doses.map((_, i) => {
      const st = statuses[i];
      return st ? evalRecord(st) : undefined;
    }),
    isSeriesGroupComplete: complete,
  };
}

/**
 * ScheduleSupportingData's MMR (3) previous → varicella (21) current conflict: from 1 day to 28 days after
 * the MMR; pass overrides for other variants (e.g. MMR → MMR ends at minimum 24 days).
 */
export function mmrVaricellaConflict(p: Partial<LiveVirusConflict> = {}): LiveVirusConflict {
  return {
    previousVaccineType: 'MMR',
    previousCvx: '3',
    currentVaccineType: 'Varicella',
    currentCvx: '21',
    conflictBeginInterval: dur('1 day'),
    minConflictEndInterval: dur('28 days'),
    conflictEndInterval: dur('28 days'),
    ...p,
  };
}

/** A conditional skip "the patient is 12 months or older" (a Hib-like catch-up rule) in the given context. */
export function skipFrom12Months(context: ConditionalSkip['context'], description = 'patient is 12 months or older'): ConditionalSkip {
  return {
    context,
    setLogic: 'OR',
    sets: [
      {
        id: '1',
        description,
        conditionLogic: 'AND',
        conditions: [
          {
            id: '1',
            type: 'Age',
            beginAge: dur('12 months'),
            doseType: 'Total',
            doseCountLogic: 'greater than',
            vaccineTypes: new Set(),
            seriesGroups: [],
          },
        ],
      },
    ],
  };
}
