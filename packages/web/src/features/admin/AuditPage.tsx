import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import type { AuditChainCheck, AuditLogPage } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { formatDateTime } from '../../dates';
import { BulkLookupsPanel } from './BulkLookupsPanel';

const FILTERS = ['actor', 'action', 'patientId', 'from', 'to', 'outcome'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** DPH: the hash-chained audit log with filters, and a check that the chain is unbroken. */
export function AuditPage() {
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
  const page = Number(search.get('page') ?? 1) || 1;
  const [form, setForm] = useState<Filters>(current);
  const [chain, setChain] = useState<AuditChainCheck | null>(null);
  const [chainError, setChainError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['audit', current, page],
    queryFn: () => api.get<AuditLogPage>(`/api/audit${qs({ ...current, page })}`),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/admin/audit${qs(form)}`);
  }
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  async function verify() {
    setChainError(null);
    try {
      setChain(await api.get<AuditChainCheck>('/api/audit/verify'));
    } catch (err) {
      setChainError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }

  return (
    <>
      <h1>Audit log</h1>
      <BulkLookupsPanel />
      <Form onSubmit={submit} className="maxw-none" aria-label="Filter the audit log">
        <Grid row gap>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="actor">Username</Label>
            <TextInput id="actor" name="actor" type="text" value={form.actor} onChange={set('actor')} />
          </Grid>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="action" hint=" e.g. login, patient.view">
              Action
            </Label>
            <TextInput id="action" name="action" type="text" value={form.action} onChange={set('action')} />
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Label htmlFor="patientId">Patient id</Label>
            <TextInput id="patientId" name="patientId" type="text" value={form.patientId} onChange={set('patientId')} />
          </Grid>
          <Grid tablet={{ col: 2 }}>
            <Label htmlFor="outcome">Outcome</Label>
            <Select id="outcome" name="outcome" value={form.outcome} onChange={set('outcome')}>
              <option value="">Any</option>
              <option value="success">Success</option>
              <option value="failure">Failure</option>
              <option value="denied">Denied</option>
            </Select>
          </Grid>
        </Grid>
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-3">
            <Label htmlFor="from">From (date)</Label>
            <input className="usa-input" id="from" name="from" type="date" value={form.from} onChange={set('from')} />
          </div>
          <div className="tablet:grid-col-3">
            <Label htmlFor="to">To (date, inclusive)</Label>
            <input className="usa-input" id="to" name="to" type="date" value={form.to} onChange={set('to')} />
          </div>
        </div>
        <Button type="submit">Filter</Button>
        <Button type="button" outline onClick={() => void verify()}>
          Verify the chain
        </Button>
      </Form>
      {chain && (
        <Alert
          type={chain.ok ? 'success' : 'error'}
          headingLevel="h2"
          heading={chain.ok ? 'The audit chain is intact' : 'The audit chain is broken'}
          data-testid="chain-result"
        >
          {chain.ok
            ? `${chain.checked} entries checked.`
            : `${chain.problem ?? `Entry #${chain.brokenAt} does not follow from the entries before it.`} ${chain.checked} entries checked before it.`}
        </Alert>
      )}
      {chainError && (
        <Alert type="error" headingLevel="h2" heading="Verification failed">
          {chainError}
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the audit log">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth striped compact caption={`${q.data.total} entr${q.data.total === 1 ? 'y' : 'ies'}, newest first`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {q.data.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td className="nutmeg-date">{formatDateTime(e.at)}</td>
                <td>
                  {e.actorUsername ?? '—'}
                  {e.ip && <div className="font-body-3xs text-base-dark">from {e.ip}</div>}
                </td>
                <th scope="row">
                  {e.action}
                  {e.outcome !== 'success' && <Tag className="margin-left-1 bg-secondary-dark">{e.outcome}</Tag>}
                </th>
                <td className="font-mono-3xs nutmeg-break">
                  {e.patientId ? `patient ${e.patientId}` : e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—'}
                </td>
                <td className="font-mono-3xs nutmeg-break">
                  {Object.entries(e.detail)
                    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {q.data && q.data.total > q.data.pageSize && (
        <p>
          {page > 1 && <Link to={`/admin/audit${qs({ ...current, page: page - 1 })}`}>Newer entries</Link>}{' '}
          {page * q.data.pageSize < q.data.total && <Link to={`/admin/audit${qs({ ...current, page: page + 1 })}`}>Older entries</Link>}
        </p>
      )}
    </>
  );
}
