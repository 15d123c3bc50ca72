import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { InventoryReport } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, useLocation } from '../../router';
import { FUNDING_LABELS, WASTE_REASON_LABELS, clinicQuery } from './inventory-labels';

/** Inventory reports: doses on hand by funding and vaccine, wastage by reason (DPH: statewide, by clinic). */
export function InventoryReportsPage() {
  const { search } = useLocation();
  const organizationId = search.get('organizationId');
  const q = useQuery({
    queryKey: ['inventory', 'reports', organizationId],
    queryFn: () => api.get<InventoryReport>(`/api/inventory/reports${clinicQuery(organizationId)}`),
  });
  const r = q.data;
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link> · <Link to="/inventory/excursions">Temperature excursions</Link>
      </p>
      <h1>Inventory reports{r ? `: ${r.scope.clinic?.name ?? 'statewide'}` : ''}</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the reports">
          {q.error.message}
        </Alert>
      )}
      {r && (
        <>
          <p>
            <a className="usa-link" href={`/api/inventory/reports.csv${clinicQuery(organizationId)}`} download>
              Download as CSV
            </a>
          </p>
          <h2>Doses on hand by funding source and vaccine</h2>
          {r.onHand.length === 0 ? (
            <p>No doses on hand.</p>
          ) : (
            <StackedTable fullWidth headers caption="Doses on hand" testId="report-on-hand">
              <thead>
                <tr>
                  <th scope="col">Funding</th>
                  <th scope="col">Vaccine</th>
                  <th scope="col">Doses</th>
                  <th scope="col">Clinics holding it</th>
                </tr>
              </thead>
              <tbody>
                {r.onHand.map((o) => (
                  <tr key={`${o.fundingSource}-${o.cvx}`}>
                    <th scope="row">{FUNDING_LABELS[o.fundingSource]}</th>
                    <td>
                      {o.tradeName} (CVX {o.cvx})
                    </td>
                    <td>{o.doses}</td>
                    <td>{o.clinics}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          )}
          <h2>
            Wastage by reason, <span className="nutmeg-date">{r.scope.from}</span> to <span className="nutmeg-date">{r.scope.to}</span>
          </h2>
          {r.wastage.length === 0 ? (
            <p>No doses wasted in this period.</p>
          ) : (
            <StackedTable fullWidth headers caption="Doses wasted" testId="report-wastage">
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  {r.scope.clinic === null && <th scope="col">Clinic</th>}
                  <th scope="col">Doses</th>
                </tr>
              </thead>
              <tbody>
                {r.wastage.map((x, i) => (
                  <tr key={i}>
                    <th scope="row">{WASTE_REASON_LABELS[x.reason] ?? x.reason}</th>
                    {r.scope.clinic === null && <td>{x.clinicName}</td>}
                    <td>{x.doses}</td>
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
