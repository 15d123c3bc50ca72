import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Label, Select, TextInput } from '@trussworks/react-uswds';
import type { Hl7Interface, Hl7InterfaceCredential, Hl7InterfaceList, Hl7InterfaceStatus } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';

const STATUSES: [Hl7InterfaceStatus, string][] = [
  ['onboarding', 'Onboarding'],
  ['testing', 'Testing (MSH-11 T only)'],
  ['production', 'Production'],
  ['inactive', 'Inactive'],
];

/** The interfaces (EHRs sending HL7): DPH registers them and moves them to production; coordinators see their clinic's. */
export function InterfacesPage() {
  const { can } = useSession();
  const admin = can('hl7:interfaces');
  const [credential, setCredential] = useState<Hl7InterfaceCredential | null>(null);
  const q = useQuery({ queryKey: ['hl7-interfaces'], queryFn: () => api.get<Hl7InterfaceList>('/api/hl7/interfaces') });
  return (
    <>
      <h1>HL7 interfaces</h1>
      <p>
        EHRs and organizations that send immunizations and queries to the registry. <Link to="/hl7/messages">Message log</Link>
      </p>
      {credential && (
        <Alert type="success" headingLevel="h2" heading={`Credentials for ${credential.interface.name}`} data-testid="hl7-credential">
          User name <code className="nutmeg-break">{credential.username}</code>, secret{' '}
          <code className="nutmeg-break">{credential.secret}</code>. Give them to the sender now: the secret is not shown again.
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the interfaces">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth striped headers testId="hl7-interfaces" caption={`${q.data.interfaces.length} interface(s)`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Sender (MSH-3 / MSH-4)</th>
              <th scope="col">Clinics</th>
              <th scope="col">Contact</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {q.data.interfaces.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td className="nutmeg-break">
                  {i.sendingApplication} / {i.sendingFacility}
                </td>
                <td>{i.clinics.map((c) => `${c.name} (${c.pin ?? '—'})`).join(', ')}</td>
                <td className="nutmeg-break">{[i.contactName, i.contactEmail, i.contactPhone].filter(Boolean).join(', ') || '—'}</td>
                <td>{admin ? <StatusControl item={i} onSecret={setCredential} /> : STATUSES.find(([s]) => s === i.status)?.[1]}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {admin && <RegisterForm onCreated={setCredential} />}
    </>
  );
}

function StatusControl({ item, onSecret }: { item: Hl7Interface; onSecret: (c: Hl7InterfaceCredential) => void }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await client.invalidateQueries({ queryKey: ['hl7-interfaces'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  return (
    <>
      <Label htmlFor={`status-${item.id}`} className="usa-sr-only">
        Status of {item.name}
      </Label>
      <Select
        id={`status-${item.id}`}
        name="status"
        value={item.status}
        onChange={(e) => void run(() => api.patch(`/api/hl7/interfaces/${item.id}`, { version: item.version, status: e.target.value }))}
      >
        {STATUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Button
        type="button"
        unstyled
        className="margin-top-1"
        onClick={() =>
          void run(async () =>
            onSecret(await api.post<Hl7InterfaceCredential>(`/api/hl7/interfaces/${item.id}/secret`, { version: item.version })),
          )
        }
      >
        Replace the secret
      </Button>
      {error && <p className="text-secondary-dark">{error}</p>}
    </>
  );
}

const EMPTY = {
  name: '',
  sendingApplication: '',
  sendingFacility: '',
  clinicPins: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

function RegisterForm({ onCreated }: { onCreated: (c: Hl7InterfaceCredential) => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const fieldError = (path: string) => error?.fields?.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body = { ...form, clinicPins: form.clinicPins.split(/[\s,]+/).filter(Boolean) };
      const created = await api.post<Hl7InterfaceCredential>('/api/hl7/interfaces', body);
      onCreated(created);
      setForm(EMPTY);
      await client.invalidateQueries({ queryKey: ['hl7-interfaces'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const field = (k: keyof typeof EMPTY, label: string, hint?: string) => (
    <Grid tablet={{ col: 6 }}>
      <Label htmlFor={`new-${k}`}>{label}</Label>
      {hint && <span className="usa-hint">{hint}</span>}
      <TextInput
        id={`new-${k}`}
        name={k}
        type="text"
        value={form[k]}
        onChange={set(k)}
        validationStatus={fieldError(k) ? 'error' : undefined}
      />
      {fieldError(k) && <span className="usa-error-message">{fieldError(k)}</span>}
    </Grid>
  );
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Register an interface">
      <h2>Register an interface</h2>
      {error && !error.fields?.length && (
        <Alert type="error" headingLevel="h3" heading="Not registered">
          {error.message}
        </Alert>
      )}
      <Grid row gap>
        {field('name', 'Name')}
        {field('clinicPins', 'Clinics (PINs)', 'The first is where doses go when a message names none of them, e.g. CT1001, CT1002')}
        {field('sendingApplication', 'Sending application (MSH-3)')}
        {field('sendingFacility', 'Sending facility (MSH-4)')}
        {field('contactName', 'Contact name')}
        {field('contactEmail', 'Contact e-mail')}
        {field('contactPhone', 'Contact phone')}
      </Grid>
      <Button type="submit">Register</Button>
    </Form>
  );
}
