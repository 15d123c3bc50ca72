import { useState, type FormEvent } from 'react';
import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { Field } from '../accounts/form-fields';
import type { PatientSearchResults, PatientView } from '@nutmeg/api-types';
import type { RecordAction } from './types';

/** Merge a duplicate into this record, and undo earlier merges (DPH data steward). */
export function MergePanel({ view, onAction }: { view: PatientView; onAction: RecordAction }) {
  const [iisId, setIisId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <section aria-labelledby="merge-heading" className="margin-top-4">
      <h2 id="merge-heading">Merge duplicates (data steward)</h2>
      {view.merges.length > 0 && (
        <ul>
          {view.merges.map((m) => (
            <li key={m.id}>
              {m.mergedIisId} merged in on {m.at.slice(0, 10)} ({m.reason}){' '}
              <Button
                type="button"
                unstyled
                onClick={() => {
                  const why = window.prompt('Why undo this merge?');
                  if (why)
                    void onAction(
                      () => api.post(`/api/patient-merges/${m.id}/undo`, { reason: why }),
                      'Merge undone: both records are restored.',
                    );
                }}
              >
                Unmerge
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void onAction(async () => {
            const found = await api.post<PatientSearchResults>('/api/patients/search', { iisId });
            const other = found.results[0];
            if (!other) throw new ApiError(404, 'not_found', `No record with IIS id ${iisId}`);
            await api.post('/api/patient-merges', { survivorId: view.id, mergedId: other.id, reason });
          }, 'Merged into this record.');
        }}
      >
        <Field id="merge-iis" label="IIS id of the duplicate to merge into this record">
          <TextInput id="merge-iis" name="iisId" type="text" value={iisId} onChange={(e) => setIisId(e.target.value)} required />
        </Field>
        <Field id="merge-reason" label="Reason">
          <TextInput id="merge-reason" name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <Button type="submit" secondary>
          Merge
        </Button>
      </Form>
    </section>
  );
}
