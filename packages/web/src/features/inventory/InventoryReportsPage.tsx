import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { DosesByLotReport, InventoryReport } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { DateRangeFields, ReportFilters, ReportToolbar } from '../../components/ReportToolbar';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { FUNDING_LABELS, WASTE_REASON_LABELS } from './inventory-labels';
import { DosesByLotTable, OrderHistoryTable } from './ReportSections';

/**
 * Inventory reports: doses on hand by funding and vaccine, wastage by reason (DPH: statewide, by clinic), doses
 * administered by lot against the records, and order history; the clinic and period are in the URL.
 */
export function InventoryReportsPage() {
  const { search } = useLocation();
  const current = { organizationId: search.get('organizationId') ?? '', from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const query = qs(current);
  const [form, setForm] = useState(current);
  const q = useQuery({
    queryKey: ['inventory', 'reports', query],
    queryFn: () => api.get<InventoryReport>(`/api/inventory/reports${query}`),
    retry: false,
  });
  const lots = useQuery({
    queryKey: ['inventory', 'doses-by-lot', query],
    queryFn: () => api.get<DosesByLotReport>(`/api/immunizations/doses-by-lot${query}`),
    retry: false,
  });
  const error = q.error instanceof ApiError ? q.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/inventory/reports${qs(form)}`);
  };
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
      <ReportFilters onSubmit={submit} testId="report-filters">
        <DateRangeFields idPrefix="rep-" from={form.from} to={form.to} onChange={(d) => setForm({ ...form, ...d })} error={error} />
      </ReportFilters>
      {r && (
        <>
          <ReportToolbar
            downloads={[
              { href: `/api/inventory/reports.csv${query}` },
              { href: `/api/immunizations/doses-by-lot.csv${query}`, label: 'Download doses by lot (CSV)' },
            ]}
          />
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
          <h2>Doses administered by lot and funding source</h2>
          {lots.data && <DosesByLotTable report={lots.data} />}
          <h2>Order history</h2>
          <OrderHistoryTable orders={r.orders} statewide={r.scope.clinic === null} />
        </>
      )}
    </>
  );
}
