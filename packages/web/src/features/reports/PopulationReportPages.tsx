import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Form, Grid, Select } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import type { DataQualityReport, DosesAdministeredReport, DosesBy, InactivePatientsReport } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { jurisdictionToday } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { ErrorSummary, Field } from '../accounts/form-fields';
import { ReportRunsPanel } from './ReportRunsPanel';

function Outputs({ csv }: { csv: string }) {
  return (
    <ButtonGroup className="no-print margin-y-2">
      <a className="usa-button usa-button--outline" href={csv} download>
        Download CSV
      </a>
      <Button type="button" outline onClick={() => window.print()}>
        Print
      </Button>
    </ButtonGroup>
  );
}

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

function RangeFields<F extends { from: string; to: string }>({
  form,
  setForm,
  error,
}: {
  form: F;
  setForm: (f: F) => void;
  error: ApiError | null;
}) {
  const set = setForm;
  return (
    <>
      <Grid tablet={{ col: 4 }}>
        <Field id="from" label="From" error={error?.fieldMessage('from')}>
          <input
            className="usa-input"
            id="from"
            name="from"
            type="date"
            value={form.from}
            onChange={(e) => set({ ...form, from: e.target.value })}
          />
        </Field>
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <Field id="to" label="To" error={error?.fieldMessage('to')}>
          <input
            className="usa-input"
            id="to"
            name="to"
            type="date"
            value={form.to}
            onChange={(e) => set({ ...form, to: e.target.value })}
          />
        </Field>
      </Grid>
    </>
  );
}

const BY: Record<DosesBy, string> = {
  vaccine: 'Vaccine',
  funding: 'Funding source',
  vfc: 'VFC eligibility',
  clinic: 'Clinic',
  age: 'Age group',
};

export function DosesAdministeredPage() {
  const r = useRange('/reports/doses-administered', { by: 'vaccine' });
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
      <Form onSubmit={r.submit} className="maxw-full no-print" aria-label="Report filters">
        <Grid row gap>
          <RangeFields form={r.form} setForm={r.setForm} error={error} />
          <Grid tablet={{ col: 4 }}>
            <Field id="by" label="By">
              <Select id="by" name="by" value={r.form.by} onChange={(e) => r.setForm({ ...r.form, by: e.target.value })}>
                {Object.entries(BY).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          </Grid>
        </Grid>
        <Button type="submit" className="margin-top-2">
          Show
        </Button>
      </Form>
      <ReportRunsPanel kind="doses_administered" params={Object.fromEntries(new URLSearchParams(r.query))} />
      {q.data && (
        <>
          <h2>
            {q.data.scope}: {q.data.total} doses from {q.data.from} to {q.data.to}
          </h2>
          <Outputs csv={`/api/reports/doses-administered.csv${r.query}`} />
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
          <Outputs csv="/api/reports/inactive-patients.csv" />
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
      <Form onSubmit={r.submit} className="maxw-full no-print" aria-label="Report filters">
        <Grid row gap>
          <RangeFields form={r.form} setForm={r.setForm} error={error} />
        </Grid>
        <Button type="submit" className="margin-top-2">
          Show
        </Button>
      </Form>
      {q.data && (
        <>
          <h2>
            {q.data.scope}: doses entered from {q.data.from} to {q.data.to}
          </h2>
          <Outputs csv={`/api/reports/data-quality.csv${r.query}`} />
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
