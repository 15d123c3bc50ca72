import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Fieldset, Form, Tag, Textarea, TextInput } from '@trussworks/react-uswds';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';
import { describedBy, ErrorSummary, Facts, Field } from '../accounts/form-fields';
import { formatDateTime } from '../../dates';
import type { AccountRequestDetail, RequestApproved } from '@nutmeg/api-types';
import { useDphRoles } from './dph-roles';
import { StatusTag } from './ReviewQueuePage';

/** DPH: one account request, the staff-list check per clinic, approve or deny with a reason. */
export function ReviewDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const dphRoles = useDphRoles();
  const { me } = useSession();
  const q = useQuery({ queryKey: ['account-request', id], queryFn: () => api.get<AccountRequestDetail>(`/api/account-requests/${id}`) });
  const [username, setUsername] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (q.isLoading) return <p>Loading…</p>;
  if (!q.data)
    return (
      <Alert type="error" headingLevel="h2" heading="Request not found">
        {q.error?.message}
      </Alert>
    );
  const r = q.data;
  const isAdmin = me?.user.dphRoles.includes('administrator') ?? false;

  const activeExisting = r.existingUsers.filter((u) => u.status === 'active');

  async function act(e: FormEvent, what: 'approve' | 'deny') {
    e.preventDefault();
    setError(null);
    try {
      if (what === 'approve') {
        const addTo = activeExisting[0];
        const res = await api.post<RequestApproved>(`/api/account-requests/${id}/approve`, {
          ...(r.accessType === 'dph' ? { dphRoles: roles } : {}),
          ...(addTo ? { addToUserId: addTo.id } : username && username !== r.proposedUsername ? { username } : {}),
        });
        setDone(
          res.created
            ? `Approved. The account ${res.user.username} was created; ${r.email} was sent the username and a link to choose a password.`
            : `Approved. The access was added to the existing account ${res.user.username}, and ${r.email} was told.`,
        );
      } else {
        await api.post(`/api/account-requests/${id}/deny`, { reason });
        setDone(`Denied. ${r.email} was told the reason.`);
      }
      await qc.invalidateQueries({ queryKey: ['account-request', id] });
      await qc.invalidateQueries({ queryKey: ['account-requests'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <>
      <p>
        <Link to="/admin/account-requests">← Account requests</Link>
      </p>
      <h1>
        {r.firstName} {r.lastName} <StatusTag status={r.status} />
      </h1>
      {done && (
        <Alert type="success" headingLevel="h2" heading="Done" data-testid="decision-done">
          {done}
        </Alert>
      )}
      <ErrorSummary
        error={error}
        heading="The request cannot be decided this way"
        fieldIds={{ dphRoles: `role-${dphRoles[0]?.role ?? 'account_approver'}` }}
      />
      <Facts
        items={[
          ['Access type', r.accessTypeLabel],
          ['E-mail', r.email],
          ['Phone', r.phone],
          ['Job title', r.jobTitle],
          ['Submitted', formatDateTime(r.createdAt)],
          [
            'Agreements accepted',
            r.agreements
              .map(
                (a) =>
                  `${a.kind === 'user' ? 'User Agreement' : 'Confidentiality Agreement'} v${a.version}, ${formatDateTime(a.acceptedAt)}`,
              )
              .join('; '),
          ],
          ...(r.status !== 'pending'
            ? [
                [
                  'Decided',
                  `${formatDateTime(r.decidedAt)} by ${r.decidedBy ?? '—'}${r.decisionReason ? ` — ${r.decisionReason}` : ''}`,
                ] as [string, string],
              ]
            : []),
        ]}
      />

      <h2>Organizations</h2>
      {r.staffCheck.length > 0 ? (
        <StackedTable
          caption={
            r.staffListRequired
              ? 'Clinic Access needs the person on every clinic’s staff list.'
              : 'Staff lists (for information; this access type does not require them).'
          }
          fullWidth
        >
          <thead>
            <tr>
              <th scope="col">Clinic</th>
              <th scope="col">PIN</th>
              <th scope="col">On the staff list</th>
            </tr>
          </thead>
          <tbody>
            {r.staffCheck.map((c) => (
              <tr key={c.organizationId} data-testid={`staff-check-${c.pin}`}>
                <th scope="row">{c.name}</th>
                <td>{c.pin}</td>
                <td>
                  {c.onStaffList ? (
                    <Tag className="bg-green">Yes, by {c.matchedBy === 'email' ? 'e-mail' : 'name'}</Tag>
                  ) : (
                    <Tag className="bg-secondary-dark">Not on the list</Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      ) : (
        <ul className="usa-list">
          {r.organizations.map((o) => (
            <li key={o.id}>
              {o.name} ({o.pin})
            </li>
          ))}
        </ul>
      )}
      {/* Once decided, the account the approval created has this e-mail too: the warning is for the decision only. */}
      {r.status === 'pending' && !done && r.existingUsers.length > 0 && (
        <Alert type="warning" headingLevel="h3" heading="An account with this e-mail exists" slim>
          {r.existingUsers.map((u) => (
            <span key={u.id}>
              <Link to={`/admin/users/${u.id}`}>{u.username}</Link> ({u.status}){' '}
            </span>
          ))}
        </Alert>
      )}

      {r.status === 'pending' && !done && (
        <div className="grid-row grid-gap-4">
          <div className="tablet:grid-col-6">
            <h2>Approve</h2>
            <Form onSubmit={(e) => act(e, 'approve')}>
              {activeExisting.length === 0 ? (
                <Field id="username" label="Username" hint="Proposed from the name; you may change it.">
                  <TextInput
                    id="username"
                    name="username"
                    type="text"
                    value={username ?? r.proposedUsername ?? ''}
                    onChange={(e) => setUsername(e.target.value)}
                    aria-describedby={describedBy('username', undefined, true)}
                  />
                </Field>
              ) : (
                <p>
                  This person already has the account <strong>{activeExisting[0]!.username}</strong>. Approving adds the requested access to
                  it; no new username or password is sent.
                </p>
              )}
              {r.accessType === 'dph' && (
                <Fieldset legend="DPH roles">
                  {error?.fieldMessage('dphRoles') && <span className="usa-error-message">{error.fieldMessage('dphRoles')}</span>}
                  {dphRoles
                    .filter((o) => isAdmin || o.role !== 'administrator')
                    .map((o) => (
                      <Checkbox
                        key={o.role}
                        id={`role-${o.role}`}
                        name="dphRoles"
                        label={o.label}
                        checked={roles.includes(o.role)}
                        onChange={(e) => setRoles((x) => (e.target.checked ? [...x, o.role] : x.filter((y) => y !== o.role)))}
                      />
                    ))}
                </Fieldset>
              )}
              <Button type="submit">
                {activeExisting.length ? `Approve and add to ${activeExisting[0]!.username}` : 'Approve and create the account'}
              </Button>
            </Form>
          </div>
          <div className="tablet:grid-col-6">
            <h2>Deny</h2>
            <Form onSubmit={(e) => act(e, 'deny')}>
              <Field id="reason" label="Reason (sent to the requester)" error={error?.fieldMessage('reason')} required>
                <Textarea
                  id="reason"
                  name="reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  aria-describedby={describedBy('reason', error?.fieldMessage('reason'))}
                />
              </Field>
              <Button type="submit" secondary>
                Deny the request
              </Button>
            </Form>
          </div>
        </div>
      )}
    </>
  );
}
