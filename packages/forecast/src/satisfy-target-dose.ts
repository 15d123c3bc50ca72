/**
 * 6.10 Satisfy Target Dose (Table 6-31) — evaluates one antigen dose administered against one
 * target dose by running 6.3 … 6.9 and combining the outcomes.
 */
import { formatIsoDate } from './date-arithmetic.ts';
import type { EvalRecord, SeriesRun } from './context.ts';
import { evaluateAge, selectAge } from './evaluate-age.ts';
import { isInadvertentVaccine } from './evaluate-inadvertent-vaccine.ts';
import { days, evaluateAllowableIntervals, evaluatePreferableIntervals } from './evaluate-interval.ts';
import { evaluateVaccineConflict } from './evaluate-live-virus-conflict.ts';
import { evaluateAllowableVaccine, evaluatePreferableVaccine } from './evaluate-preferable-vaccine.ts';
import type { SeriesDose } from './supporting-data/model.ts';
import type { EvaluationReason, RuleStep } from './types.ts';

const AGE_RULES = ['CALCDTAGE-5', 'CALCDTAGE-4', 'CALCDTAGE-1', 'Table 6-15'] as const;
const PREF_INT_RULES = ['CALCDTINT-1', 'CALCDTINT-2', 'CALCDTINT-3', 'CALCDTINT-4', 'CALCDTINT-8', 'CALCDTINT-9', 'Table 6-18'] as const;
const ALLOW_INT_RULES = ['CALCDTINT-3', 'Table 6-21'] as const;
const CONFLICT_RULES = ['CALCDTCONFLICT-1', 'CALCDTCONFLICT-2', 'CONFLICT-3'] as const;
const PREF_VAC_RULES = ['CALCDTPREF-1', 'CALCDTPREF-2', 'Table 6-26'] as const;
const ALLOW_VAC_RULES = ['CALCDTALLOW-1', 'CALCDTALLOW-2', 'Table 6-29'] as const;
const SATISFY_RULES = ['Table 6-31'] as const;

/** Rule steps are immutable; the fixed ones are shared instead of allocated per evaluation. */
const fixed = (section: string, rules: readonly string[], outcome: string): RuleStep => Object.freeze({ section, rules, outcome });
const AGE_STEP = {
  'Too Young': fixed('6.4', AGE_RULES, 'Too Young'),
  'Grace Period': fixed('6.4', AGE_RULES, 'Grace Period'),
  Valid: fixed('6.4', AGE_RULES, 'Valid'),
  'Too Old': fixed('6.4', AGE_RULES, 'Too Old'),
} as const;
const PREF_INT_STEP = {
  'Too Soon': fixed('6.5', PREF_INT_RULES, 'Too Soon'),
  'Grace Period': fixed('6.5', PREF_INT_RULES, 'Grace Period'),
  Valid: fixed('6.5', PREF_INT_RULES, 'Valid'),
} as const;
const ALLOW_INT_STEP = {
  met: fixed('6.6', ALLOW_INT_RULES, 'allowable interval met'),
  'Too Soon': fixed('6.6', ALLOW_INT_RULES, 'Too Soon'),
} as const;
const CONFLICT_STEP = { impacted: fixed('6.7', CONFLICT_RULES, 'impacted'), none: fixed('6.7', CONFLICT_RULES, 'no conflict') } as const;
const PREF_VAC_STEP = { yes: fixed('6.8', PREF_VAC_RULES, 'preferable'), no: fixed('6.8', PREF_VAC_RULES, 'not preferable') } as const;
const ALLOW_VAC_STEP = { yes: fixed('6.9', ALLOW_VAC_RULES, 'allowable'), no: fixed('6.9', ALLOW_VAC_RULES, 'not allowable') } as const;

export function evaluateAgainstTargetDose(run: SeriesRun, doseIndex: number, seriesDose: SeriesDose): EvalRecord {
  const dose = run.doses[doseIndex];
  if (!dose) throw new Error(`no antigen dose ${doseIndex}`);
  const reasons: EvaluationReason[] = [];
  const explanation: string[] = [];
  const path: RuleStep[] = [];
  const td = seriesDose.doseNumber;

  // 6.3 inadvertent vaccine (Table 6-13)
  if (isInadvertentVaccine(dose, seriesDose)) {
    path.push({ section: '6.3', rules: ['Table 6-13'], outcome: 'inadvertent administration' });
    return {
      status: 'Not Valid',
      reasons: ['Inadvertent Vaccine'],
      targetDose: td,
      satisfied: false,
      inadvertent: true,
      explanation: [`CVX ${dose.cvx} is an inadvertent vaccine for target dose ${td}`],
      rulePath: path,
    };
  }

  // 6.4 age (Table 6-15)
  const age = evaluateAge(run.ctx.dob, selectAge(seriesDose, dose.date), dose.date);
  path.push(AGE_STEP[age.outcome]);
  if (age.outcome === 'Too Young') {
    reasons.push('Age: Too Young');
    explanation.push(
      `given ${days(age.absoluteMinimumAgeDate - dose.date)} before the absolute minimum age of ${age.age?.absMinAge?.text ?? age.age?.minAge?.text} (${formatIsoDate(age.absoluteMinimumAgeDate)})`,
    );
  } else if (age.outcome === 'Grace Period') {
    reasons.push('Age: Grace Period');
    explanation.push(
      `given before the minimum age of ${age.age?.minAge?.text}, on or after the absolute minimum age${age.age?.absMinAge ? ` of ${age.age.absMinAge.text}` : ''} (grace period)`,
    );
  } else if (age.outcome === 'Too Old') {
    reasons.push('Age: Too Old');
    explanation.push(`given on or after the maximum age of ${age.age?.maxAge?.text} (${formatIsoDate(age.maximumAgeDate)})`);
  }

  // 6.5 preferable interval (Table 6-18), 6.6 allowable interval (Table 6-21)
  const pref = evaluatePreferableIntervals(run, seriesDose, dose.date, doseIndex);
  let intervalOk = pref.satisfied;
  path.push(PREF_INT_STEP[pref.satisfied ? (pref.grace ? 'Grace Period' : 'Valid') : 'Too Soon']);
  if (!pref.satisfied) {
    const allow = evaluateAllowableIntervals(run, seriesDose, dose.date, doseIndex);
    path.push(ALLOW_INT_STEP[allow.satisfied ? 'met' : 'Too Soon']);
    if (allow.satisfied) {
      intervalOk = true;
      explanation.push(
        ...pref.checks.filter((c) => c.outcome === 'Too Soon').map((c) => `${c.explanation}, but the allowable interval was met`),
      );
    } else {
      reasons.push('Interval: Too Soon');
      explanation.push(...pref.checks.filter((c) => c.outcome === 'Too Soon').map((c) => c.explanation));
    }
  } else if (pref.grace) {
    reasons.push('Interval: Grace Period');
    explanation.push(...pref.checks.filter((c) => c.outcome === 'Grace Period').map((c) => c.explanation));
  }

  // 6.7 vaccine conflict (CONFLICT-3)
  const conflict = evaluateVaccineConflict(run, doseIndex);
  path.push(CONFLICT_STEP[conflict.impacted ? 'impacted' : 'none']);
  if (conflict.impacted) {
    reasons.push('Live Virus Conflict');
    if (conflict.explanation) explanation.push(conflict.explanation);
  }

  // 6.8 preferable vaccine (Table 6-26), 6.9 allowable vaccine (Table 6-29)
  const pv = evaluatePreferableVaccine(dose, seriesDose, run.ctx.dob);
  let vaccineOk = pv.ok;
  path.push(PREF_VAC_STEP[pv.ok ? 'yes' : 'no']);
  if (pv.ok && pv.lowVolume) reasons.push('Volume administered is less than recommended volume');
  if (!pv.ok) {
    const av = evaluateAllowableVaccine(dose, seriesDose, run.ctx.dob);
    path.push(ALLOW_VAC_STEP[av.ok ? 'yes' : 'no']);
    vaccineOk = av.ok;
    if (!av.ok) {
      reasons.push('Not a preferable or allowable vaccine');
      explanation.push(`${pv.explanation}; ${av.explanation}`);
    }
  }

  // 6.10 Table 6-31
  let status: EvalRecord['status'];
  if (age.outcome === 'Too Old') status = 'Extraneous';
  else if (age.outcome === 'Too Young' || !intervalOk || conflict.impacted || !vaccineOk) status = 'Not Valid';
  else status = 'Valid';
  path.push({
    section: '6.10',
    rules: SATISFY_RULES,
    outcome: status === 'Valid' ? `target dose ${td} satisfied` : `target dose ${td} not satisfied`,
  });
  return { status, reasons, targetDose: td, satisfied: status === 'Valid', inadvertent: false, explanation, rulePath: path };
}
