import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import type { ClinicUser, ClinicUserDeactivated, ClinicUserList } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { useSession } from '../../session';
import { formatDateTime } from '../../dates';

/** Coordinators: who has access at the clinic they act for; deactivate someone who left. */
export function ClinicUsersPage() {
  const { me } = useSession();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['clinic-users', me?.activeScope?.organizationId],
    queryFn: () => api.get<ClinicUserList>('/api/clinic-users'),
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function deactivate(u: ClinicUser) {
    setMessage(null);
    try {
      const res = await api.post<ClinicUserDeactivated>(`/api/clinic-users/${u.id}/deactivate`, {});
      // The list is refreshed first, so the message never shows beside the row it says is gone.
      await qc.invalidateQueries({ queryKey: ['clinic-users'] });
      setMessage({
        type: 'success',
        text: `${u.firstName} ${u.lastName} no longer has access at ${q.data?.clinic.name}${res.userDeactivated ? ', and the account is deactivated' : '; they keep access at their other organizations'}.`,
      });
    } catch (err) {
      setMessage({ type: 'error', text: err instanceof ApiError ? err.message : 'The server could not be reached.' });
    } finally {
      setConfirming(null);
    }
  }

  return (
    <>
      <h1>Clinic users{q.data ? `: ${q.data.clinic.name} (${q.data.clinic.pin})` : ''}</h1>
      <p>
        The people with Nutmeg access at your clinic. When someone leaves, end their access here: it also takes them off the clinic's staff
        list.
      </p>
      {message && (
        <Alert type={message.type} headingLevel="h2" slim data-testid="clinic-user-message">
          {message.text}
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the users">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth striped headers caption={`${q.data.users.length} user${q.data.users.length === 1 ? '' : 's'} with access`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Access type</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">When someone leaves</th>
            </tr>
          </thead>
          <tbody>
            {q.data.users.map((u) => (
              <tr key={u.id} data-testid={`clinic-user-${u.username}`}>
                <th scope="row">
                  {u.firstName} {u.lastName}
                  <div className="font-body-3xs">
                    {u.username} · {u.email}
                    {u.jobTitle ? ` · ${u.jobTitle}` : ''}
                  </div>
                </th>
                <td>{u.accessTypes.map((a) => a.label).join('; ')}</td>
                <td className="nutmeg-date">{formatDateTime(u.lastLoginAt)}</td>
                <td>
                  {u.id === me?.user.id ? (
                    'You'
                  ) : confirming === u.id ? (
                    <ButtonGroup>
                      <Button type="button" secondary onClick={() => void deactivate(u)}>
                        Confirm: {u.firstName} left
                      </Button>
                      <Button type="button" unstyled onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                    </ButtonGroup>
                  ) : (
                    <Button type="button" outline className="nutmeg-nowrap" onClick={() => setConfirming(u.id)}>
                      Deactivate
                      <span className="usa-sr-only">
                        {' '}
                        {u.firstName} {u.lastName}, who left the clinic
                      </span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
