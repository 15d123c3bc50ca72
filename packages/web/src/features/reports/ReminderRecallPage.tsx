import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Form, Grid, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CohortList, NotificationsRecorded, ReminderList } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { ReportToolbar } from '../../components/ReportToolbar';
import { StackedTable } from '../../components/StackedTable';
import { jurisdictionToday } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary, Field } from '../accounts/form-fields';
import { useVaccineGroups } from '../recommender/catalog';
import { ClinicPicker } from './ClinicPicker';
import { PdfDownload } from './PdfDownload';
import { criteriaFromSearch, criteriaQuery, defaultCriteria, formFromSaved, type CriteriaForm } from './criteria';

const PATH = '/reports/reminder-recall';

function CriteriaFields({ form, setForm, error }: { form: CriteriaForm; setForm: (f: CriteriaForm) => void; error: ApiError | null }) {
  const groups = useVaccineGroups();
  const set = (k: keyof CriteriaForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const toggle = (g: string) =>
    setForm({
      ...form,
      vaccineGroups: form.vaccineGroups.includes(g) ? form.vaccineGroups.filter((x) => x !== g) : [...form.vaccineGroups, g],
    });
  return (
    <>
      <Grid row gap>
        <Grid tablet={{ col: 3 }}>
          <Field id="ageFromMonths" label="Age from (months)" error={error?.fieldMessage('ageFromMonths')}>
            <TextInput
              id="ageFromMonths"
              name="ageFromMonths"
              type="number"
              min={0}
              value={form.ageFromMonths}
              onChange={set('ageFromMonths')}
            />
          </Field>
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id="ageToMonths" label="Age to (months)" error={error?.fieldMessage('ageToMonths')}>
            <TextInput id="ageToMonths" name="ageToMonths" type="number" min={0} value={form.ageToMonths} onChange={set('ageToMonths')} />
          </Field>
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id="windowFrom" label="Window from" error={error?.fieldMessage('windowFrom')}>
            <input
              className="usa-input"
              id="windowFrom"
              name="windowFrom"
              type="date"
              value={form.windowFrom}
              onChange={set('windowFrom')}
            />
          </Field>
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id="windowTo" label="Window to" error={error?.fieldMessage('windowTo')}>
            <input className="usa-input" id="windowTo" name="windowTo" type="date" value={form.windowTo} onChange={set('windowTo')} />
          </Field>
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <Field id="status" label="Patients who are">
            <Select id="status" name="status" value={form.status} onChange={set('status')}>
              <option value="both">Due or overdue</option>
              <option value="due">Due in the window</option>
              <option value="overdue">Overdue by the end of the window</option>
            </Select>
          </Field>
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <Field id="population" label="Patients of the clinic">
            <Select id="population" name="population" value={form.population} onChange={set('population')}>
              <option value="owned_or_active">Owned or active at the clinic</option>
              <option value="owned">Owned by the clinic (medical home)</option>
            </Select>
          </Field>
        </Grid>
      </Grid>
      <Fieldset legend="Vaccine groups" className="margin-top-2" data-testid="vaccine-groups">
        {error?.fieldMessage('vaccineGroups') && <span className="usa-error-message">{error.fieldMessage('vaccineGroups')}</span>}
        <Grid row gap>
          {(groups.data ?? []).map((g) => (
            <Grid key={g} mobileLg={{ col: 6 }} tablet={{ col: 4 }}>
              <Checkbox
                id={`group-${g}`}
                name="vaccineGroups"
                label={g}
                checked={form.vaccineGroups.includes(g)}
                onChange={() => toggle(g)}
              />
            </Grid>
          ))}
        </Grid>
      </Fieldset>
    </>
  );
}

function Cohorts({ current, organizationId }: { current: CriteriaForm | null; organizationId?: string | undefined }) {
  const client = useQueryClient();
  const cohorts = useQuery({
    queryKey: ['cohorts', organizationId],
    queryFn: () => api.get<CohortList>(`/api/reports/cohorts${qs({ organizationId })}`),
    retry: false,
  });
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post('/api/reports/cohorts', {
        name,
        criteria: { ...current!, ageFromMonths: Number(current!.ageFromMonths), ageToMonths: Number(current!.ageToMonths) },
      }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['cohorts'] });
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <section aria-labelledby="cohorts-heading" className="margin-top-4">
      <h2 id="cohorts-heading">Saved cohorts</h2>
      {cohorts.data?.cohorts.length ? (
        <ul className="usa-list" data-testid="cohort-list">
          {cohorts.data.cohorts.map((c) => (
            <li key={c.id}>
              <Link to={`${PATH}${criteriaQuery(formFromSaved(c.criteria))}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No saved cohorts yet.</p>
      )}
      {current && (
        <Form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
          className="maxw-full"
        >
          <Field id="cohortName" label="Save these criteria as a cohort named" error={error?.fieldMessage('name') ?? error?.message}>
            <TextInput id="cohortName" name="cohortName" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Button type="submit" disabled={save.isPending}>
            Save cohort
          </Button>
          {save.isSuccess && (
            <Alert type="success" slim headingLevel="h3" role="status">
              Cohort saved.
            </Alert>
          )}
        </Form>
      )}
    </section>
  );
}

function RecordNotified({ list }: { list: ReminderList }) {
  const client = useQueryClient();
  const [method, setMethod] = useState<'letter' | 'phone' | 'email' | 'text'>('letter');
  const [on, setOn] = useState(jurisdictionToday());
  // Letters reach only those with a complete address; a call or message reaches anyone listed.
  const ids = list.patients.filter((p) => method !== 'letter' || p.addressProblem === null).map((p) => p.patientId);
  const groups = [...new Set(list.patients.flatMap((p) => p.due.map((d) => d.vaccineGroup)))];
  const record = useMutation({
    mutationFn: () =>
      api.post<NotificationsRecorded>('/api/reports/notifications', {
        patientIds: ids,
        method,
        on,
        vaccineGroups: groups,
        organizationId: list.clinic.id,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reminder-recall'] }),
  });
  const error = record.error instanceof ApiError ? record.error : null;
  return (
    <Form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        record.mutate();
      }}
      className="maxw-full no-print"
    >
      <Fieldset legend="Record that notices went out">
        <Grid row gap>
          <Grid tablet={{ col: 6 }}>
            <Field id="method" label="How">
              <Select id="method" name="method" value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
                <option value="letter">Letter (patients with a complete address)</option>
                <option value="phone">Phone call</option>
                <option value="email">E-mail</option>
                <option value="text">Text message</option>
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 6 }}>
            <Field id="notifiedOn" label="On" error={error?.fieldMessage('on')}>
              <input
                className="usa-input"
                id="notifiedOn"
                name="notifiedOn"
                type="date"
                value={on}
                onChange={(e) => setOn(e.target.value)}
              />
            </Field>
          </Grid>
        </Grid>
        <Button type="submit" disabled={record.isPending || ids.length === 0} className="margin-top-2">
          Record {ids.length} notified
        </Button>
        {error && <span className="usa-error-message">{error.message}</span>}
        {record.data && (
          <Alert type="success" slim headingLevel="h3" role="status" data-testid="notified">
            Recorded {record.data.recorded} notices.
          </Alert>
        )}
      </Fieldset>
    </Form>
  );
}

function Results({ list, query }: { list: ReminderList; query: string }) {
  const flagged = list.patients.filter((p) => p.addressProblem).length;
  // A large file's run takes the criteria the list was run with (the clinic included).
  const runParams: Record<string, unknown> = { ...list.criteria, organizationId: list.clinic.id };
  return (
    <section aria-labelledby="results-heading" className="margin-top-4">
      <h2 id="results-heading">
        {list.patients.length} patients of {list.clinic.name} due or overdue
      </h2>
      <p>
        Run on {list.runOn}. {flagged > 0 && `${flagged} without a complete mailing address (no letter or label is printed for them). `}
        {list.notStoredToday > 0 && `${list.notStoredToday} forecasts are being refreshed.`}
      </p>
      <ReportToolbar downloads={[{ href: `/api/reports/reminder-recall.csv${query}`, label: 'Call list (CSV)' }]}>
        <Link className="usa-button usa-button--outline" to={`${PATH}/call-list${query}`}>
          Call list (print)
        </Link>
        <PdfDownload
          list={list}
          kind="letters"
          href={`/api/reports/reminder-recall/letters.pdf${query}&language=en`}
          label="Letters (English)"
          testId="letters-en"
          params={{ ...runParams, language: 'en' }}
        />
        <PdfDownload
          list={list}
          kind="letters"
          href={`/api/reports/reminder-recall/letters.pdf${query}&language=es`}
          label="Letters (Spanish)"
          testId="letters-es"
          params={{ ...runParams, language: 'es' }}
        />
        <PdfDownload
          list={list}
          kind="labels"
          href={`/api/reports/reminder-recall/labels.pdf${query}`}
          label="Mailing labels (Avery 5160)"
          testId="labels"
          params={runParams}
        />
      </ReportToolbar>
      <StackedTable headers fullWidth testId="reminder-results">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Born</th>
            <th scope="col">Due</th>
            <th scope="col">Address</th>
            <th scope="col">Phone</th>
            <th scope="col">Last notified</th>
          </tr>
        </thead>
        <tbody>
          {list.patients.map((p) => (
            <tr key={p.patientId}>
              <th scope="row">
                <Link to={`/patients/${p.patientId}`}>{p.name}</Link>
              </th>
              <td className="nutmeg-date">{p.dob}</td>
              <td>
                {p.due.map((d) => (
                  <div key={d.vaccineGroup}>
                    {d.vaccineGroup}
                    {d.doseNumber ? ` dose ${d.doseNumber}` : ''}: {d.status === 'overdue' ? 'overdue since ' : 'due '}
                    <span className="nutmeg-date">{d.status === 'overdue' ? d.pastDueDate : d.recommendedDate}</span>
                  </div>
                ))}
              </td>
              <td>
                {p.address.join(', ')}
                {p.addressProblem && (
                  <Tag className="bg-secondary-dark margin-left-1">
                    {p.addressProblem === 'missing' ? 'No address' : 'Incomplete address'}
                  </Tag>
                )}
              </td>
              <td>{p.phone ?? ''}</td>
              <td>
                {p.lastNotified && (
                  <>
                    <span className="nutmeg-date">{p.lastNotified.on}</span> ({p.lastNotified.method})
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
      {list.patients.length > 0 && <RecordNotified list={list} />}
    </section>
  );
}

/** Reminder/recall for the clinic the user acts for: criteria in the URL, the list, its outputs, cohorts. */
export function ReminderRecallPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const current = criteriaFromSearch(search);
  const [form, setForm] = useState<CriteriaForm>(current ?? defaultCriteria());
  const query = current ? criteriaQuery(current) : '';
  const list = useQuery({
    queryKey: ['reminder-recall', query],
    queryFn: () => api.get<ReminderList>(`/api/reports/reminder-recall${query}`),
    enabled: !!current,
    retry: false,
  });
  const error = list.error instanceof ApiError ? list.error : null;
  const statewide = me?.activeScope?.accessType === 'dph';
  if (me?.activeScope?.organizationKind !== 'clinic' && !statewide) {
    return (
      <>
        <h1>Reminder/recall</h1>
        <Alert type="info" headingLevel="h2" heading="For clinics" slim>
          Reminder/recall lists a clinic’s own patients: sign in for a clinic to run it.
        </Alert>
      </>
    );
  }
  return (
    <>
      <h1>Reminder/recall</h1>
      <p className="no-print">
        {statewide ? 'Patients of the clinic you choose' : `Patients of ${me?.activeScope?.organizationName ?? ''}`} due or overdue for the
        vaccines you choose, from their stored forecasts.
      </p>
      <ErrorSummary error={error} />
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          navigate(`${PATH}${criteriaQuery(form)}`);
        }}
        large
        className="maxw-full no-print"
        aria-label="Reminder/recall criteria"
      >
        {statewide && (
          <ClinicPicker value={form.organizationId} onChange={(organizationId) => setForm({ ...form, organizationId })} error={error} />
        )}
        <CriteriaFields form={form} setForm={setForm} error={error} />
        <Button type="submit" className="margin-top-2">
          Run
        </Button>
      </Form>
      {list.isLoading && <p role="status">Listing patients…</p>}
      {list.data && <Results list={list.data} query={query} />}
      <div className="no-print">
        {(!statewide || current?.organizationId) && (
          <Cohorts current={current} organizationId={statewide ? current?.organizationId : undefined} />
        )}
      </div>
    </>
  );
}
