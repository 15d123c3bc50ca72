import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { ClinicProfile, ClinicProfileHistory, PostalAddress } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { formatDateTime } from '../../dates';
import { Facts } from '../accounts/form-fields';
import { DeactivateClinicPanel } from './DeactivateClinicPanel';
import { EnrolmentFactsForm } from './EnrolmentFactsForm';
import { ProfileForm } from './ProfileForm';
import { CLINIC_TYPE_LABELS, CONTACT_LABELS, CONTACT_ROLES, DAY_LABELS, ENROLMENT_LABELS, WEEKDAYS } from './profile-labels';

const addressText = (a: PostalAddress) => `${a.street}, ${a.city}, ${a.state} ${a.zip}`;
const valueText = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.map((w: { from: string; to: string }) => `${w.from}–${w.to}`).join(', ') || '—'
      : String(v);

/** The query string naming the clinic for DPH (clinic users read their own). */
export function useClinicParam(): { organizationId: string; query: string; needsClinic: boolean } {
  const { me } = useSession();
  const { search } = useLocation();
  const organizationId = search.get('organizationId') ?? '';
  const dph = me?.activeScope?.organizationKind === 'dph';
  return {
    organizationId,
    query: organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : '',
    needsClinic: dph && !organizationId,
  };
}

function ProfileFacts({ p }: { p: ClinicProfile }) {
  return (
    <>
      <Facts
        items={[
          ['PIN', p.pin ?? '—'],
          ['Legal name', p.legalName],
          ['Doing business as', p.dbaName ?? '—'],
          ['Type', p.clinicType ? (CLINIC_TYPE_LABELS[p.clinicType] ?? p.clinicType) : '—'],
          ['Medical home', p.medicalHome ? 'Yes: it owns the records of patients it vaccinates' : 'No'],
          [
            'CVP/VFC enrolment',
            `${ENROLMENT_LABELS[p.enrolment.status]}${p.enrolment.enrolledOn ? ` since ${p.enrolment.enrolledOn}` : ''}${p.enrolment.endedOn ? `, ended ${p.enrolment.endedOn}` : ''}`,
          ],
          ['Physical address', addressText(p.physicalAddress)],
          ['Shipping address', p.shippingAddress ? addressText(p.shippingAddress) : 'Same as the physical address'],
          ['Phone', p.phone ?? '—'],
          ['Fax', p.fax ?? '—'],
          ['E-mail', p.email ?? '—'],
        ]}
      />
      <h2>Vaccine delivery hours</h2>
      <StackedTable headers caption="When the clinic can receive vaccine">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Windows</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d) => (
            <tr key={d}>
              <th scope="row">{DAY_LABELS[d]}</th>
              <td data-testid={`hours-${d}`}>{valueText(p.deliveryHours[d])}</td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
      <h2>Contacts</h2>
      <StackedTable fullWidth headers caption="The clinic’s named contacts">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Phone</th>
          </tr>
        </thead>
        <tbody>
          {CONTACT_ROLES.map((r) => {
            const c = p.contacts[r];
            return (
              <tr key={r} data-testid={`contact-${r}`}>
                <th scope="row">{CONTACT_LABELS[r]}</th>
                <td>{c ? `${c.name}${c.title ? `, ${c.title}` : ''}` : 'Not given'}</td>
                <td className="nutmeg-break">{c?.email ?? '—'}</td>
                <td>{c?.phone ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
    </>
  );
}

function History({ query }: { query: string }) {
  const q = useQuery({
    queryKey: ['clinic', 'profile', 'history', query],
    queryFn: () => api.get<ClinicProfileHistory>(`/api/clinic/profile/history${query}`),
  });
  if (!q.data) return null;
  return (
    <>
      <h2>Changes</h2>
      {q.data.versions.length === 0 && <p>No change has been saved yet.</p>}
      {q.data.versions.map((v) => (
        <StackedTable
          key={v.version}
          fullWidth
          headers
          caption={`Version ${v.version}: ${v.changedBy}, ${formatDateTime(v.changedAt)}`}
          testId={`profile-version-${v.version}`}
        >
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {v.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row" className="nutmeg-break">
                  {c.field}
                </th>
                <td className="nutmeg-break">{valueText(c.before)}</td>
                <td className="nutmeg-break">{valueText(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      ))}
    </>
  );
}

/** Clinic tools: the clinic's profile and contacts, its edit, and every saved change (DPH reads them all). */
export function ClinicProfilePage() {
  const { query, needsClinic } = useClinicParam();
  const { can } = useSession();
  const { search } = useLocation();
  const q = useQuery({
    queryKey: ['clinic', 'profile', query],
    queryFn: () => api.get<ClinicProfile>(`/api/clinic/profile${query}`),
    enabled: !needsClinic,
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <h1>Clinic profile{q.data ? `: ${q.data.legalName} (${q.data.pin})` : ''}</h1>
      {needsClinic && (
        <Alert type="info" headingLevel="h2" slim>
          Open a clinic’s profile from the <Link to="/clinics">clinic list</Link>.
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the profile">
          {q.error.message}
        </Alert>
      )}
      {search.get('enrolled') && q.data && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="clinic-enrolled">
          {q.data.legalName} is enrolled with PIN {q.data.pin}.
        </Alert>
      )}
      {q.data && !q.data.active && (
        <Alert type="warning" headingLevel="h2" slim>
          DPH deactivated this clinic.
        </Alert>
      )}
      {saved && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="profile-saved">
          The profile is saved. DPH sees the change in its history.
        </Alert>
      )}
      {q.data &&
        (editing ? (
          <ProfileForm
            key={q.data.version}
            profile={q.data}
            onDone={(ok) => {
              setEditing(false);
              setSaved(ok);
            }}
          />
        ) : (
          <>
            {q.data.canEdit && (
              <Button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Edit the profile
              </Button>
            )}
            <ProfileFacts p={q.data} />
            {can('clinic:enrol') && q.data.active && <EnrolmentFactsForm profile={q.data} />}
            <History query={query} />
            {can('clinic:enrol') && <DeactivateClinicPanel profile={q.data} />}
          </>
        ))}
    </>
  );
}
