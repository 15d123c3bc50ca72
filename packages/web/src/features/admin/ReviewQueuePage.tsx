import { useQuery } from '@tanstack/react-query';
import { Alert, Label, Select, Tag } from '@trussworks/react-uswds';
import { api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { formatDateTime } from '../../dates';
import type { AccountRequestList } from '@nutmeg/api-types';

const STATUSES = ['pending', 'approved', 'denied'] as const;

export function StatusTag({ status }: { status: string }) {
  const cls = status === 'approved' ? 'bg-green' : status === 'denied' ? 'bg-secondary-dark' : 'bg-accent-warm-dark';
  return <Tag className={cls}>{status}</Tag>;
}

/** DPH: account requests waiting for review (or decided ones, by status). */
export function ReviewQueuePage() {
  const { search } = useLocation();
  const status = (STATUSES as readonly string[]).includes(search.get('status') ?? '') ? search.get('status')! : 'pending';
  const page = Number(search.get('page') ?? 1) || 1;
  const q = useQuery({
    queryKey: ['account-requests', status, page],
    queryFn: () => api.get<AccountRequestList>(`/api/account-requests${qs({ status, page })}`),
  });

  return (
    <>
      <h1>Account requests</h1>
      <div className="maxw-mobile-lg margin-bottom-2">
        <Label htmlFor="status-filter">Show</Label>
        <Select
          id="status-filter"
          name="status"
          value={status}
          onChange={(e) => navigate(`/admin/account-requests${qs({ status: e.target.value })}`)}
        >
          <option value="pending">Waiting for review</option>
          <option value="approved">Approved</option>
          <option value="denied">Denied</option>
        </Select>
      </div>
      {q.isLoading && <p>Loading…</p>}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the requests">
          {q.error.message}
        </Alert>
      )}
      {q.data && q.data.requests.length === 0 && <p data-testid="queue-empty">No {status} requests.</p>}
      {q.data && q.data.requests.length > 0 && (
        <StackedTable fullWidth striped caption={`${q.data.total} ${status} request${q.data.total === 1 ? '' : 's'}`}>
          <thead>
            <tr>
              <th scope="col">Requested by</th>
              <th scope="col">Access type</th>
              <th scope="col">Organizations</th>
              <th scope="col">Submitted</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {q.data.requests.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/admin/account-requests/${r.id}`}>
                    {r.firstName} {r.lastName}
                  </Link>
                  <div className="font-body-3xs">{r.email}</div>
                </th>
                <td>{r.accessTypeLabel}</td>
                <td>{r.organizations.map((o) => `${o.name} (${o.pin})`).join('; ')}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  <StatusTag status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {q.data && q.data.total > q.data.pageSize && (
        <p>
          {page > 1 && <Link to={`/admin/account-requests${qs({ status, page: page - 1 })}`}>Previous page</Link>}{' '}
          {page * q.data.pageSize < q.data.total && <Link to={`/admin/account-requests${qs({ status, page: page + 1 })}`}>Next page</Link>}
        </p>
      )}
    </>
  );
}
