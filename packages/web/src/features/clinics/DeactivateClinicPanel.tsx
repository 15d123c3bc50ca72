import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Textarea } from '@trussworks/react-uswds';
import type { ClinicDeactivated, ClinicProfile } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Field, describedBy } from '../accounts/form-fields';

/**
 * DPH: deactivate a clinic with a reason. Everyone's access there ends and its patients lose it as their
 * medical home, so the button asks for a reason and says so first.
 */
export function DeactivateClinicPanel({ profile }: { profile: ClinicProfile }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ClinicDeactivated | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setResult(await api.post<ClinicDeactivated>(`/api/clinics/${profile.organizationId}/deactivate`, { reason }));
      await qc.invalidateQueries({ queryKey: ['clinic', 'profile'] });
      await qc.invalidateQueries({ queryKey: ['clinics'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }

  if (result)
    return (
      <Alert type="success" headingLevel="h2" heading="The clinic is deactivated" role="status" data-testid="clinic-deactivated">
        {result.membershipsEnded} membership{result.membershipsEnded === 1 ? '' : 's'} ended ({result.accountsDeactivated} account
        {result.accountsDeactivated === 1 ? '' : 's'} left with none deactivated); {result.patientsReleased} patient
        {result.patientsReleased === 1 ? '' : 's'} no longer have it as their medical home.
      </Alert>
    );
  if (!profile.active) return null;
  const m = error?.fieldMessage('reason');
  return (
    <Form onSubmit={submit} className="maxw-none margin-top-4" aria-label="Deactivate the clinic">
      <h2>Deactivate the clinic</h2>
      <p>Every user’s access at this clinic ends, its staff list closes and its patients lose it as their medical home. This is audited.</p>
      {error && !m && (
        <Alert type="error" headingLevel="h3" slim>
          {error.message}
        </Alert>
      )}
      <Field id="deactivate-reason" label="Reason" error={m} required>
        <Textarea
          id="deactivate-reason"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={describedBy('deactivate-reason', m)}
          required
        />
      </Field>
      <Button type="submit" secondary>
        Deactivate {profile.legalName}
      </Button>
    </Form>
  );
}
