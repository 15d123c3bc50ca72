import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@trussworks/react-uswds';
import type { PatientHistory } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { describeChange, describeStatus } from './labels';

/** Who changed what and when: demographic edits (field by field), status and ownership changes. */
export function HistorySection({ patientId, reports }: { patientId: string; reports: number }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['patient', patientId, 'history'],
    queryFn: () => api.get<PatientHistory>(`/api/patients/${patientId}/history`),
    enabled: open,
  });
  const rows = history.data
    ? [
        ...history.data.changes.map((c) => ({
          at: c.at,
          by: c.by,
          org: c.organization,
          what: describeChange(c.action, Object.keys(c.fields)),
          reason: c.reason,
        })),
        ...history.data.statuses.map((h) => ({
          at: h.at,
          by: h.by,
          org: h.organization,
          what: describeStatus(h),
          reason: h.reason,
        })),
      ].sort((a, b) => (a.at < b.at ? 1 : -1))
    : [];
  return (
    <section aria-labelledby="history-heading" className="margin-top-4">
      <h2 id="history-heading">History</h2>
      <p className="font-body-2xs">
        {reports === 1
          ? '1 version reported by a source is kept behind this consolidated record.'
          : `${reports} versions reported by sources are kept behind this consolidated record.`}{' '}
        <Link to={`/patients/${patientId}/reports`}>Compare the reported versions</Link>
      </p>
      {!open ? (
        <Button type="button" outline onClick={() => setOpen(true)}>
          Show changes
        </Button>
      ) : history.data && rows.length === 0 ? (
        <p data-testid="history-empty">No changes recorded since the record was loaded.</p>
      ) : (
        <StackedTable bordered fullWidth compact testId="history-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x, i) => (
              <tr key={`${x.at}-${i}`}>
                <td className="nutmeg-date">{formatDateTime(x.at)}</td>
                <td>
                  {x.by ?? 'system'}
                  {x.org ? ` (${x.org})` : ''}
                </td>
                <td>{x.what}</td>
                <td>{x.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </section>
  );
}
