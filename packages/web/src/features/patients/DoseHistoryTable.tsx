import { Button, Table, Tag } from '@trussworks/react-uswds';
import { api } from '../../api';
import { Link } from '../../router';
import { DOSE_CONDITION_OPTIONS, optionLabel } from './code-options';
import type { DoseView, RecordAction } from './types';

/** The master doses: date, vaccine, groups, lot/funding, who reported them; correct and delete for the entering clinic. */
export function DoseHistoryTable({
  patientId,
  doses,
  onCorrect,
  onAction,
}: {
  patientId: string;
  doses: DoseView[];
  onCorrect: (dose: DoseView) => void;
  onAction: RecordAction;
}) {
  return (
    <Table bordered fullWidth compact data-testid="dose-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Vaccine</th>
          <th scope="col">Groups</th>
          <th scope="col">Lot / funding</th>
          <th scope="col">Reported by</th>
          <th scope="col">
            <span className="usa-sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {doses.map((d) => (
          <tr key={d.id} data-testid="dose-row">
            <td>{d.date}</td>
            <td>
              {d.vaccine} <span className="text-base">(CVX {d.cvx})</span>
              {d.kind === 'historical' && <Tag className="margin-left-1 bg-base">historical</Tag>}
              {d.doseCondition && (
                <Tag className="margin-left-1 bg-secondary-dark">
                  does not count: {optionLabel(DOSE_CONDITION_OPTIONS, d.doseCondition)}
                </Tag>
              )}
            </td>
            <td>{d.groups.join(', ')}</td>
            <td>{d.lot ? `${d.lot} · ${d.fundingSource ?? ''} · ${d.vfcEligibility ?? ''}` : '—'}</td>
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
            <td>
              {d.canEdit && (
                <Button type="button" unstyled className="margin-right-1" onClick={() => onCorrect(d)}>
                  Correct
                </Button>
              )}
              {d.canEdit && (
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
                  Delete
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
