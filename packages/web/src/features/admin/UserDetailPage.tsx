import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Checkbox, Fieldset, Form, Grid, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary, Facts } from '../accounts/form-fields';
import { formatDateTime } from '../../dates';
import type { RequestOptions, UserDetail } from '@nutmeg/api-types';

/** DPH: one user — memberships, DPH roles, deactivate/reactivate, reset MFA, reset the password (the owner gets a link). */
export function UserDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const { me } = useSession();
  const q = useQuery({ queryKey: ['user', id], queryFn: () => api.get<UserDetail>(`/api/users/${id}`) });
  const options = useQuery({
    queryKey: ['account-request-options'],
    queryFn: () => api.get<RequestOptions>('/api/account-requests/options'),
  });
  const [pin, setPin] = useState('');
  const [accessType, setAccessType] = useState('');
  const [roles, setRoles] = useState<string[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (q.isLoading) return <p>Loading…</p>;
  if (!q.data)
    return (
      <Alert type="error" headingLevel="h2" heading="User not found">
        {q.error?.message}
      </Alert>
    );
  const u = q.data;
  const self = me?.user.id === u.id;
  const isAdmin = me?.user.dphRoles.includes('administrator') ?? false;
  const hasDph = u.memberships.some((m) => m.active && m.accessType === 'dph');
  const shownRoles = roles ?? u.dphRoles.map((r) => r.role);

  async function run(message: string, call: () => Promise<unknown>) {
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(message);
      await qc.invalidateQueries({ queryKey: ['user', id] });
      await qc.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  function addMembership(e: FormEvent) {
    e.preventDefault();
    void run('Membership added.', async () => {
      await api.post(`/api/users/${id}/memberships`, { pin, accessType });
      setPin('');
    });
  }

  return (
    <>
      <p>
        <Link to="/admin/users">← Users</Link>
      </p>
      <h1>
        {u.firstName} {u.lastName} <span className="text-normal">({u.username})</span>
      </h1>
      <p>
        {u.status === 'active' ? (
          <Tag className="bg-green">active</Tag>
        ) : (
          <Tag className="bg-secondary-dark">inactive since {formatDateTime(u.deactivatedAt)}</Tag>
        )}{' '}
        {u.mfaEnrolled ? <Tag>MFA set up</Tag> : <Tag>MFA not set up</Tag>} {u.passwordTemporary && <Tag>temporary password</Tag>}{' '}
        {u.locked && <Tag>locked</Tag>}
      </p>
      {done && (
        <Alert type="success" headingLevel="h2" heading="Saved" slim data-testid="user-action-done">
          {done}
        </Alert>
      )}
      <ErrorSummary error={error} />
      <Facts
        items={[
          ['E-mail', u.email],
          ['Phone', u.phone ?? '—'],
          ['Job title', u.jobTitle ?? '—'],
          ['Created', formatDateTime(u.createdAt)],
          ['Last sign-in', formatDateTime(u.lastLoginAt)],
        ]}
      />

      <h2>Account</h2>
      <ButtonGroup>
        {u.status === 'active' ? (
          <Button
            type="button"
            secondary
            disabled={self}
            onClick={() =>
              void run('The account is deactivated and signed out everywhere.', () => api.post(`/api/users/${id}/deactivate`, {}))
            }
          >
            Deactivate
          </Button>
        ) : (
          <Button type="button" onClick={() => void run('The account is active again.', () => api.post(`/api/users/${id}/reactivate`, {}))}>
            Reactivate
          </Button>
        )}
        <Button
          type="button"
          outline
          disabled={!u.mfaEnrolled || self}
          onClick={() =>
            void run('MFA is reset: the next sign-in sets up an authenticator again.', () => api.post(`/api/users/${id}/mfa-reset`, {}))
          }
        >
          Reset MFA
        </Button>
        <Button
          type="button"
          outline
          disabled={u.status !== 'active' || self}
          onClick={() =>
            void run(`The password is reset: ${u.email} was sent a link to choose a new one.`, () =>
              api.post(`/api/users/${id}/password-reset`, {}),
            )
          }
        >
          Reset password (e-mail a link)
        </Button>
      </ButtonGroup>

      <h2>Memberships</h2>
      <StackedTable fullWidth caption="Organization × access type: what the user may act for">
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">Access type</th>
            <th scope="col">Since</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {u.memberships.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.organizationName} ({m.pin})
              </th>
              <td>{m.accessTypeLabel}</td>
              <td>{formatDateTime(m.createdAt)}</td>
              <td>
                {m.active ? (
                  <Button
                    type="button"
                    unstyled
                    onClick={() => void run('Membership ended.', () => api.delete(`/api/users/${id}/memberships/${m.id}`))}
                  >
                    End
                    <span className="usa-sr-only">
                      {' '}
                      {m.accessTypeLabel} at {m.organizationName}
                    </span>
                  </Button>
                ) : (
                  `ended ${formatDateTime(m.endedAt)}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
      <Form onSubmit={addMembership} className="maxw-none" aria-label="Add a membership">
        <h3>Add a membership</h3>
        <Grid row gap>
          <Grid tablet={{ col: 3 }}>
            <Label htmlFor="m-pin">PIN or code</Label>
            <TextInput id="m-pin" name="pin" type="text" value={pin} onChange={(e) => setPin(e.target.value)} />
          </Grid>
          <Grid tablet={{ col: 6 }}>
            <Label htmlFor="m-accessType">Access type</Label>
            <Select id="m-accessType" name="accessType" value={accessType} onChange={(e) => setAccessType(e.target.value)}>
              <option value="">Choose…</option>
              {options.data?.accessTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Grid>
        </Grid>
        <Button type="submit">Add membership</Button>
      </Form>

      {(hasDph || u.dphRoles.length > 0) && (
        <>
          <h2>DPH roles</h2>
          {!isAdmin && <p className="usa-hint">Only a DPH administrator can change roles.</p>}
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void run('DPH roles saved.', () => api.put(`/api/users/${id}/dph-roles`, { roles: shownRoles }));
            }}
          >
            <Fieldset legend="Roles" legendStyle="srOnly">
              {(options.data?.dphRoles ?? []).map((o) => (
                <Checkbox
                  key={o.role}
                  id={`role-${o.role}`}
                  name="roles"
                  label={o.label}
                  disabled={!isAdmin || self}
                  checked={shownRoles.includes(o.role)}
                  onChange={(e) => setRoles(e.target.checked ? [...shownRoles, o.role] : shownRoles.filter((r) => r !== o.role))}
                />
              ))}
            </Fieldset>
            <Button type="submit" disabled={!isAdmin || self}>
              Save roles
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
