import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Select, TextInput } from '@trussworks/react-uswds';
import type { RosterEntryView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { GRADES, gradeLabel } from './school-api';

const EMPTY = { studentId: '', grade: 'K', lastName: '', firstName: '', middleName: '', dob: '', sex: 'U', guardian: '' };
type FormState = typeof EMPTY;

/** Adds one student to the roster; the server matches the student as it does a file's row. */
export function AddStudentForm({ schoolId, year }: { schoolId: string; year: number }) {
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<RosterEntryView | null>(null);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const id = (f: string) => `student-${f}`;
  const msg = (f: string) => error?.fieldMessage(f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setAdded(null);
    try {
      setAdded(await api.post<RosterEntryView>(`/api/schools/${schoolId}/roster/students`, { ...form, schoolYear: year }));
      setForm(EMPTY);
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const text = (f: keyof FormState, label: string, required = false, type = 'text') => (
    <Grid tablet={{ col: 4 }} key={f}>
      <Field id={id(f)} label={label} error={msg(f)} required={required}>
        <TextInput
          id={id(f)}
          name={f}
          type={type as 'text'}
          value={form[f]}
          onChange={set(f)}
          aria-describedby={describedBy(id(f), msg(f))}
          required={required}
        />
      </Field>
    </Grid>
  );

  return (
    <section aria-labelledby="add-student-heading">
      <h2 id="add-student-heading">Add a student</h2>
      <ErrorSummary error={error} fieldIds={Object.fromEntries(Object.keys(EMPTY).map((k) => [k, id(k)]))} />
      {added && (
        <Alert type="success" headingLevel="h3" slim role="status" data-testid="student-added">
          {added.firstName} {added.lastName} added: {added.matchReason}.
        </Alert>
      )}
      <Form onSubmit={submit} className="maxw-none" aria-label="Add a student">
        <Grid row gap>
          {text('lastName', 'Last name', true)}
          {text('firstName', 'First name', true)}
          {text('middleName', 'Middle name')}
          {text('dob', 'Date of birth', true, 'date')}
          <Grid tablet={{ col: 4 }}>
            <Field id={id('sex')} label="Sex" error={msg('sex')} required>
              <Select id={id('sex')} name="sex" value={form.sex} onChange={set('sex')}>
                <option value="F">Female</option>
                <option value="M">Male</option>
                <option value="U">Unknown</option>
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id={id('grade')} label="Grade" error={msg('grade')} required>
              <Select id={id('grade')} name="grade" value={form.grade} onChange={set('grade')}>
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    {gradeLabel(g)}
                  </option>
                ))}
              </Select>
            </Field>
          </Grid>
          {text('studentId', 'Student id', true)}
          {text('guardian', 'Parent or guardian')}
        </Grid>
        <Button type="submit" data-testid="add-student">
          Add the student
        </Button>
      </Form>
    </section>
  );
}
