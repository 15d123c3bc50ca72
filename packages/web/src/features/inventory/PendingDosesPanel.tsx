import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { PendingDoseView, PendingResolution } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { clinicQuery } from './inventory-labels';

const OUTCOMES: Array<[PendingResolution['outcome'], string]> = [
  ['administered', 'Given'],
  ['returned', 'Back to stock'],
  ['wasted', 'Wasted'],
];

/** Doses added but not administered: each blocks its unit's reconciliation until resolved. */
export function PendingDosesPanel({ organizationId, canEdit }: { organizationId: string | null; canEdit: boolean }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['inventory', 'pending', organizationId],
    queryFn: () => api.get<{ pending: PendingDoseView[] }>(`/api/inventory/pending-doses${clinicQuery(organizationId)}`),
  });
  async function resolve(id: string, outcome: PendingResolution['outcome']) {
    setError(null);
    try {
      await api.post<PendingResolution>(`/api/inventory/pending-doses/${id}/resolve`, { outcome });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  if (!q.data || q.data.pending.length === 0) return null;
  return (
    <section aria-labelledby="pending-h">
      <h2 id="pending-h">Added but not administered</h2>
      {error && (
        <Alert type="error" headingLevel="h3" slim>
          {error}
        </Alert>
      )}
      <StackedTable fullWidth headers caption="Doses taken out of stock for a patient and not yet given" testId="pending-doses">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">Patient</th>
            <th scope="col">Taken out</th>
            {canEdit && <th scope="col">Resolve</th>}
          </tr>
        </thead>
        <tbody>
          {q.data.pending.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.tradeName} {p.lotNumber}
              </th>
              <td>
                <Link to={`/patients/${p.patientId}`}>Open the record</Link>
              </td>
              <td>{formatDateTime(p.createdAt)}</td>
              {canEdit && (
                <td>
                  {OUTCOMES.map(([outcome, label]) => (
                    <Button key={outcome} type="button" outline className="margin-bottom-1" onClick={() => void resolve(p.id, outcome)}>
                      {label}
                    </Button>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </section>
  );
}
