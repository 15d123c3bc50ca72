import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Grid, Label, Select, TextInput } from '@trussworks/react-uswds';
import type { Hl7InterfaceList, Hl7MessageList } from '@nutmeg/api-types';
import { api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { MessageStatus, STATUS_OPTIONS } from './status';

const FILTERS = ['interfaceId', 'status', 'errorsOnly', 'patientId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The message log: DPH sees every interface, a coordinator their clinic's. "Errors only" is the error queue. */
export function MessagesPage() {
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
  const [form, setForm] = useState(current);
  const interfaces = useQuery({ queryKey: ['hl7-interfaces'], queryFn: () => api.get<Hl7InterfaceList>('/api/hl7/interfaces') });
  const q = useQuery({ queryKey: ['hl7-messages', current], queryFn: () => api.get<Hl7MessageList>(`/api/hl7/messages${qs(current)}`) });
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/hl7/messages${qs(form)}`);
  }
  return (
    <>
      <h1>HL7 message log</h1>
      <p>
        Messages received from EHR interfaces, newest first, with the answer the registry sent. <Link to="/hl7/interfaces">Interfaces</Link>{' '}
        · <Link to="/hl7/quality">Data quality</Link>
      </p>
      <Form onSubmit={submit} className="maxw-none" aria-label="Search messages">
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <Label htmlFor="interfaceId">Interface</Label>
            <Select id="interfaceId" name="interfaceId" value={form.interfaceId} onChange={set('interfaceId')}>
              <option value="">Any</option>
              {interfaces.data?.interfaces.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </Select>
          </Grid>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="status">Status</Label>
            <Select id="status" name="status" value={form.status} onChange={set('status')}>
              <option value="">Any</option>
              {STATUS_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Grid>
          <Grid tablet={{ col: 5 }}>
            <Label htmlFor="patientId">Patient (record id)</Label>
            <TextInput id="patientId" name="patientId" type="text" value={form.patientId} onChange={set('patientId')} />
          </Grid>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="from">Received from</Label>
            <input className="usa-input" id="from" name="from" type="date" value={form.from} onChange={set('from')} />
          </Grid>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="to">Received to</Label>
            <input className="usa-input" id="to" name="to" type="date" value={form.to} onChange={set('to')} />
          </Grid>
          <Grid tablet={{ col: 6 }} className="padding-top-4">
            <Checkbox
              id="errorsOnly"
              name="errorsOnly"
              label="Errors only (the error queue)"
              checked={form.errorsOnly === 'true'}
              onChange={(e) => setForm((f) => ({ ...f, errorsOnly: e.target.checked ? 'true' : '' }))}
            />
          </Grid>
        </Grid>
        <Button type="submit">Search</Button>
      </Form>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the messages">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable
          fullWidth
          striped
          headers
          testId="hl7-messages"
          caption={`${q.data.messages.length} message${q.data.messages.length === 1 ? '' : 's'}`}
        >
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Interface</th>
              <th scope="col">Type</th>
              <th scope="col">Control id</th>
              <th scope="col">Status</th>
              <th scope="col">Errors / warnings</th>
            </tr>
          </thead>
          <tbody>
            {q.data.messages.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/hl7/messages/${m.id}`}>{formatDateTime(m.receivedAt)}</Link>
                </th>
                <td>{m.interfaceName ?? '—'}</td>
                <td>
                  {m.messageType ?? 'unreadable'}
                  {m.processingId === 'T' ? ' (test)' : ''}
                </td>
                <td className="nutmeg-break">{m.controlId ?? '—'}</td>
                <td>
                  <MessageStatus status={m.status} />
                </td>
                <td>
                  {m.errorCount} / {m.warningCount}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
