/**
 * 5.1 Select Relevant Patient Series (Tables 5-4 and 5-5).
 */
import { addDuration, MAX_DATE, MIN_DATE } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import type { Antigen, AntigenSeries, Indication } from './supporting-data/model.ts';
import type { Sex } from './types.ts';

const GENDER: Record<Sex, string> = { F: 'Female', M: 'Male', U: 'Unknown' };

/** Table 5-4: does the indication apply to the patient? (CALCDTIND-1, CALCDTIND-2) */
export function indicationApplies(ctx: PatientContext, ind: Indication): boolean {
  if (!ctx.observations.has(ind.code)) return false;
  const begin = ind.beginAge ? addDuration(ctx.dob, ind.beginAge) : MIN_DATE; // CALCDTIND-1
  const end = ind.endAge ? addDuration(ctx.dob, ind.endAge) : MAX_DATE; // CALCDTIND-2
  return begin <= ctx.assessmentDate && ctx.assessmentDate < end;
}

/** Is the patient gender one of the required genders (empty = any)? */
export function genderMatches(series: AntigenSeries, sex: Sex): boolean {
  if (series.requiredGenders.length === 0) return true;
  return series.requiredGenders.some((g) => g.toLowerCase() === GENDER[sex].toLowerCase());
}

/** Table 5-5: is an antigen series a relevant patient series for the patient? */
export function isRelevantSeries(ctx: PatientContext, series: AntigenSeries): boolean {
  if (!genderMatches(series, ctx.sex)) return false;
  if (series.type === 'Standard' || series.type === 'Evaluation Only') return true;
  return series.indications.some((i) => indicationApplies(ctx, i));
}

/** Standard / evaluation-only series per gender, computed once per antigen (they do not depend on the patient otherwise). */
const BASE = new WeakMap<Antigen, Record<Sex, AntigenSeries[]>>();

export function selectRelevantPatientSeries(ctx: PatientContext, antigen: Antigen): readonly AntigenSeries[] {
  let base = BASE.get(antigen);
  if (!base) {
    const by = (sex: Sex) => antigen.series.filter((s) => s.type !== 'Risk' && genderMatches(s, sex));
    base = { F: by('F'), M: by('M'), U: by('U') };
    BASE.set(antigen, base);
  }
  if (ctx.observations.size === 0) return base[ctx.sex];
  // risk series indicated by one of the patient's observations
  let byCode = RISK_BY_CODE.get(antigen);
  if (!byCode) {
    byCode = new Map();
    for (const s of antigen.series) {
      if (s.type !== 'Risk') continue;
      for (const ind of s.indications) {
        const list = byCode.get(ind.code);
        if (!list) byCode.set(ind.code, [s]);
        else if (!list.includes(s)) list.push(s);
      }
    }
    RISK_BY_CODE.set(antigen, byCode);
  }
  let indicated: Set<AntigenSeries> | undefined;
  for (const code of ctx.observations.keys()) {
    const list = byCode.get(code);
    if (list) for (const s of list) (indicated ??= new Set()).add(s);
  }
  if (!indicated) return base[ctx.sex];
  const out: AntigenSeries[] = [];
  for (const s of antigen.series) {
    if (s.type !== 'Risk' ? genderMatches(s, ctx.sex) : indicated.has(s) && isRelevantSeries(ctx, s)) out.push(s);
  }
  return out;
}

const RISK_BY_CODE = new WeakMap<Antigen, Map<string, AntigenSeries[]>>();
