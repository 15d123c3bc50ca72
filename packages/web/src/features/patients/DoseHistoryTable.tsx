import { Button, Tag } from '@trussworks/react-uswds';
import type { PresentedEvaluation } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { DOSE_CONDITION_OPTIONS, codeLabel, optionLabel } from './code-options';
import { VFC_SHORT_LABEL } from './labels';
import { doseFindings, findingText } from './dose-findings';
import type { DoseView } from '@nutmeg/api-types';
import type { RecordAction } from './types';

function Findings({ evaluations, doseId }: { evaluations: readonly PresentedEvaluation[]; doseId: string }) {
  const found = doseFindings(evaluations, doseId);
  if (found.length === 0) return null;
  return (
    <ul className="usa-list usa-list--unstyled margin-top-05" data-testid="dose-findings">
      {found.map((f) => (
        <li
          key={`${f.status}-${f.reason}`}
          className={f.status === 'Not Valid' ? 'nutmeg-past-due' : 'text-base-dark text-bold'}
          title={f.explanation}
        >
          {findingText(f)}
        </li>
      ))}
    </ul>
  );
}

function LotAndFunding({ d }: { d: DoseView }) {
  if (!d.lot) return <>—</>;
  return (
    <>
      Lot {d.lot}
      <div className="font-body-3xs">
        {[
          codeLabel('fundingSource', d.fundingSource),
          d.vfcEligibility && `${VFC_SHORT_LABEL[d.vfcEligibility] ?? ''} (${d.vfcEligibility})`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {(d.mvx || d.ndc) && (
        <div className="font-body-3xs" data-testid="dose-product">
          {[d.mvx && codeLabel('manufacturer', d.mvx), d.ndc && `NDC ${d.ndc}`].filter(Boolean).join(' · ')}
        </div>
      )}
      {d.vis.length > 0 && (
        <div className="font-body-3xs" data-testid="dose-vis">
          VIS: {d.vis.map((v) => `${v.document} (edition ${v.edition}, given ${v.presented})`).join('; ')}
        </div>
      )}
    </>
  );
}

/**
 * The master doses: date, vaccine (with what the recommender found wrong with it), groups, lot/funding, who
 * reported them; correct and delete for the entering clinic.
 */
export function DoseHistoryTable({
  patientId,
  doses,
  evaluations,
  onCorrect,
  onAction,
}: {
  patientId: string;
  doses: DoseView[];
  /** The recommender's evaluations of the record (forecast.evaluations); empty while loading. */
  evaluations: readonly PresentedEvaluation[];
  onCorrect: (dose: DoseView) => void;
  onAction: RecordAction;
}) {
  const anyEditable = doses.some((d) => d.canEdit);
  return (
    <StackedTable bordered fullWidth compact testId="dose-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Vaccine</th>
          <th scope="col">Groups</th>
          <th scope="col">Lot / funding</th>
          <th scope="col">Reported by</th>
          {anyEditable && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {doses.map((d) => (
          <tr key={d.id} data-testid="dose-row">
            <td className="nutmeg-date">{d.date}</td>
            <td>
              {d.vaccine} <span className="text-base nutmeg-date">(CVX {d.cvx})</span>
              {d.kind === 'historical' && <Tag className="margin-left-1 bg-base">historical</Tag>}
              {d.doseCondition && (
                <Tag className="margin-left-1 bg-secondary-dark">
                  does not count: {optionLabel(DOSE_CONDITION_OPTIONS, d.doseCondition)}
                </Tag>
              )}
              <Findings evaluations={evaluations} doseId={d.id} />
            </td>
            <td>{d.groups.join(', ')}</td>
            <td>
              <LotAndFunding d={d} />
            </td>
            <td>
              {d.sourceOrganization ?? '—'}
              {d.reports.length > 0 && (
                <div className="font-body-3xs">
                  also reported by {d.reports.map((x) => x.source ?? 'unknown').join(', ')} ·{' '}
                  <Link to={`/patients/${patientId}/reports?dose=${d.id}`}>
                    compare
                    <span className="usa-sr-only">
                      {' '}
                      the reports of {d.vaccine} on {d.date}
                    </span>
                  </Link>
                </div>
              )}
            </td>
            {anyEditable && (
              <td>
                {d.canEdit && (
                  <>
                    <Button type="button" unstyled className="margin-right-1" onClick={() => onCorrect(d)}>
                      Correct<span className="usa-sr-only"> the dose of {d.date}</span>
                    </Button>
                    <Button
                      type="button"
                      unstyled
                      onClick={() => {
                        const reason = window.prompt('Why is this dose being deleted?');
                        if (reason)
                          void onAction(
                            () => api.delete(`/api/patients/${patientId}/doses/${d.id}?reason=${encodeURIComponent(reason)}`),
                            'Dose deleted.',
                          );
                      }}
                    >
                      Delete<span className="usa-sr-only"> the dose of {d.date}</span>
                    </Button>
                  </>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
