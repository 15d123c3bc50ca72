import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Grid } from '@trussworks/react-uswds';
import type { ExcursionReport, ExcursionView } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { SelectField } from '../../components/FormControls';
import { DateRangeFields, ReportFilters, ReportToolbar } from '../../components/ReportToolbar';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link, navigate, useLocation } from '../../router';

const DECISION: Record<ExcursionView['status'], string> = {
  open: 'Awaiting the manufacturer (lots held)',
  usable: 'Usable (released)',
  wasted: 'Wasted',
};

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return h ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

/** The excursion report: every clinic's for DPH (or one clinic's), the clinic's own for a coordinator; filters in the URL. */
export function ExcursionsPage() {
  const { search } = useLocation();
  const current = {
    organizationId: search.get('organizationId') ?? '',
    status: search.get('status') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  };
  const query = qs(current);
  const [form, setForm] = useState(current);
  const q = useQuery({
    queryKey: ['inventory', 'excursions', query],
    queryFn: () => api.get<ExcursionReport>(`/api/inventory/excursions${query}`),
    retry: false,
  });
  const error = q.error instanceof ApiError ? q.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/inventory/excursions${qs(form)}`);
  };
  const r = q.data;
  return (
    <>
      <p className="no-print">
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>Temperature excursions{r ? `: ${r.scope.clinic?.name ?? 'statewide'}` : ''}</h1>
      <ReportFilters onSubmit={submit} testId="excursion-filters">
        <Grid tablet={{ col: 4 }}>
          <SelectField
            id="exc-status"
            name="status"
            label="Decision"
            none="Any"
            options={DECISION}
            value={form.status}
            onChange={(status) => setForm({ ...form, status })}
            error={error?.fieldMessage('status')}
          />
        </Grid>
        <DateRangeFields
          idPrefix="exc-"
          fromLabel="First out of range from"
          from={form.from}
          to={form.to}
          onChange={(d) => setForm({ ...form, ...d })}
          error={error}
        />
      </ReportFilters>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the excursions">
          {q.error.message}
        </Alert>
      )}
      {r && (
        <>
          <ReportToolbar downloads={[{ href: `/api/inventory/excursions.csv${query}` }]} />
          {r.excursions.length === 0 ? (
            <p data-testid="excursions-empty">No excursions match.</p>
          ) : (
            <StackedTable fullWidth headers caption="Temperature excursions" testId="excursion-report">
              <thead>
                <tr>
                  <th scope="col">Clinic and unit</th>
                  <th scope="col">First out of range</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Min / max °C</th>
                  <th scope="col">Lots held</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {r.excursions.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {e.clinic.name}: {e.unitName}
                      {e.shipmentId && ' (shipment accepted warm)'}
                    </th>
                    <td>{formatDateTime(e.firstReadAt)}</td>
                    <td>
                      {duration(e.durationMinutes)}
                      {e.backInRangeAt ? '' : ' (not back in range yet)'}
                    </td>
                    <td>
                      {e.minC ?? '—'} / {e.maxC ?? '—'}
                      {e.worstC !== null && ` (worst ${e.worstC})`}
                    </td>
                    <td>{e.lots.map((l) => `${l.tradeName} ${l.lotNumber}`).join(', ') || 'none'}</td>
                    <td>
                      {DECISION[e.status]}
                      {e.decidedAt && `, ${formatDateTime(e.decidedAt)}`}
                      {e.decisionNote && `: ${e.decisionNote}`}
                    </td>
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
