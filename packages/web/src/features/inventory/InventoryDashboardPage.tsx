import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { InventoryDashboard, StockLineView } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { PendingDosesPanel } from './PendingDosesPanel';
import { StatewideClinics } from './StatewideClinics';
import { StockTable } from './StockTable';
import { UNIT_KIND_LABELS, clinicQuery } from './inventory-labels';

export function useDashboard(organizationId: string | null) {
  return useQuery({
    queryKey: ['inventory', 'dashboard', organizationId],
    queryFn: () => api.get<InventoryDashboard>(`/api/inventory/dashboard${clinicQuery(organizationId)}`),
  });
}

function ExpiringSection({ title, lines, testId }: { title: string; lines: StockLineView[]; testId: string }) {
  return (
    <section aria-labelledby={`${testId}-h`} data-testid={testId}>
      <h3 id={`${testId}-h`}>
        {title} ({lines.length})
      </h3>
      {lines.length === 0 ? <p>None.</p> : <StockTable lines={lines} caption={title} showUnit />}
    </section>
  );
}

/**
 * The coordinator's inventory dashboard: the to-do list first (expired or held lots, and as the module grows
 * reconciliation, pending doses, shipments, transfers and returns), then lots expiring in 30/60/90 days and the
 * storage units. DPH opens it for one clinic (?organizationId=) and reads it.
 */
export function InventoryDashboardPage() {
  const { search } = useLocation();
  const { me } = useSession();
  const organizationId = search.get('organizationId');
  if (me?.activeScope?.organizationKind === 'dph' && !organizationId) return <StatewideClinics />;
  return <ClinicDashboard organizationId={organizationId} />;
}

function ClinicDashboard({ organizationId }: { organizationId: string | null }) {
  const q = useDashboard(organizationId);
  const d = q.data;
  return (
    <>
      <h1>Inventory{d ? `: ${d.clinic.name}` : ''}</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the inventory">
          {q.error.message}
        </Alert>
      )}
      {d && (
        <>
          {!d.canEdit && (
            <p>
              <Link to="/inventory">All clinics</Link>
            </p>
          )}
          {d.canEdit && (
            <ul className="usa-button-group margin-bottom-2">
              <li className="usa-button-group__item">
                <Link className="usa-button" to="/inventory/receive">
                  Receive private inventory
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--outline" to="/inventory/orders">
                  Orders of public vaccine
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--outline" to="/inventory/transfers">
                  Transfers
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--outline" to="/inventory/returns">
                  Returns
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--outline" to="/inventory/reports">
                  Reports
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--outline" to="/inventory/excursions">
                  Excursions
                </Link>
              </li>
            </ul>
          )}
          <h2>To do</h2>
          {d.todo.length === 0 ? (
            <p data-testid="inventory-todo-empty">Nothing to do.</p>
          ) : (
            <ul data-testid="inventory-todo">
              {d.todo.map((t, i) => (
                <li key={i}>
                  {t.kind === 'transfer' ? (
                    <Link to="/inventory/transfers">{t.message}</Link>
                  ) : t.orderId ? (
                    <Link to={`/inventory/orders/${t.orderId}`}>{t.message}</Link>
                  ) : t.storageUnitId ? (
                    <Link to={`/inventory/units/${t.storageUnitId}${clinicQuery(organizationId)}`}>{t.message}</Link>
                  ) : (
                    t.message
                  )}
                </li>
              ))}
            </ul>
          )}
          <PendingDosesPanel organizationId={organizationId} canEdit={d.canEdit} />
          <h2>Expiring lots</h2>
          <p>
            Lots with doses on hand, by expiration (today is <span className="nutmeg-date">{d.today}</span>).
          </p>
          <ExpiringSection title="Expired" lines={d.expiring.expired} testId="expired" />
          <ExpiringSection title="Expiring within 30 days" lines={d.expiring.within30} testId="within30" />
          <ExpiringSection title="Expiring in 31 to 60 days" lines={d.expiring.within60} testId="within60" />
          <ExpiringSection title="Expiring in 61 to 90 days" lines={d.expiring.within90} testId="within90" />
          <h2>Storage units</h2>
          {d.units.length === 0 ? (
            <p>This clinic has no storage units yet: add them in Clinic tools.</p>
          ) : (
            <StackedTable fullWidth headers caption="Storage units and what they hold" testId="inventory-units">
              <thead>
                <tr>
                  <th scope="col">Unit</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Lots with doses</th>
                  <th scope="col">Doses on hand</th>
                </tr>
              </thead>
              <tbody>
                {d.units.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      <Link to={`/inventory/units/${u.id}${clinicQuery(organizationId)}`}>{u.name}</Link>
                      {!u.active && ' (retired)'}
                    </th>
                    <td>{UNIT_KIND_LABELS[u.kind]}</td>
                    <td>{u.lots}</td>
                    <td>{u.doses}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          )}
        </>
      )}
    </>
  );
}
