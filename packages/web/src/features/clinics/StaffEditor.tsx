import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Fieldset, Form, Grid } from '@trussworks/react-uswds';
import type { StaffMemberView, StaffRole } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { SelectField, TextField } from '../../components/FormControls';
import { ErrorSummary } from '../accounts/form-fields';

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  medical_assistant: 'Medical assistant (MA)',
  coordinator: 'Vaccine coordinator',
  other: 'Other',
};

type TextKey =
  'firstName' | 'lastName' | 'email' | 'jobTitle' | 'npi' | 'licenseType' | 'licenseNumber' | 'licenseState' | 'licenseExpires';
type StaffForm = Record<TextKey, string> & { role: StaffRole | '' };

const EMPTY: StaffForm = {
  firstName: '',
  lastName: '',
  email: '',
  jobTitle: '',
  role: '',
  npi: '',
  licenseType: '',
  licenseNumber: '',
  licenseState: 'CT',
  licenseExpires: '',
};

function formOf(m: StaffMemberView): StaffForm {
  return {
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    jobTitle: m.jobTitle ?? '',
    role: m.role,
    npi: m.npi ?? '',
    licenseType: m.license?.type ?? '',
    licenseNumber: m.license?.number ?? '',
    licenseState: m.license?.state ?? 'CT',
    licenseExpires: m.license?.expires ?? '',
  };
}

const IDS: Record<string, string> = {
  firstName: 'staff-firstName',
  lastName: 'staff-lastName',
  email: 'staff-email',
  jobTitle: 'staff-jobTitle',
  role: 'staff-role',
  npi: 'staff-npi',
  license: 'staff-licenseType',
  'license.type': 'staff-licenseType',
  'license.number': 'staff-licenseNumber',
  'license.state': 'staff-licenseState',
  'license.expires': 'staff-licenseExpires',
};

/** Add a person to the staff list or edit one (a prescriber is listed with their license). */
export function StaffEditor({ editing, onDone }: { editing: StaffMemberView | null; onDone: (message: string) => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<StaffForm>(editing ? formOf(editing) : EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const msg = (f: string) => error?.fieldMessage(f);
  const licenseGiven = form.licenseType || form.licenseNumber || form.licenseExpires;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = {
      firstName: form.firstName,
      lastName: form.lastName,
      email: form.email,
      jobTitle: form.jobTitle,
      role: form.role,
      npi: form.npi,
      license:
        form.role === 'prescriber' || licenseGiven
          ? { type: form.licenseType, number: form.licenseNumber, state: form.licenseState, expires: form.licenseExpires }
          : null,
    };
    try {
      if (editing) await api.put(`/api/clinic/staff/${editing.id}`, { ...body, version: editing.version });
      else await api.post('/api/clinic/staff', body);
      await qc.invalidateQueries({ queryKey: ['clinic', 'staff'] });
      onDone(`${form.firstName} ${form.lastName} ${editing ? 'saved' : 'added to the staff list'}.`);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const text = (
    f: TextKey,
    label: string,
    opts: { required?: boolean; hint?: string; type?: 'text' | 'email' | 'date'; error?: string } = {},
  ) => (
    <TextField
      id={`staff-${f}`}
      name={f}
      label={label}
      value={form[f]}
      onChange={(v) => setForm({ ...form, [f]: v })}
      error={opts.error ?? msg(f)}
      hint={opts.hint}
      required={opts.required}
      type={opts.type}
    />
  );
  const prescriber = form.role === 'prescriber';

  return (
    <Form
      onSubmit={submit}
      className="maxw-none"
      aria-label={editing ? `Edit ${editing.firstName} ${editing.lastName}` : 'Add a staff member'}
    >
      <h2>{editing ? `Edit ${editing.firstName} ${editing.lastName}` : 'Add a staff member'}</h2>
      <ErrorSummary error={error} fieldIds={IDS} />
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>{text('firstName', 'First name', { required: true })}</Grid>
        <Grid tablet={{ col: 6 }}>{text('lastName', 'Last name', { required: true })}</Grid>
        <Grid tablet={{ col: 6 }}>
          {text('email', 'E-mail', { required: true, type: 'email', hint: 'Their work e-mail: an account is matched by it' })}
        </Grid>
        <Grid tablet={{ col: 6 }}>{text('jobTitle', 'Job title')}</Grid>
        <Grid tablet={{ col: 6 }}>
          <SelectField
            id="staff-role"
            name="role"
            label="Role"
            value={form.role}
            options={STAFF_ROLE_LABELS}
            required
            onChange={(v) => setForm({ ...form, role: v as StaffRole })}
            error={msg('role')}
          />
        </Grid>
        <Grid tablet={{ col: 6 }}>{text('npi', 'NPI', { hint: '10 digits; the last is a check digit' })}</Grid>
      </Grid>
      <Fieldset legend={prescriber ? 'License (required for a prescriber)' : 'License (optional)'}>
        <Grid row gap>
          <Grid tablet={{ col: 3 }}>
            {text('licenseType', 'License type', {
              required: prescriber,
              hint: 'MD, DO, APRN, PA…',
              error: msg('license.type') ?? msg('license'),
            })}
          </Grid>
          <Grid tablet={{ col: 3 }}>{text('licenseNumber', 'License number', { required: prescriber, error: msg('license.number') })}</Grid>
          <Grid tablet={{ col: 3 }}>{text('licenseState', 'License state', { required: prescriber, error: msg('license.state') })}</Grid>
          <Grid tablet={{ col: 3 }}>
            {text('licenseExpires', 'License expires', { required: prescriber, type: 'date', error: msg('license.expires') })}
          </Grid>
        </Grid>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit">{editing ? 'Save the staff member' : 'Add to the staff list'}</Button>
        <Button type="button" unstyled onClick={() => onDone('')}>
          Cancel
        </Button>
      </ButtonGroup>
    </Form>
  );
}
