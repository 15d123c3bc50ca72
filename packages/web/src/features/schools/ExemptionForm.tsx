import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Fieldset, Form, Grid, Select, TextInput } from '@trussworks/react-uswds';
import type { ExemptionView, RosterEntryView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';

const EMPTY = { studentId: '', kind: 'medical', documentDate: '', expiresOn: '', note: '' };
type FormState = typeof EMPTY;

/**
 * Records a medical (with expiry) or religious exemption for a student of the roster, from the family's document:
 * of every requirement, or of the vaccines ticked (a medical contraindication to one vaccine).
 */
export function ExemptionForm({ schoolId, students, groups }: { schoolId: string; students: RosterEntryView[]; groups: string[] }) {
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [covered, setCovered] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<ExemptionView | null>(null);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const id = (f: string) => `exemption-${f}`;
  const msg = (f: string) => error?.fieldMessage(f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const body = {
        ...form,
        expiresOn: form.kind === 'medical' && form.expiresOn ? form.expiresOn : null,
        vaccineGroups: covered.length ? covered : null,
        note: form.note || null,
      };
      setSaved(await api.post<ExemptionView>(`/api/schools/${schoolId}/exemptions`, body));
      setForm(EMPTY);
      setCovered([]);
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <section aria-labelledby="exemption-heading">
      <h2 id="exemption-heading">Record an exemption</h2>
      <p>A new document of the same kind replaces the exemption in force. Medical exemptions that have expired are cleared at rollover.</p>
      <ErrorSummary
        error={error}
        fieldIds={{ ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, id(k)])), vaccineGroups: id('vaccineGroups') }}
      />
      {saved && (
        <Alert type="success" headingLevel="h3" slim role="status" data-testid="exemption-saved">
          {saved.kind === 'medical' ? 'Medical' : 'Religious'} exemption recorded for student {saved.studentId}
          {saved.vaccineGroups ? ` (${saved.vaccineGroups.join(', ')})` : ' (every requirement)'}.
        </Alert>
      )}
      <Form onSubmit={submit} className="maxw-none" aria-label="Record an exemption">
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <Field id={id('studentId')} label="Student" error={msg('studentId')} required>
              <Select id={id('studentId')} name="studentId" value={form.studentId} onChange={set('studentId')} required>
                <option value="">- Choose -</option>
                {students.map((s) => (
                  <option key={s.id} value={s.studentId}>
                    {s.lastName}, {s.firstName} ({s.studentId})
                  </option>
                ))}
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id={id('kind')} label="Kind" error={msg('kind')} required>
              <Select id={id('kind')} name="kind" value={form.kind} onChange={set('kind')}>
                <option value="medical">Medical</option>
                <option value="religious">Religious</option>
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id={id('documentDate')} label="Document date" error={msg('documentDate')} required>
              <input
                className="usa-input"
                id={id('documentDate')}
                name="documentDate"
                type="date"
                value={form.documentDate}
                onChange={set('documentDate')}
                aria-describedby={describedBy(id('documentDate'), msg('documentDate'))}
                required
              />
            </Field>
          </Grid>
          {form.kind === 'medical' && (
            <Grid tablet={{ col: 4 }}>
              <Field id={id('expiresOn')} label="Expires on (if the document says)" error={msg('expiresOn')}>
                <input
                  className="usa-input"
                  id={id('expiresOn')}
                  name="expiresOn"
                  type="date"
                  value={form.expiresOn}
                  onChange={set('expiresOn')}
                  aria-describedby={describedBy(id('expiresOn'), msg('expiresOn'))}
                />
              </Field>
            </Grid>
          )}
          <Grid col={12}>
            <Fieldset legend="Vaccines it covers (none ticked: every requirement)" id={id('vaccineGroups')}>
              {msg('vaccineGroups') && <span className="usa-error-message">{msg('vaccineGroups')}</span>}
              <div className="nutmeg-checkbox-row">
                {groups.map((g) => (
                  <Checkbox
                    key={g}
                    id={id(`group-${g.replace(/[^A-Za-z0-9]/g, '-')}`)}
                    name="vaccineGroups"
                    label={g}
                    checked={covered.includes(g)}
                    onChange={(e) => setCovered(e.target.checked ? [...covered, g] : covered.filter((x) => x !== g))}
                  />
                ))}
              </div>
            </Fieldset>
          </Grid>
          <Grid tablet={{ col: 8 }}>
            <Field id={id('note')} label="Note" error={msg('note')}>
              <TextInput id={id('note')} name="note" type="text" value={form.note} onChange={set('note')} />
            </Field>
          </Grid>
        </Grid>
        <Button type="submit" data-testid="record-exemption">
          Record the exemption
        </Button>
      </Form>
    </section>
  );
}
