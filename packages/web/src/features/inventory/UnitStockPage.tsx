import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { UnitStock } from '@nutmeg/api-types';
import { api } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { StockTable } from './StockTable';
import { TemperaturePanel } from './TemperaturePanel';
import { WastageForm } from './WastageForm';
import { UNIT_KIND_LABELS } from './inventory-labels';

/** Every lot in one storage unit, emptied ones included (their ledger stays reachable). */
export function UnitStockPage({ params }: { params: Record<string, string> }) {
  const unitId = params.unitId ?? '';
  const q = useQuery({
    queryKey: ['inventory', 'unit', unitId],
    queryFn: () => api.get<UnitStock>(`/api/inventory/units/${encodeURIComponent(unitId)}/stock`),
  });
  const u = q.data?.unit;
  const { can, me } = useSession();
  // Coordinators move their clinic's stock; DPH reads it.
  const mayChange = can('inventory:write') && me?.activeScope?.organizationKind === 'clinic';
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>{u ? `${u.name} (${UNIT_KIND_LABELS[u.kind]})` : 'Storage unit'}</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load this storage unit">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <p>
            {u!.doses} dose(s) on hand in {u!.lots} lot(s){u!.active ? '' : ' — this unit is retired'}. Last reconciled:{' '}
            {u!.lastReconciledOn ? <span className="nutmeg-date">{u!.lastReconciledOn}</span> : 'never'}.
          </p>
          {mayChange && u!.active && (
            <p>
              <Link className="usa-button" to={`/inventory/units/${unitId}/reconcile`}>
                Reconcile this unit
              </Link>
            </p>
          )}
          {q.data.lines.length === 0 ? (
            <p>No stock has been received into this unit.</p>
          ) : (
            <StockTable lines={q.data.lines} caption="Lots in this unit" testId="unit-stock" />
          )}
          {mayChange && q.data.lines.some((l) => l.onHand > 0) && (
            <>
              <h2>Record wastage</h2>
              <WastageForm unitId={unitId} lines={q.data.lines} />
            </>
          )}
          <TemperaturePanel unitId={unitId} />
        </>
      )}
    </>
  );
}
