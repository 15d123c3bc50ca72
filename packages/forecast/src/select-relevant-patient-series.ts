/**
 * 5.1 Select Relevant Patient Series (Tables 5-4 and 5-5).
 */
import { addDuration, MAX_DATE, MIN_DATE } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import type { Antigen, AntigenSeries, Indication } from './supporting-data/model.ts';
import type { Sex, Undetermined } from './types.ts';

const GENDER: Record<Sex, string> = { F: 'Female', M: 'Male', U: 'Unknown' };

/** Is indication begin age date ≤ assessment date < indication end age date? (CALCDTIND-1, CALCDTIND-2) */
function inIndicationAges(ctx: PatientContext, ind: Indication): boolean {
  const begin = ind.beginAge ? addDuration(ctx.dob, ind.beginAge) : MIN_DATE; // CALCDTIND-1
  const end = ind.endAge ? addDuration(ctx.dob, ind.endAge) : MAX_DATE; // CALCDTIND-2
  return begin <= ctx.assessmentDate && ctx.assessmentDate < end;
}

/**
 * Table 5-4 DOES THE INDICATION APPLY TO THE PATIENT? 'yes' (rule 1), 'no' (rules 2 and 4), or 'unknown' (rule 3:
 * the indication is described only by an observation recorded as unknown — it does not apply, and its text is
 * made available to the clinician).
 */
export function indicationOutcome(ctx: PatientContext, ind: Indication): 'yes' | 'no' | 'unknown' {
  const active = ctx.observations.has(ind.code);
  if (!active && !ctx.unknownObservations?.has(ind.code)) return 'no';
  if (!inIndicationAges(ctx, ind)) return 'no';
  return active ? 'yes' : 'unknown';
}

/** Table 5-4 rule 1: the indication applies to the patient. */
export function indicationApplies(ctx: PatientContext, ind: Indication): boolean {
  return ctx.observations.has(ind.code) && inIndicationAges(ctx, ind);
}

export interface IndicationNotes {
  /** observations that indicate a risk series of the antigen only outside its indication ages (rule 4), when none applied */
  readonly outsideAges: string[];
  /** rule 3: risk series left out because their only indications were recorded as unknown */
  readonly undetermined: Undetermined[];
}

/** Notes for the clinician about the risk indications of an antigen that were not applied (5.1). */
export function indicationNotes(ctx: PatientContext, antigen: Antigen, relevant: readonly AntigenSeries[]): IndicationNotes {
  const notes: IndicationNotes = { outsideAges: [], undetermined: [] };
  if (ctx.observations.size === 0 && !ctx.unknownObservations) return notes;
  const appliedCodes = new Set<string>();
  for (const s of relevant)
    if (s.type === 'Risk') for (const ind of s.indications) if (indicationApplies(ctx, ind)) appliedCodes.add(ind.code);
  for (const s of antigen.series) {
    if (s.type !== 'Risk' || relevant.includes(s) || !genderMatches(s, ctx.sex)) continue;
    for (const ind of s.indications) {
      const text = ind.description || ind.text;
      if (ctx.observations.has(ind.code)) {
        if (!appliedCodes.has(ind.code)) notes.outsideAges.push(`${s.name} not applied (outside the indication's age range): ${text}`);
      } else if (indicationOutcome(ctx, ind) === 'unknown') {
        notes.undetermined.push({ code: ind.code, kind: 'indication', antigens: [antigen.name], text, detail: s.name });
      }
    }
  }
  return notes;
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
