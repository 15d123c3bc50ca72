import { useState, type FormEvent } from 'react';
import { Grid } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import type { DataQualityReport, DosesAdministeredReport, DosesBy, InactivePatientsReport } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { SelectField } from '../../components/FormControls';
import { DateRangeFields, ReportFilters, ReportToolbar } from '../../components/ReportToolbar';
import { StackedTable } from '../../components/StackedTable';
import { jurisdictionToday } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { ErrorSummary } from '../accounts/form-fields';
import { codeLabel } from '../patients/code-options';
import { AGE_GROUPS, DoseFilterFields, NO_DOSE_FILTERS } from './DoseFilterFields';
import { ReportRunsPanel } from './ReportRunsPanel';

/** A date range (this month so far by default) and any other filters, kept in the URL. */
function useRange<E extends Record<string, string>>(path: string, extra: E) {
  const { search } = useLocation();
  const today = jurisdictionToday();
  const others = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, search.get(k) ?? v])) as E;
  const current = { from: search.get('from') ?? `${today.slice(0, 8)}01`, to: search.get('to') ?? today, ...others };
  const [form, setForm] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${path}${qs(form)}`);
  };
  return { form, setForm, submit, query: qs(current) };
}

const BY: Record<DosesBy, string> = {
  vaccine: 'Vaccine',
  funding: 'Funding source',
  vfc: 'VFC eligibility',
  clinic: 'Clinic',
  age: 'Age group',
};

export function DosesAdministeredPage() {
  const r = useRange('/reports/doses-administered', { by: 'vaccine', ...NO_DOSE_FILTERS });
  const q = useQuery({
    queryKey: ['doses-administered', r.query],
    queryFn: () => api.get<DosesAdministeredReport>(`/api/reports/doses-administered${r.query}`),
    retry: false,
  });
  const error = q.error instanceof ApiError ? q.error : null;
  return (
    <>
      <h1>Doses administered</h1>
      <ErrorSummary error={error} />
      <ReportFilters onSubmit={r.submit}>
        <DateRangeFields from={r.form.from} to={r.form.to} onChange={(d) => r.setForm({ ...r.form, ...d })} error={error} />
        <Grid tablet={{ col: 4 }}>
          <SelectField id="by" label="By" options={BY} value={r.form.by} onChange={(by) => r.setForm({ ...r.form, by })} />
        </Grid>
        <DoseFilterFields value={r.form} onChange={(f) => r.setForm({ ...r.form, ...f })} error={error} />
      </ReportFilters>
      <ReportRunsPanel kind="doses_administered" params={Object.fromEntries(new URLSearchParams(r.query))} />
      {q.data && (
        <>
          <h2>
            {q.data.scope}: {q.data.total} doses from {q.data.from} to {q.data.to}
          </h2>
          <FiltersApplied filters={q.data.filters} />
          <ReportToolbar downloads={[{ href: `/api/reports/doses-administered.csv${r.query}` }]} />
          <StackedTable headers fullWidth testId="doses-table">
            <thead>
              <tr>
                <th scope="col">{BY[q.data.by]}</th>
                <th scope="col">Doses</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}

/** The filters the shown counts were made with, in words (a printed page says what it counts). */
function FiltersApplied({ filters: f }: { filters: DosesAdministeredReport['filters'] }) {
  const parts = [
    f.vaccineGroup && `vaccine group ${f.vaccineGroup}`,
    f.cvx && `CVX ${f.cvx}`,
    f.fundingSource && `funding ${codeLabel('fundingSource', f.fundingSource)}`,
    f.vfcEligibility && `VFC ${f.vfcEligibility} ${codeLabel('vfcEligibility', f.vfcEligibility)}`,
    f.clinicName && `entered by ${f.clinicName}`,
    f.ageGroup && `age ${AGE_GROUPS[f.ageGroup]}`,
  ].filter(Boolean);
  return parts.length ? <p data-testid="doses-filters">Only doses with {parts.join('; ')}.</p> : null;
}

const STATUS: Record<string, string> = {
  inactive_moved: 'Moved or gone elsewhere',
  inactive_not_patient: 'Not a patient here',
  moved: 'Moved out of Connecticut',
  deceased: 'Deceased',
};

export function InactivePatientsPage() {
  const q = useQuery({
    queryKey: ['inactive-patients'],
    queryFn: () => api.get<InactivePatientsReport>('/api/reports/inactive-patients'),
    retry: false,
  });
  const error = q.error instanceof ApiError ? q.error : null;
  return (
    <>
      <h1>Inactive patients</h1>
      <ErrorSummary error={error} />
      {q.data && (
        <>
          <h2>
            {q.data.scope}: {q.data.patients.length} {q.data.level === 'clinic' ? 'inactive at the clinic' : 'moved away or deceased'}
          </h2>
          <ReportToolbar downloads={[{ href: '/api/reports/inactive-patients.csv' }]} />
          <StackedTable headers fullWidth testId="inactive-table">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Born</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {q.data.patients.map((p) => (
                <tr key={p.patientId}>
                  <th scope="row">
                    <Link to={`/patients/${p.patientId}`}>{p.name}</Link>
                  </th>
                  <td className="nutmeg-date">{p.dob}</td>
                  <td>{STATUS[p.status] ?? p.status}</td>
                  <td>{p.reason ?? ''}</td>
                  <td className="nutmeg-date">{p.since ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}

export function DataQualityPage() {
  const r = useRange('/reports/data-quality', {});
  const q = useQuery({
    queryKey: ['data-quality', r.query],
    queryFn: () => api.get<DataQualityReport>(`/api/reports/data-quality${r.query}`),
    retry: false,
  });
  const error = q.error instanceof ApiError ? q.error : null;
  return (
    <>
      <h1>Data quality</h1>
      <ErrorSummary error={error} />
      <ReportFilters onSubmit={r.submit}>
        <DateRangeFields from={r.form.from} to={r.form.to} onChange={(d) => r.setForm({ ...r.form, ...d })} error={error} />
      </ReportFilters>
      {q.data && (
        <>
          <h2>
            {q.data.scope}: doses entered from {q.data.from} to {q.data.to}
          </h2>
          <ReportToolbar downloads={[{ href: `/api/reports/data-quality.csv${r.query}` }]} />
          {q.data.checks.map((c) => (
            <section key={c.key} aria-labelledby={`check-${c.key}`} data-testid={`check-${c.key}`}>
              <h3 id={`check-${c.key}`}>
                {c.label}: {c.count}
              </h3>
              {c.items.length > 0 && (
                <StackedTable fullWidth>
                  <thead>
                    <tr>
                      <th scope="col">Patient</th>
                      <th scope="col">Dose date</th>
                      <th scope="col">Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.items.map((i) => (
                      <tr key={`${i.patientId}-${i.doseId ?? ''}`}>
                        <td>
                          <Link to={`/patients/${i.patientId}`}>
                            Open record<span className="usa-sr-only">: {i.detail}</span>
                          </Link>
                        </td>
                        <td className="nutmeg-date">{i.date ?? ''}</td>
                        <td>{i.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </StackedTable>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
