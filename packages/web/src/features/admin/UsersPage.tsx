import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { formatDateTime } from '../../dates';
import type { RequestOptions, UserList } from '@nutmeg/api-types';

const FILTERS = ['q', 'pin', 'accessType', 'status'] as const;

/** DPH: find users by name, username, e-mail, organization, access type and status. */
export function UsersPage() {
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const page = Number(search.get('page') ?? 1) || 1;
  const [form, setForm] = useState(current);
  const options = useQuery({
    queryKey: ['account-request-options'],
    queryFn: () => api.get<RequestOptions>('/api/account-requests/options'),
  });
  const q = useQuery({
    queryKey: ['users', current, page],
    queryFn: () => api.get<UserList>(`/api/users${qs({ ...current, page })}`),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/admin/users${qs(form)}`);
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <>
      <h1>Users</h1>
      <Form onSubmit={submit} className="maxw-none" aria-label="Find users">
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <Label htmlFor="q">Name, username or e-mail</Label>
            <TextInput id="q" name="q" type="text" value={form.q} onChange={set('q')} />
          </Grid>
          <Grid tablet={{ col: 2 }}>
            <Label htmlFor="pin">PIN or code</Label>
            <TextInput id="pin" name="pin" type="text" value={form.pin} onChange={set('pin')} />
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Label htmlFor="accessType">Access type</Label>
            <Select id="accessType" name="accessType" value={form.accessType} onChange={set('accessType')}>
              <option value="">Any</option>
              {options.data?.accessTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Grid>
          <Grid tablet={{ col: 2 }}>
            <Label htmlFor="status">Status</Label>
            <Select id="status" name="status" value={form.status} onChange={set('status')}>
              <option value="">Any</option>
              <option value="active">Active</option>
              <option value="inactive">Inactive</option>
            </Select>
          </Grid>
        </Grid>
        <Button type="submit">Search</Button>
      </Form>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Search failed">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth striped headers caption={`${q.data.total} user${q.data.total === 1 ? '' : 's'}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Access</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {q.data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/users/${u.id}`}>
                    {u.lastName}, {u.firstName}
                  </Link>
                  <div className="font-body-3xs">{u.email}</div>
                </th>
                <td>{u.username}</td>
                <td>
                  {u.memberships.map((m) => (
                    <div key={m.id}>
                      {m.organizationName} ({m.pin}) — {m.accessTypeLabel}
                    </div>
                  ))}
                  {u.dphRoles.length > 0 && <div className="font-body-3xs">Roles: {u.dphRoles.map((r) => r.label).join(', ')}</div>}
                </td>
                <td>
                  {u.status === 'active' ? <Tag className="bg-green">active</Tag> : <Tag className="bg-secondary-dark">inactive</Tag>}{' '}
                  {u.locked && <Tag>locked</Tag>} {!u.mfaEnrolled && <Tag>no MFA</Tag>}
                </td>
                <td className="nutmeg-date">{formatDateTime(u.lastLoginAt)}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {q.data && q.data.total > q.data.pageSize && (
        <p>
          {page > 1 && <Link to={`/admin/users${qs({ ...current, page: page - 1 })}`}>Previous page</Link>}{' '}
          {page * q.data.pageSize < q.data.total && <Link to={`/admin/users${qs({ ...current, page: page + 1 })}`}>Next page</Link>}
        </p>
      )}
    </>
  );
}
