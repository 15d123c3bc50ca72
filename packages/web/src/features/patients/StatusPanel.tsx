import { useState, type FormEvent } from 'react';
import { Alert, Button, Form, Select, SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { api } from '../../api';
import { Field } from '../accounts/form-fields';
import type { PatientView } from '@nutmeg/api-types';
import { JURISDICTION_STATUS_LABEL, ORG_STATUS_LABEL } from './labels';
import type { RecordAction } from './types';

/** Status at the caller's clinic, and what inactivating there does to the medical home, said before it happens. */
function ClinicStatusForm({ view, onAction, clinicId }: { view: PatientView; onAction: RecordAction; clinicId: string | null }) {
  const [orgStatus, setOrgStatus] = useState<string>(view.myStatus ?? 'active');
  const releasesHome = orgStatus !== 'active' && view.owner !== null && view.owner.id === clinicId;
  return (
    <Form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onAction(
          () => api.put(`/api/patients/${view.id}/status`, { status: orgStatus }),
          releasesHome ? 'Status at your clinic saved; the record no longer has a medical home.' : 'Status at your clinic saved.',
        );
      }}
    >
      <Field id="org-status" label="Status at your clinic">
        <p className="font-body-2xs margin-y-05" id="org-status-note">
          Reactivating later makes the patient active here again; it does not make your clinic the medical home again.
        </p>
        <Select
          id="org-status"
          name="orgStatus"
          value={orgStatus}
          onChange={(e) => setOrgStatus(e.target.value)}
          aria-describedby="org-status-note"
        >
          {Object.entries(ORG_STATUS_LABEL).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </Field>
      {releasesHome && (
        <Alert type="warning" headingLevel="h3" slim data-testid="releases-medical-home">
          Your clinic is this patient’s medical home. Inactivating the patient here also ends that: the record will have no medical home.
          Setting the status back to Active does not restore it; use “Make my clinic the medical home”, or record a dose your clinic gives.
        </Alert>
      )}
      <Button type="submit" outline>
        {releasesHome ? 'Inactivate and end the medical home' : 'Save clinic status'}
      </Button>
    </Form>
  );
}

function JurisdictionStatusForm({ view, onAction }: { view: PatientView; onAction: RecordAction }) {
  const [jStatus, setJStatus] = useState<string>(view.jurisdictionStatus);
  const [deceasedDate, setDeceasedDate] = useState(view.deceasedDate ?? '');
  return (
    <Form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onAction(
          () =>
            api.put(`/api/patients/${view.id}/jurisdiction-status`, {
              status: jStatus,
              deceasedDate: jStatus === 'deceased' ? deceasedDate : undefined,
            }),
          'Jurisdiction status saved.',
        );
      }}
    >
      <Field id="j-status" label="Status in the jurisdiction">
        <Select id="j-status" name="jurisdictionStatus" value={jStatus} onChange={(e) => setJStatus(e.target.value)}>
          {Object.entries(JURISDICTION_STATUS_LABEL).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </Field>
      {jStatus === 'deceased' && (
        <Field id="deceased-date" label="Date of death" required>
          <input
            className="usa-input"
            id="deceased-date"
            name="deceasedDate"
            type="date"
            value={deceasedDate}
            onChange={(e) => setDeceasedDate(e.target.value)}
            required
          />
        </Field>
      )}
      <Button type="submit" outline>
        Save jurisdiction status
      </Button>
    </Form>
  );
}

/** Medical home, status at each clinic and in the jurisdiction, ownership and opt-out. */
export function StatusPanel({
  view,
  onAction,
  canOptOut,
  clinicId,
}: {
  view: PatientView;
  onAction: RecordAction;
  canOptOut: boolean;
  /** The organization the user acts for. */
  clinicId: string | null;
}) {
  const id = view.id;
  return (
    <SummaryBox>
      <SummaryBoxHeading headingLevel="h2">Status and ownership</SummaryBoxHeading>
      <SummaryBoxContent>
        <p className="margin-top-0">
          Medical home: <strong data-testid="owner">{view.owner?.name ?? 'none'}</strong>
        </p>
        <ul className="font-body-2xs">
          {view.organizationStatuses.map((s) => (
            <li key={s.organizationId}>
              {s.organizationName}: {ORG_STATUS_LABEL[s.status] ?? s.status}
            </li>
          ))}
        </ul>
        {view.clinicActions.setStatus && <ClinicStatusForm view={view} onAction={onAction} clinicId={clinicId} />}
        {view.canEdit && <JurisdictionStatusForm view={view} onAction={onAction} />}
        {view.clinicActions.takeMedicalHome && (
          <Button
            type="button"
            unstyled
            className="margin-top-2"
            onClick={() => void onAction(() => api.put(`/api/patients/${id}/owner`, { own: true }), 'Your clinic is now the medical home.')}
          >
            Make my clinic the medical home
          </Button>
        )}
        {canOptOut && (
          <Button
            type="button"
            secondary
            className="margin-top-2"
            onClick={() => {
              const reason = window.prompt(
                view.optedOut ? 'Reason for withdrawing the opt-out' : 'Opt-out: reference of the signed written request',
              );
              if (reason)
                void onAction(
                  () => api.put(`/api/patients/${id}/opt-out`, { optedOut: !view.optedOut, reason }),
                  view.optedOut ? 'Opt-out withdrawn.' : 'Opt-out recorded: the record is hidden from everyone but DPH.',
                );
            }}
          >
            {view.optedOut ? 'Withdraw opt-out' : 'Record opt-out'}
          </Button>
        )}
      </SummaryBoxContent>
    </SummaryBox>
  );
}
