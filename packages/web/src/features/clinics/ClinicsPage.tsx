import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import type { ClinicListPage } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { formatDateTime, jurisdictionToday } from '../../dates';
import { PROGRAM_LABELS, STATUS_LABELS } from './agreement-labels';
import { CLINIC_TYPE_LABELS, ENROLMENT_LABELS } from './profile-labels';

const FILTERS = ['type', 'town', 'enrolment', 'agreement', 'status', 'year', 'renewal'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

// Program years DPH can look at: the last two, this one and the next (agreements are drafted a year ahead at most).
const THIS_YEAR = Number(jurisdictionToday().slice(0, 4));
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];

function qs(f: Filters): string {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) p.set(k, f[k]);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** DPH: every clinic with its type, town, enrolment and this year's agreements; filters and a CSV export. */
export function ClinicsPage() {
  const { can } = useSession();
  const { search } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
  const [form, setForm] = useState<Filters>(applied);
  const q = useQuery({ queryKey: ['clinics', qs(applied)], queryFn: () => api.get<ClinicListPage>(`/api/clinics${qs(applied)}`) });
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/clinics${qs(form)}`);
  }
  const select = (
    k: 'type' | 'enrolment' | 'agreement' | 'status' | 'year' | 'renewal',
    label: string,
    options: Record<string, string>,
    any = 'Any',
  ) => (
    <Grid tablet={{ col: 3 }}>
      <Label htmlFor={`filter-${k}`}>{label}</Label>
      <Select id={`filter-${k}`} name={k} value={form[k]} onChange={set(k)}>
        <option value="">{any}</option>
        {Object.entries(options).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Grid>
  );

  return (
    <>
      <h1>Clinics</h1>
      {can('clinic:enrol') && (
        <p>
          <Link to="/clinics/enrol" className="usa-button">
            Enrol a clinic
          </Link>
        </p>
      )}
      <Form onSubmit={submit} className="maxw-none" aria-label="Filter the clinics">
        <Grid row gap>
          {select('type', 'Type', CLINIC_TYPE_LABELS)}
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="filter-town">Town</Label>
            <TextInput id="filter-town" name="town" type="text" value={form.town} onChange={set('town')} />
          </Grid>
          {select('enrolment', 'Enrolment', ENROLMENT_LABELS)}
          {select('agreement', 'The year’s CVP agreement', { none: 'None drafted', ...STATUS_LABELS })}
          {select('status', 'Clinics', { inactive: 'Deactivated only', all: 'Active and deactivated' })}
          {select(
            'year',
            'Program year',
            Object.fromEntries(YEARS.filter((y) => y !== THIS_YEAR).map((y) => [String(y), String(y)])),
            `${THIS_YEAR} (this year)`,
          )}
          {select('renewal', 'Renewal', { not_renewed: 'Not renewed for the year' })}
        </Grid>
        <Button type="submit">Show clinics</Button>
      </Form>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the clinics">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <p>
            <a className="usa-link" href={`/api/clinics/export.csv${qs(applied)}`} download="clinics.csv">
              Download these {q.data.total} clinics as CSV
            </a>
          </p>
          <StackedTable
            fullWidth
            striped
            headers
            caption={`${q.data.total} clinic${q.data.total === 1 ? '' : 's'}; agreements of ${q.data.year}`}
          >
            <thead>
              <tr>
                <th scope="col">Clinic</th>
                <th scope="col">Type</th>
                <th scope="col">Town</th>
                <th scope="col">Enrolment</th>
                <th scope="col">CVP agreement</th>
                <th scope="col">COVID-19 agreement</th>
                <th scope="col">Renewal</th>
              </tr>
            </thead>
            <tbody>
              {q.data.clinics.map((c) => (
                <tr key={c.id} data-testid={`clinic-${c.pin}`}>
                  <th scope="row">
                    <Link to={`/clinic/profile?organizationId=${c.id}`}>{c.name}</Link>{' '}
                    {!c.active && <Tag className="bg-base">Deactivated</Tag>}
                    <div className="font-body-3xs">
                      {c.pin} · <Link to={`/clinic/agreements?organizationId=${c.id}`}>agreements</Link> ·{' '}
                      <Link to={`/clinic/storage-units?organizationId=${c.id}`}>storage units</Link> ·{' '}
                      <Link to={`/clinic/staff?organizationId=${c.id}`}>staff</Link>
                    </div>
                  </th>
                  <td>{c.clinicType ? (CLINIC_TYPE_LABELS[c.clinicType] ?? c.clinicType) : '—'}</td>
                  <td>{c.town ?? '—'}</td>
                  <td>{ENROLMENT_LABELS[c.enrolment]}</td>
                  <td>{c.agreements.cvp ? STATUS_LABELS[c.agreements.cvp] : 'None'}</td>
                  <td>{c.agreements.covid19 ? STATUS_LABELS[c.agreements.covid19] : 'None'}</td>
                  <td data-testid={`renewal-${c.pin}`}>
                    {c.renewal.due.length
                      ? `Not renewed: ${c.renewal.due.map((p) => PROGRAM_LABELS[p]).join(', ')}`
                      : 'Renewed or not taking part'}
                    {c.renewal.notices.length > 0 && (
                      <div className="font-body-3xs">
                        Last reminded{' '}
                        <span className="nutmeg-date">{formatDateTime(c.renewal.notices[c.renewal.notices.length - 1]!.sentAt)}</span>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}
