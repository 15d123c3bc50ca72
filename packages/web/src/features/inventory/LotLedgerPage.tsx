import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { LedgerEntryView } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { LEDGER_KIND_LABELS, WASTE_REASON_LABELS } from './inventory-labels';

/** The append-only ledger of one lot in one unit: every movement with the balance after it. */
export function LotLedgerPage({ params }: { params: Record<string, string> }) {
  const unitId = params.unitId ?? '';
  const lotId = params.lotId ?? '';
  const q = useQuery({
    queryKey: ['inventory', 'ledger', unitId, lotId],
    queryFn: () =>
      api.get<{ entries: LedgerEntryView[] }>(
        `/api/inventory/units/${encodeURIComponent(unitId)}/lots/${encodeURIComponent(lotId)}/ledger`,
      ),
  });
  return (
    <>
      <p>
        <Link to={`/inventory/units/${unitId}`}>Back to the storage unit</Link>
      </p>
      <h1>Lot ledger</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the ledger">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth headers caption="Every movement of this lot in this unit, oldest first" testId="lot-ledger">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Movement</th>
              <th scope="col">Doses</th>
              <th scope="col">Balance after</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {q.data.entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">{formatDateTime(e.recordedAt)}</th>
                <td>{LEDGER_KIND_LABELS[e.kind] ?? e.kind}</td>
                <td>{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</td>
                <td>{e.balanceAfter}</td>
                <td>{[e.reason ? (WASTE_REASON_LABELS[e.reason] ?? e.reason) : null, e.note].filter(Boolean).join(' — ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
