import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Form, Grid, Select, TextInput } from '@trussworks/react-uswds';
import type { RequirementRuleView, RequirementYearView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { GRADES, gradeLabel } from './school-api';

const TEXT_FIELDS = ['label', 'countedFromAge', 'lastDoseMinAge', 'minSpan', 'requiredBelowAge', 'seasonFrom', 'seasonDue'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type FormState = Record<TextField, string> & { vaccineGroup: string; antigen: string; doses: string };

function stateOf(r: RequirementRuleView | null): FormState {
  return {
    label: r?.label ?? '',
    vaccineGroup: r?.vaccineGroup ?? '',
    antigen: r?.antigen ?? '',
    doses: String(r?.doses ?? 1),
    countedFromAge: r?.countedFromAge ?? '',
    lastDoseMinAge: r?.lastDoseMinAge ?? '',
    minSpan: r?.minSpan ?? '',
    requiredBelowAge: r?.requiredBelowAge ?? '',
    seasonFrom: r?.seasonFrom ?? '',
    seasonDue: r?.seasonDue ?? '',
  };
}

const LABELS: Record<TextField, [string, string | undefined]> = {
  label: ['Name', 'As schools and parents know it, e.g. DTaP'],
  countedFromAge: ['Doses count from age', 'e.g. 1 years'],
  lastDoseMinAge: ['Last dose at or after age', 'e.g. 4 years'],
  minSpan: ['First and last dose at least', 'e.g. 6 months'],
  requiredBelowAge: ['Required only under age', 'e.g. 5 years'],
  seasonFrom: ['Seasonal: doses count from (MM-DD)', 'e.g. 08-01 for flu'],
  seasonDue: ['Seasonal: due by (MM-DD)', 'e.g. 12-31'],
};

/** Adds a requirement to grades of the year, or edits one (`editing`): the rule's data, sent with the year's version. */
export function RequirementForm({
  view,
  editing,
  onDone,
}: {
  view: RequirementYearView;
  editing: RequirementRuleView | null;
  onDone: (message: string) => Promise<void>;
}) {
  const [form, setForm] = useState<FormState>(() => stateOf(editing));
  const [grades, setGrades] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const id = (f: string) => `requirement-${f}`;
  const msg = (f: string) => error?.fieldMessage(f);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const antigens = view.vaccineGroups.find((g) => g.vaccineGroup === form.vaccineGroup)?.antigens ?? [];
  const base = `/api/school-requirements/${view.schoolYear}/requirements`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = {
      version: view.version,
      ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, form[k].trim() || null])),
      label: form.label.trim(),
      vaccineGroup: form.vaccineGroup,
      antigen: form.antigen,
      doses: Number(form.doses),
    };
    try {
      if (editing) {
        await api.put(`${base}/${editing.grade}/${encodeURIComponent(editing.label)}`, body);
        await onDone(`${body.label} (${gradeLabel(editing.grade)}) saved.`);
      } else {
        await api.post(base, { ...body, grades });
        await onDone(`${body.label} added to ${grades.map(gradeLabel).join(', ')}.`);
      }
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <Form onSubmit={submit} className="maxw-none" aria-label={editing ? 'Edit the requirement' : 'Add a requirement'}>
      <ErrorSummary
        error={error}
        fieldIds={Object.fromEntries(['grades', 'vaccineGroup', 'antigen', 'doses', ...TEXT_FIELDS].map((k) => [k, id(k)]))}
      />
      {!editing && (
        <Fieldset legend="Grades" id={id('grades')}>
          {msg('grades') && <span className="usa-error-message">{msg('grades')}</span>}
          <div className="nutmeg-checkbox-row">
            {GRADES.map((g) => (
              <Checkbox
                key={g}
                id={id(`grade-${g}`)}
                name="grades"
                label={gradeLabel(g)}
                checked={grades.includes(g)}
                onChange={(e) => setGrades(e.target.checked ? [...grades, g] : grades.filter((x) => x !== g))}
              />
            ))}
          </div>
        </Fieldset>
      )}
      <Grid row gap>
        <Grid tablet={{ col: 4 }}>
          <Field id={id('vaccineGroup')} label="Vaccine group" error={msg('vaccineGroup')} required>
            <Select
              id={id('vaccineGroup')}
              name="vaccineGroup"
              value={form.vaccineGroup}
              onChange={(e) => setForm({ ...form, vaccineGroup: e.target.value, antigen: '' })}
              required
            >
              <option value="">- Choose -</option>
              {view.vaccineGroups.map((g) => (
                <option key={g.vaccineGroup} value={g.vaccineGroup}>
                  {g.vaccineGroup}
                </option>
              ))}
            </Select>
          </Field>
        </Grid>
        <Grid tablet={{ col: 4 }}>
          <Field id={id('antigen')} label="Antigen whose valid doses count" error={msg('antigen')} required>
            <Select id={id('antigen')} name="antigen" value={form.antigen} onChange={set('antigen')} required>
              <option value="">- Choose -</option>
              {antigens.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
        </Grid>
        <Grid tablet={{ col: 4 }}>
          <Field id={id('doses')} label="Doses" error={msg('doses')} required>
            <TextInput id={id('doses')} name="doses" type="number" min={1} max={10} value={form.doses} onChange={set('doses')} required />
          </Field>
        </Grid>
        {TEXT_FIELDS.map((k) => (
          <Grid tablet={{ col: k === 'label' ? 12 : 6 }} key={k}>
            <Field id={id(k)} label={LABELS[k][0]} hint={LABELS[k][1]} error={msg(k)} required={k === 'label'}>
              <TextInput
                id={id(k)}
                name={k}
                type="text"
                value={form[k]}
                onChange={set(k)}
                aria-describedby={describedBy(id(k), msg(k), true)}
                required={k === 'label'}
              />
            </Field>
          </Grid>
        ))}
      </Grid>
      <Button type="submit" data-testid="save-requirement">
        {editing ? 'Save the requirement' : 'Add the requirement'}
      </Button>
    </Form>
  );
}
