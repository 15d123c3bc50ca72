/**
 * 7.3 Determine Contraindications (Tables 7-5, 7-6, 7-7; CALCDTCI-1, CALCDTCI-2).
 */
import { addDuration, MAX_DATE, MIN_DATE, type Duration } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import type { Antigen, SeriesDose } from './supporting-data/model.ts';

export interface ContraindicationOutcome {
  /** Table 7-7 */
  readonly contraindicated: boolean;
  /** texts of contraindications that apply */
  readonly applying: readonly string[];
  /** CVX codes with an applying vaccine contraindication (Table 7-6) */
  readonly contraindicatedCvx: ReadonlySet<string>;
}

function ageWindow(ctx: PatientContext, b: Duration | undefined, e: Duration | undefined): boolean {
  const bd = b ? addDuration(ctx.dob, b) : MIN_DATE; // CALCDTCI-1
  const ed = e ? addDuration(ctx.dob, e) : MAX_DATE; // CALCDTCI-2
  return bd <= ctx.assessmentDate && ctx.assessmentDate < ed;
}

const NONE: ContraindicationOutcome = { contraindicated: false, applying: [], contraindicatedCvx: new Set() };

/** Antigen-level part of 7.3 for the patient (Tables 7-5 and 7-6), computed once per patient and antigen. */
const LAST = new WeakMap<Antigen, { ctx: PatientContext; antigenCi: boolean; applying: string[]; cvx: Set<string> }>();

export function determineContraindications(
  ctx: PatientContext,
  antigen: Antigen,
  seriesDose: SeriesDose | undefined,
): ContraindicationOutcome {
  if (ctx.observations.size === 0) return NONE;
  let base = LAST.get(antigen);
  if (!base || base.ctx !== ctx) {
    base = { ctx, ...antigenLevel(ctx, antigen) };
    LAST.set(antigen, base);
  }
  if (!base.antigenCi && base.cvx.size === 0) return NONE;
  // Table 7-7: all preferable vaccines contraindicated?
  const pv = seriesDose?.preferableVaccines ?? [];
  const cvx = base.cvx;
  const allVaccines = pv.length > 0 && pv.every((v) => cvx.has(v.cvx));
  return { contraindicated: base.antigenCi || allVaccines, applying: base.applying, contraindicatedCvx: cvx };
}

function antigenLevel(ctx: PatientContext, antigen: Antigen): { antigenCi: boolean; applying: string[]; cvx: Set<string> } {
  const applying: string[] = [];
  let antigenCi = false;
  // Table 7-5 antigen contraindications
  for (const c of antigen.antigenContraindications) {
    if (!ctx.observations.has(c.code)) continue;
    if (!ageWindow(ctx, c.beginAge, c.endAge)) continue;
    antigenCi = true;
    applying.push(c.text || c.title);
  }
  // Table 7-6 vaccine contraindications
  const cvx = new Set<string>();
  for (const c of antigen.vaccineContraindications) {
    if (!ctx.observations.has(c.code)) continue;
    let any = false;
    for (const v of c.vaccines) {
      if (!ageWindow(ctx, v.beginAge, v.endAge)) continue;
      cvx.add(v.cvx);
      any = true;
    }
    if (any) applying.push(c.text || c.title);
  }
  return { antigenCi, applying, cvx };
}
