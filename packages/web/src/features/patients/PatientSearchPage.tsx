import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Form, Grid, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary, Field } from '../accounts/form-fields';
import type { PatientSearchResults } from '@nutmeg/api-types';
import { codeLabel } from './code-options';
import { JURISDICTION_STATUS_LABEL } from './labels';
import { fullName } from './types';

const FIELDS = ['lastName', 'firstName', 'dob', 'sex', 'mothersMaidenName', 'guardianName', 'phone', 'zip', 'iisId', 'mrn'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Search before add: fuzzy search (typos, nicknames, hyphenated and swapped names, transposed DOB digits)
 * ranked by match score with the reasons; "Add patient" is offered only once a search has been run.
 */
export function PatientSearchPage() {
  const { search } = useLocation();
  const { can } = useSession();
  const initial = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? ''])) as Record<FieldName, string>;
  const [form, setForm] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const submitted = FIELDS.some((f) => search.get(f));
  // Sent as a JSON body (POST): the server never sees the criteria in a URL it could log.
  const criteria = Object.fromEntries(FIELDS.flatMap((f) => (search.get(f) ? [[f, search.get(f)!]] : [])));
  const query = qs(criteria);

  const results = useQuery({
    queryKey: ['patient-search', criteria],
    queryFn: () => api.post<PatientSearchResults>('/api/patients/search', criteria),
    enabled: submitted,
    retry: false,
  });

  const set = (k: FieldName) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    // Nothing typed: say what a search needs instead of doing nothing.
    const blank = FIELDS.every((f) => f === 'sex' || !form[f].trim());
    setEmpty(blank);
    if (!blank) navigate(`/patients${qs(form)}`);
  }
  const error = results.error instanceof ApiError ? results.error : null;

  return (
    <>
      <h1>Find a patient</h1>
      <p>
        Search by name and date of birth, or by phone, IIS id or medical record number. Spelling mistakes, nicknames and swapped digits are
        allowed.
      </p>
      <ErrorSummary error={error} />
      {empty && (
        <Alert type="info" headingLevel="h2" heading="What to search by" slim role="status" data-testid="empty-search">
          Enter a last name and a date of birth (a first name helps), or a phone number, an IIS id or your clinic’s MRN.
        </Alert>
      )}
      <Form onSubmit={submit} large role="search" aria-label="Patient search" className="maxw-full">
        <Fieldset legend="Patient" legendStyle="srOnly">
          <Grid row gap>
            <Grid tablet={{ col: 4 }}>
              <Field id="lastName" label="Last name">
                <TextInput id="lastName" name="lastName" type="text" value={form.lastName} onChange={set('lastName')} autoComplete="off" />
              </Field>
            </Grid>
            <Grid tablet={{ col: 4 }}>
              <Field id="firstName" label="First name">
                <TextInput
                  id="firstName"
                  name="firstName"
                  type="text"
                  value={form.firstName}
                  onChange={set('firstName')}
                  autoComplete="off"
                />
              </Field>
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <Field id="dob" label="Date of birth" error={error?.fieldMessage('dob')}>
                <input className="usa-input" id="dob" name="dob" type="date" value={form.dob} onChange={set('dob')} />
              </Field>
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <Field id="sex" label="Sex">
                <Select id="sex" name="sex" value={form.sex} onChange={set('sex')}>
                  <option value="">Any</option>
                  <option value="F">Female</option>
                  <option value="M">Male</option>
                  <option value="X">X</option>
                  <option value="U">Unknown</option>
                </Select>
              </Field>
            </Grid>
          </Grid>
          <details
            className="margin-top-2"
            open={!!(initial.mothersMaidenName || initial.guardianName || initial.phone || initial.zip || initial.iisId || initial.mrn)}
          >
            <summary>More search fields</summary>
            <Grid row gap>
              <Grid tablet={{ col: 4 }}>
                <Field id="mothersMaidenName" label="Mother’s maiden name">
                  <TextInput
                    id="mothersMaidenName"
                    name="mothersMaidenName"
                    type="text"
                    value={form.mothersMaidenName}
                    onChange={set('mothersMaidenName')}
                  />
                </Field>
              </Grid>
              <Grid tablet={{ col: 4 }}>
                <Field id="guardianName" label="Parent or guardian name">
                  <TextInput id="guardianName" name="guardianName" type="text" value={form.guardianName} onChange={set('guardianName')} />
                </Field>
              </Grid>
              <Grid tablet={{ col: 4 }}>
                <Field id="phone" label="Phone">
                  <TextInput id="phone" name="phone" type="tel" value={form.phone} onChange={set('phone')} />
                </Field>
              </Grid>
              <Grid tablet={{ col: 4 }}>
                <Field id="zip" label="ZIP code">
                  <TextInput id="zip" name="zip" type="text" inputMode="numeric" value={form.zip} onChange={set('zip')} />
                </Field>
              </Grid>
              <Grid tablet={{ col: 4 }}>
                <Field id="iisId" label="IIS id">
                  <TextInput id="iisId" name="iisId" type="text" value={form.iisId} onChange={set('iisId')} />
                </Field>
              </Grid>
              <Grid tablet={{ col: 4 }}>
                <Field id="mrn" label="Clinic MRN">
                  <TextInput id="mrn" name="mrn" type="text" value={form.mrn} onChange={set('mrn')} />
                </Field>
              </Grid>
            </Grid>
          </details>
        </Fieldset>
        <Button type="submit">Search</Button>
        <Button
          type="button"
          outline
          onClick={() => {
            setForm(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<FieldName, string>);
            setEmpty(false);
            navigate('/patients');
          }}
        >
          Clear
        </Button>
      </Form>

      {submitted && results.isLoading && <p>Searching…</p>}
      {results.data && (
        <section aria-labelledby="results-heading" className="margin-top-4">
          <h2 id="results-heading">
            {results.data.results.length === 0
              ? 'No matching patients'
              : `${results.data.results.length} possible match${results.data.results.length === 1 ? '' : 'es'}`}
          </h2>
          {results.data.results.length > 0 && (
            <StackedTable bordered fullWidth headers testId="search-results">
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Sex</th>
                  <th scope="col">Town</th>
                  <th scope="col">IIS id</th>
                  <th scope="col">Match</th>
                </tr>
              </thead>
              <tbody>
                {results.data.results.map((r) => (
                  <tr key={r.id} data-testid="search-result">
                    <th scope="row">
                      <Link to={`/patients/${r.id}`}>{fullName(r.name)}</Link>
                      {r.jurisdictionStatus !== 'active' && (
                        <Tag className="margin-left-1 bg-base">
                          {JURISDICTION_STATUS_LABEL[r.jurisdictionStatus] ?? r.jurisdictionStatus}
                        </Tag>
                      )}
                    </th>
                    <td className="nutmeg-date">{r.dob}</td>
                    <td>{codeLabel('sex', r.sex)}</td>
                    <td>{r.town ?? '—'}</td>
                    <td className="nutmeg-date">{r.iisId}</td>
                    <td>
                      <Tag
                        className={
                          r.classification === 'likely' ? 'bg-green' : r.classification === 'possible' ? 'bg-gold text-ink' : 'bg-base'
                        }
                      >
                        {r.score}
                      </Tag>{' '}
                      {r.summary}
                      <div className="font-body-3xs text-base">{r.reasons.join(' · ')}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          )}
          {can('patient:write') && (
            <Alert type="info" headingLevel="h3" slim>
              Not the right person?{' '}
              <Link to={`/patients/new${query}`} className="usa-button usa-button--outline margin-left-1" data-testid="add-patient">
                Add a new patient
              </Link>
            </Alert>
          )}
        </section>
      )}
    </>
  );
}
