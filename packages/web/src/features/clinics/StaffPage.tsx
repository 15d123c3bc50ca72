import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Tag } from '@trussworks/react-uswds';
import type { StaffList, StaffMemberView, StaffRemoved } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useClinicToolList } from './clinic-tool';
import { STAFF_ROLE_LABELS, StaffEditor } from './StaffEditor';

/**
 * The public "Request a user account" form, pre-filled for a staff member: the person opens it and accepts the
 * agreements themselves (a coordinator never requests on their behalf).
 */
export function requestAccountLink(m: StaffMemberView, pin: string | null): string {
  const p = new URLSearchParams({
    accessType: m.role === 'coordinator' ? 'backup_coordinator' : 'clinic_access',
    pins: pin ?? '',
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    jobTitle: m.jobTitle ?? '',
  });
  return `/request-account?${p.toString()}`;
}

function AccountCell({ m, pin, canEdit }: { m: StaffMemberView; pin: string | null; canEdit: boolean }) {
  if (m.account)
    return (
      <>
        <Tag className="bg-green">Account</Tag> {m.account.username}
        <div className="font-body-3xs">{m.account.accessTypes.join('; ')}</div>
      </>
    );
  if (m.pendingRequest)
    return (
      <>
        <Tag className="bg-gold text-ink">Request pending</Tag>
        <div className="font-body-3xs">{m.pendingRequest.accessType}</div>
      </>
    );
  return (
    <>
      No account
      {canEdit && (
        <div>
          <Link to={requestAccountLink(m, pin)}>
            Request user account<span className="usa-sr-only"> for {`${m.firstName} ${m.lastName}`}</span>
          </Link>
        </div>
      )}
    </>
  );
}

/** Takes a person off the list after a confirmation that says what it does to their access. */
function RemoveButton({ m, onDone }: { m: StaffMemberView; onDone: (message: string) => void }) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const name = `${m.firstName} ${m.lastName}`;
  async function remove() {
    try {
      const r = await api.post<StaffRemoved>(`/api/clinic/staff/${m.id}/remove`, { version: m.version });
      await qc.invalidateQueries({ queryKey: ['clinic', 'staff'] });
      onDone(`${name} removed from the staff list${r.membershipsEnded ? '; their access at this clinic ended' : ''}.`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  if (!confirming)
    return (
      <Button type="button" outline secondary className="nutmeg-nowrap" onClick={() => setConfirming(true)}>
        Remove<span className="usa-sr-only"> {name}</span>
      </Button>
    );
  return (
    <div role="group" aria-label={`Remove ${name}`}>
      <p className="margin-y-05">{m.account ? 'Their access at this clinic ends.' : 'They leave the list.'}</p>
      {error && <p className="text-secondary-dark">{error}</p>}
      <ButtonGroup>
        <Button type="button" secondary onClick={() => void remove()}>
          Confirm removal<span className="usa-sr-only"> of {name}</span>
        </Button>
        <Button type="button" unstyled onClick={() => setConfirming(false)}>
          Keep
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * Clinic tools: the people working at the clinic (role, prescribers' licenses, NPI), who has an account or a
 * pending request. The clinic's coordinators and signers keep it; DPH reads it (?organizationId=).
 */
export function StaffPage() {
  const { organizationId, dph, q } = useClinicToolList<StaffList>('staff', '/api/clinic/staff');
  const [editing, setEditing] = useState<StaffMemberView | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const list = q.data;

  return (
    <>
      <h1>Staff list{list ? `: ${list.clinic.name} (${list.clinic.pin})` : ''}</h1>
      <p>
        Everyone who works at the clinic. DPH gives Clinic Access only to people on this list, and the provider agreement’s prescribers come
        from it. Taking someone off the list ends their access at this clinic.
      </p>
      {dph && !organizationId && (
        <Alert type="info" headingLevel="h2" slim>
          Open a clinic’s staff list from the <Link to="/clinics">clinic list</Link>.
        </Alert>
      )}
      {message && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="staff-message">
          {message}
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the staff list">
          {q.error.message}
        </Alert>
      )}
      {list && (
        <>
          <StackedTable fullWidth striped headers caption={`${list.staff.length} ${list.staff.length === 1 ? 'person' : 'people'}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">License and NPI</th>
                <th scope="col">Nutmeg account</th>
                {list.canEdit && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {list.staff.map((m) => (
                <tr key={m.id} data-testid={`staff-${m.email}`}>
                  <th scope="row">
                    {m.lastName}, {m.firstName}
                    <div className="font-body-3xs nutmeg-break">{m.email}</div>
                  </th>
                  <td>
                    {STAFF_ROLE_LABELS[m.role]}
                    {m.jobTitle && <div className="font-body-3xs">{m.jobTitle}</div>}
                  </td>
                  <td>
                    {m.license ? `${m.license.type} ${m.license.number} (${m.license.state}), expires ` : ''}
                    {m.license && <span className="nutmeg-date">{m.license.expires}</span>}
                    {m.npi && <div className="font-body-3xs">NPI {m.npi}</div>}
                    {!m.license && !m.npi && '—'}
                  </td>
                  <td>
                    <AccountCell m={m} pin={list.clinic.pin} canEdit={list.canEdit} />
                  </td>
                  {list.canEdit && (
                    <td>
                      <ButtonGroup>
                        <Button type="button" outline className="nutmeg-nowrap" onClick={() => setEditing(m)}>
                          Edit<span className="usa-sr-only"> {`${m.firstName} ${m.lastName}`}</span>
                        </Button>
                        <RemoveButton key={`${m.id}-${m.version}`} m={m} onDone={done} />
                      </ButtonGroup>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </StackedTable>
          {list.canEdit &&
            (editing ? (
              <StaffEditor key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={done} />
            ) : (
              <Button
                type="button"
                onClick={() => {
                  setMessage('');
                  setEditing('new');
                }}
              >
                Add a staff member
              </Button>
            ))}
        </>
      )}
    </>
  );
}
