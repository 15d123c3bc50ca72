import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Fieldset, Form, Grid } from '@trussworks/react-uswds';
import type { ClinicProfile, EnrolmentStatus } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { SelectField, TextField } from '../../components/FormControls';
import { ErrorSummary } from '../accounts/form-fields';
import { CLINIC_TYPE_LABELS, ENROLMENT_LABELS } from './profile-labels';

const FIELD_IDS = {
  clinicType: 'facts-clinicType',
  'enrolment.status': 'facts-status',
  'enrolment.enrolledOn': 'facts-enrolledOn',
  'enrolment.endedOn': 'facts-endedOn',
};

/**
 * DPH: the clinic's type, medical-home flag and VFC/CVP enrolment, saved over the profile version shown (a
 * stale one is refused). Terminated needs an ended-on date; deactivating the clinic terminates it too.
 */
export function EnrolmentFactsForm({ profile }: { profile: ClinicProfile }) {
  const qc = useQueryClient();
  const [f, setF] = useState({
    clinicType: profile.clinicType ?? '',
    medicalHome: profile.medicalHome,
    status: profile.enrolment.status,
    enrolledOn: profile.enrolment.enrolledOn ?? '',
    endedOn: profile.enrolment.endedOn ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const msg = (p: string) => error?.fieldMessage(p);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.put<ClinicProfile>(`/api/clinics/${profile.organizationId}/enrolment`, {
        clinicType: f.clinicType,
        medicalHome: f.medicalHome,
        enrolment: { status: f.status, enrolledOn: f.enrolledOn || null, endedOn: f.endedOn || null },
        version: profile.version,
      });
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['clinic', 'profile'] });
      await qc.invalidateQueries({ queryKey: ['clinics'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const date = (id: string, path: string, label: string, value: string, onChange: (v: string) => void) => (
    <TextField id={id} label={label} value={value} onChange={onChange} error={msg(path)} type="date" />
  );
  const select = (
    id: string,
    path: string,
    label: string,
    value: string,
    options: Record<string, string>,
    onChange: (v: string) => void,
  ) => <SelectField id={id} label={label} value={value} options={options} onChange={onChange} error={msg(path)} required />;

  return (
    <Form onSubmit={submit} className="maxw-none margin-top-4" aria-label="Enrolment and type">
      <h2>Enrolment and type</h2>
      <p>DPH’s vaccine program sets these; the clinic sees them read-only. Each change shows in the history below.</p>
      {saved && (
        <Alert type="success" headingLevel="h3" slim role="status" data-testid="enrolment-saved">
          The enrolment and type are saved.
        </Alert>
      )}
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      {error?.status === 409 && (
        <Alert type="warning" headingLevel="h3" slim>
          Reload the page to see the latest profile.
        </Alert>
      )}
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          {select('facts-clinicType', 'clinicType', 'Type', f.clinicType, CLINIC_TYPE_LABELS, (v) => setF({ ...f, clinicType: v }))}
        </Grid>
      </Grid>
      <Checkbox
        id="facts-medicalHome"
        name="medicalHome"
        label="Medical home (it owns the records of the patients it vaccinates)"
        checked={f.medicalHome}
        onChange={(e) => setF({ ...f, medicalHome: e.target.checked })}
      />
      <Fieldset legend="VFC/CVP enrolment">
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            {select('facts-status', 'enrolment.status', 'Status', f.status, ENROLMENT_LABELS, (v) =>
              setF({ ...f, status: v as EnrolmentStatus }),
            )}
          </Grid>
          <Grid tablet={{ col: 4 }}>
            {date('facts-enrolledOn', 'enrolment.enrolledOn', 'Enrolled on', f.enrolledOn, (v) => setF({ ...f, enrolledOn: v }))}
          </Grid>
          <Grid tablet={{ col: 4 }}>
            {date('facts-endedOn', 'enrolment.endedOn', 'Enrolment ended on', f.endedOn, (v) => setF({ ...f, endedOn: v }))}
          </Grid>
        </Grid>
      </Fieldset>
      <Button type="submit" className="margin-top-3">
        Save the enrolment and type
      </Button>
    </Form>
  );
}
