import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Label, Select } from '@trussworks/react-uswds';
import type { PendingDoseView, PendingResolution } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { WASTE_REASON_LABELS, clinicQuery } from './inventory-labels';

/**
 * Doses added but not administered: each blocks its unit's reconciliation until resolved. A given dose is recorded
 * on the patient's record (the dose form offers the pulled dose), so it is never "given" without a dose record.
 */
export function PendingDosesPanel({ organizationId, canEdit }: { organizationId: string | null; canEdit: boolean }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const q = useQuery({
    queryKey: ['inventory', 'pending', organizationId],
    queryFn: () => api.get<{ pending: PendingDoseView[] }>(`/api/inventory/pending-doses${clinicQuery(organizationId)}`),
  });
  async function resolve(id: string, outcome: PendingResolution['outcome']) {
    setError(null);
    try {
      const reason = outcome === 'wasted' ? reasons[id] || undefined : undefined;
      await api.post<PendingResolution>(`/api/inventory/pending-doses/${id}/resolve`, { outcome, reason });
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
                <Link to={`/patients/${p.patientId}`}>{canEdit ? 'Record it as given on the record' : 'Open the record'}</Link>
              </td>
              <td>{formatDateTime(p.createdAt)}</td>
              {canEdit && (
                <td>
                  <Button type="button" outline className="margin-bottom-1" onClick={() => void resolve(p.id, 'returned')}>
                    Back to stock
                  </Button>
                  <Label htmlFor={`pending-reason-${p.id}`} className="margin-top-0">
                    Why wasted
                  </Label>
                  <Select
                    id={`pending-reason-${p.id}`}
                    name="reason"
                    value={reasons[p.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })}
                  >
                    <option value="">— Choose —</option>
                    {Object.entries(WASTE_REASON_LABELS).map(([code, label]) => (
                      <option key={code} value={code}>
                        {label}
                      </option>
                    ))}
                  </Select>
                  <Button type="button" outline className="margin-top-1" onClick={() => void resolve(p.id, 'wasted')}>
                    Wasted
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </section>
  );
}
