import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TextInput } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { navigate } from '../../router';
import { Field } from '../accounts/form-fields';
import { PatientForm, bodyFromForm, emptyForm, formFromPatient } from './PatientForm';
import type { PatientView } from '@nutmeg/api-types';
import { fullName } from './types';

/** Edit demographics; the server keeps who changed what and refuses an edit of a stale version. */
export function EditPatientPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const record = useQuery({ queryKey: ['patient', id], queryFn: () => api.get<PatientView>(`/api/patients/${id}`) });
  const [form, setForm] = useState(emptyForm());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (record.data) setForm(formFromPatient(record.data.patient));
  }, [record.data]);
  if (!record.data) return <p>Loading…</p>;
  const view = record.data;

  async function save() {
    setError(null);
    try {
      await api.put(`/api/patients/${id}`, { ...bodyFromForm(form, view.patient), version: view.version, reason: reason || undefined });
      await qc.invalidateQueries({ queryKey: ['patient', id] });
      navigate(`/patients/${id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  }

  return (
    <>
      <h1>Edit {fullName(view.patient.name)}</h1>
      <PatientForm value={form} onChange={setForm} onSubmit={save} error={error} submitLabel="Save changes">
        <Field id="reason" label="Reason for the change (kept in the history)">
          <TextInput id="reason" name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </PatientForm>
    </>
  );
}
