/**
 * 7.3 Determine Contraindications (Tables 7-5, 7-6, 7-7; CALCDTCI-1, CALCDTCI-2).
 *
 * An antigen contraindication contraindicates every relevant patient series of the antigen; a vaccine
 * contraindication only removes its vaccine types from the recommendation, and contraindicates a series only
 * when every preferable vaccine of the target dose is contraindicated (Table 7-7). A contraindication described
 * only by an observation recorded as unknown is not applied; its text is returned for the clinician (the
 * "Unknown" rows of Tables 7-5 and 7-6).
 */
import { addDuration, MAX_DATE, MIN_DATE, type Duration } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import type { Antigen, SeriesDose } from './supporting-data/model.ts';
import type { Undetermined } from './types.ts';

export interface ContraindicationOutcome {
  /** Table 7-7 */
  readonly contraindicated: boolean;
  /** texts of contraindications that apply */
  readonly applying: readonly string[];
  /** CVX codes with an applying vaccine contraindication (Table 7-6) */
  readonly contraindicatedCvx: ReadonlySet<string>;
  /** contraindications that could not be determined (observation recorded as unknown) */
  readonly undetermined: readonly Undetermined[];
}

/** Is contraindication begin age date ≤ assessment date < contraindication end age date? */
function ageWindow(ctx: PatientContext, b: Duration | undefined, e: Duration | undefined): boolean {
  const bd = b ? addDuration(ctx.dob, b) : MIN_DATE; // CALCDTCI-1
  const ed = e ? addDuration(ctx.dob, e) : MAX_DATE; // CALCDTCI-2
  return bd <= ctx.assessmentDate && ctx.assessmentDate < ed;
}

const NONE: ContraindicationOutcome = { contraindicated: false, applying: [], contraindicatedCvx: new Set(), undetermined: [] };

interface AntigenLevel {
  readonly ctx: PatientContext;
  antigenCi: boolean;
  readonly applying: string[];
  readonly cvx: Set<string>;
  readonly undeterminedAntigen: Undetermined[];
  /** unknown vaccine contraindications in their age window: the entry and the CVX codes it names */
  readonly undeterminedVaccine: { readonly entry: Undetermined; readonly cvx: ReadonlySet<string> }[];
}

/** Antigen-level part of 7.3 for the patient (Tables 7-5 and 7-6), computed once per patient and antigen. */
const LAST = new WeakMap<Antigen, AntigenLevel>();

export function determineContraindications(
  ctx: PatientContext,
  antigen: Antigen,
  seriesDose: SeriesDose | undefined,
): ContraindicationOutcome {
  if (ctx.observations.size === 0 && !ctx.unknownObservations) return NONE;
  let base = LAST.get(antigen);
  if (!base || base.ctx !== ctx) {
    base = antigenLevel(ctx, antigen);
    LAST.set(antigen, base);
  }
  const pv = seriesDose?.preferableVaccines ?? [];
  // Table 7-6 last rule: an unknown vaccine contraindication matters only for a preferable vaccine of the target dose
  let undetermined: readonly Undetermined[] = base.undeterminedAntigen;
  if (base.undeterminedVaccine.length > 0) {
    const forDose = base.undeterminedVaccine.filter((u) => pv.some((v) => u.cvx.has(v.cvx))).map((u) => u.entry);
    if (forDose.length > 0) undetermined = [...undetermined, ...forDose];
  }
  if (!base.antigenCi && base.cvx.size === 0 && undetermined.length === 0) return NONE;
  // Table 7-7: an antigen contraindication, or all preferable vaccines contraindicated
  const cvx = base.cvx;
  const allVaccines = pv.length > 0 && pv.every((v) => cvx.has(v.cvx));
  return { contraindicated: base.antigenCi || allVaccines, applying: base.applying, contraindicatedCvx: cvx, undetermined };
}

function antigenLevel(ctx: PatientContext, antigen: Antigen): AntigenLevel {
  const unknown = ctx.unknownObservations;
  const out: AntigenLevel = { ctx, antigenCi: false, applying: [], cvx: new Set(), undeterminedAntigen: [], undeterminedVaccine: [] };
  // Table 7-5 antigen contraindications
  for (const c of antigen.antigenContraindications) {
    const active = ctx.observations.has(c.code);
    if (!active && !unknown?.has(c.code)) continue;
    if (!ageWindow(ctx, c.beginAge, c.endAge)) continue;
    const text = c.text || c.title;
    if (active) {
      out.antigenCi = true;
      out.applying.push(text);
    } else out.undeterminedAntigen.push({ code: c.code, kind: 'antigen contraindication', antigens: [antigen.name], text });
  }
  // Table 7-6 vaccine contraindications
  for (const c of antigen.vaccineContraindications) {
    const active = ctx.observations.has(c.code);
    if (!active && !unknown?.has(c.code)) continue;
    const named = new Set<string>();
    for (const v of c.vaccines) if (ageWindow(ctx, v.beginAge, v.endAge)) named.add(v.cvx);
    if (named.size === 0) continue;
    const text = c.text || c.title;
    if (active) {
      for (const x of named) out.cvx.add(x);
      out.applying.push(text);
    } else {
      const detail = `CVX ${[...named].join(', ')}`;
      out.undeterminedVaccine.push({
        entry: { code: c.code, kind: 'vaccine contraindication', antigens: [antigen.name], text, detail },
        cvx: named,
      });
    }
  }
  return out;
}
