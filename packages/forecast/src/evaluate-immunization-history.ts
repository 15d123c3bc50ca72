/**
 * 4.4 Evaluate immunization history (Figure 4-6): walk the target doses of a relevant patient
 * series and the antigen administered records together, including conditional skip (6.2),
 * dose condition (6.1), recurring doses and extraneous doses.
 */
import type { EvalRecord, SeriesRun } from './context.ts';
import { evaluateConditionalSkip } from './evaluate-conditional-skip.ts';
import { evaluateDoseCondition } from './evaluate-dose-condition.ts';
import { evaluateAgainstTargetDose } from './satisfy-target-dose.ts';
import type { TargetDoseState } from './types.ts';

/** Returns the index of the current (next unsatisfied) target dose after evaluation. */
export function evaluateImmunizationHistory(run: SeriesRun): number {
  let t = 0;
  const tds: TargetDoseState[] = run.targetDoses;
  for (let i = 0; i < run.doses.length; i++) {
    const dose = run.doses[i];
    if (!dose) continue;
    let done = false;
    let skipped: { dose: number; because: readonly string[] }[] | undefined;
    while (!done) {
      const td = tds[t];
      if (!td) {
        // step 6a: no more target doses — remaining doses are extraneous
        run.evals[i] = extraneous('series is already complete');
        break;
      }
      // 6.1 dose condition (Table 6-3)
      const cond = evaluateDoseCondition(dose);
      if (!cond.canBeEvaluated) {
        run.evals[i] = {
          status: 'Sub-standard',
          reasons: [cond.reason === 'Expired' ? 'Expired' : 'Sub-standard'],
          targetDose: td.seriesDose.doseNumber,
          satisfied: false,
          inadvertent: false,
          explanation: [cond.explanation],
          rulePath: [{ section: '6.1', rules: ['CALCDTLOTEXP-1', 'Table 6-3'], outcome: 'sub-standard' }],
        };
        break;
      }
      // 6.2 conditional skip, context Evaluation (CONDSKIP-2: reference date = date administered)
      const skip = evaluateConditionalSkip(run, td.seriesDose, 'Evaluation', dose.date, i);
      if (skip.skipped) {
        td.status = 'Skipped';
        (skipped ??= []).push({ dose: td.seriesDose.doseNumber, because: skip.because });
        t++;
        continue;
      }
      const rec = evaluateAgainstTargetDose(run, i, td.seriesDose);
      if (skipped) {
        for (const k of skipped) {
          rec.rulePath.unshift({ section: '6.2', rules: SKIP_RULES, outcome: `target dose ${k.dose} skipped` });
          rec.explanation.push(`target dose ${k.dose} was skipped (${k.because.join('; ')})`);
        }
      }
      run.evals[i] = rec;
      if (rec.satisfied) {
        td.status = 'Satisfied';
        td.satisfiedBy = i;
        // step 5: recurring dose
        if (td.seriesDose.recurring) {
          tds.splice(t + 1, 0, { seriesDose: td.seriesDose, status: 'Not Satisfied', copy: td.copy + 1 });
        }
        t++;
      }
      done = true;
    }
  }
  return t;
}

const SKIP_RULES = ['CALCDTSKIP-3', 'CALCDTSKIP-4', 'CALCDTSKIP-5', 'CONDSKIP-1', 'CONDSKIP-2', 'Table 6-11'] as const;

function extraneous(why: string): EvalRecord {
  return {
    status: 'Extraneous',
    reasons: ['Series Already Complete'],
    satisfied: false,
    inadvertent: false,
    explanation: [`extraneous: ${why}`],
    rulePath: [{ section: '4.4', rules: ['Figure 4-6 step 6a'], outcome: 'extraneous' }],
  };
}
