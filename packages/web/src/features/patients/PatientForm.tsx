import type { FormEvent, ReactNode } from 'react';
import { Button, Checkbox, Fieldset, Form, Grid, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import type { ApiError } from '../../api';
import { ErrorSummary, Field } from '../accounts/form-fields';
import { Options, codeOptions, languageChoices } from './code-options';
import type { Patient } from '@nutmeg/api-types';
import { SelectField } from '../../components/FormControls';

/** Flat form state for the common case: one current address, one phone, one e-mail, one guardian, one MRN. */
export interface PatientFormState {
  first: string;
  middle: string;
  last: string;
  suffix: string;
  dob: string;
  sex: string;
  multipleBirth: boolean;
  birthOrder: string;
  mothersMaidenName: string;
  race: string;
  ethnicity: string;
  language: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  guardianFirst: string;
  guardianLast: string;
  guardianRelationship: string;
  mrn: string;
  birthState: string;
  notes: string;
}

export function emptyForm(prefill: Partial<PatientFormState> = {}): PatientFormState {
  return {
    first: '',
    middle: '',
    last: '',
    suffix: '',
    dob: '',
    sex: '',
    multipleBirth: false,
    birthOrder: '',
    mothersMaidenName: '',
    race: '',
    ethnicity: '',
    language: '',
    street: '',
    city: '',
    state: 'CT',
    zip: '',
    phone: '',
    email: '',
    guardianFirst: '',
    guardianLast: '',
    guardianRelationship: 'MTH',
    mrn: '',
    birthState: '',
    notes: '',
    ...prefill,
  };
}

export function formFromPatient(p: Patient): PatientFormState {
  const a = p.addresses.find((x) => x.current) ?? p.addresses[0];
  const g = p.guardians[0];
  return emptyForm({
    first: p.name.first,
    middle: p.name.middle ?? '',
    last: p.name.last,
    suffix: p.name.suffix ?? '',
    dob: p.dob,
    sex: p.sex,
    multipleBirth: p.multipleBirth,
    birthOrder: p.birthOrder ? String(p.birthOrder) : '',
    mothersMaidenName: p.mothersMaidenName ?? '',
    race: p.race ?? '',
    ethnicity: p.ethnicity ?? '',
    language: p.language ?? '',
    street: a?.street ?? '',
    city: a?.city ?? '',
    state: a?.state ?? 'CT',
    zip: a?.zip ?? '',
    phone: p.phones[0]?.number ?? '',
    email: p.emails[0] ?? '',
    guardianFirst: g?.name.first ?? '',
    guardianLast: g?.name.last ?? '',
    guardianRelationship: g?.relationship ?? 'MTH',
    mrn: p.identifiers.find((i) => i.type === 'MR')?.value ?? '',
    birthState: p.birthState ?? '',
    notes: p.notes ?? '',
  });
}

/** The API body for a form, keeping the record's other addresses/phones/aliases when editing. */
export function bodyFromForm(f: PatientFormState, base?: Patient): Record<string, unknown> {
  const otherAddresses = (base?.addresses ?? []).filter((a) => !a.current).map((a) => ({ ...a }));
  return {
    name: { first: f.first, middle: f.middle || undefined, last: f.last, suffix: f.suffix || undefined },
    aliases: base?.aliases ?? [],
    dob: f.dob,
    sex: f.sex,
    multipleBirth: f.multipleBirth,
    birthOrder: f.multipleBirth && f.birthOrder ? Number(f.birthOrder) : undefined,
    mothersMaidenName: f.mothersMaidenName || undefined,
    race: f.race || undefined,
    ethnicity: f.ethnicity || undefined,
    language: f.language || undefined,
    addresses: [
      ...(f.street ? [{ street: f.street, city: f.city, state: f.state, zip: f.zip, type: 'H', current: true }] : []),
      ...otherAddresses,
    ],
    phones: [...(f.phone ? [{ number: f.phone, use: 'PRN' }] : []), ...(base?.phones.slice(1) ?? [])],
    emails: [...(f.email ? [f.email] : []), ...(base?.emails.slice(1) ?? [])],
    guardians: [
      ...(f.guardianFirst && f.guardianLast
        ? [{ name: { first: f.guardianFirst, last: f.guardianLast }, relationship: f.guardianRelationship }]
        : []),
      ...(base?.guardians.slice(1) ?? []),
    ],
    identifiers: [
      ...(f.mrn ? [{ type: 'MR', value: f.mrn }] : []),
      ...(base?.identifiers.filter(
        (i) =>
          i.type === 'MA' || (i.type === 'MR' && i.value !== f.mrn && i.value !== base.identifiers.find((x) => x.type === 'MR')?.value),
      ) ?? []),
    ],
    birthState: f.birthState || undefined,
    notes: f.notes || undefined,
  };
}

export function PatientForm({
  value,
  onChange,
  onSubmit,
  error,
  submitLabel,
  children,
}: {
  value: PatientFormState;
  onChange: (v: PatientFormState) => void;
  onSubmit: () => void;
  error: ApiError | null;
  submitLabel: string;
  children?: ReactNode;
}) {
  const put = (k: keyof PatientFormState) => (v: string) => onChange({ ...value, [k]: v });
  const set = (k: keyof PatientFormState) => (e: { target: { value: string } }) => put(k)(e.target.value);
  const msg = (path: string) => error?.fieldMessage(path);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  const text = (
    id: keyof PatientFormState,
    label: string,
    path: string,
    opts: { required?: boolean; type?: 'text' | 'date' | 'tel' | 'email'; col?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 } = {},
  ) => (
    <Grid tablet={{ col: opts.col ?? 4 }}>
      <Field id={id} label={label} error={msg(path)} required={opts.required}>
        {opts.type === 'date' ? (
          <input
            className={`usa-input${msg(path) ? ' usa-input--error' : ''}`}
            id={id}
            name={id}
            type="date"
            value={String(value[id])}
            onChange={set(id)}
            required={opts.required}
          />
        ) : (
          <TextInput
            id={id}
            name={id}
            type={opts.type ?? 'text'}
            value={String(value[id])}
            onChange={set(id)}
            required={opts.required}
            validationStatus={msg(path) ? 'error' : undefined}
          />
        )}
      </Field>
    </Grid>
  );
  return (
    <Form onSubmit={submit} large className="maxw-full">
      <ErrorSummary
        error={error}
        fieldIds={{
          'name.first': 'first',
          'name.last': 'last',
          dob: 'dob',
          sex: 'sex',
          'addresses.0.zip': 'zip',
          'phones.0.number': 'phone',
          'emails.0': 'email',
        }}
      />
      <Fieldset legend="Name and birth" className="nutmeg-form-section">
        <Grid row gap>
          {text('first', 'First name', 'name.first', { required: true })}
          {text('middle', 'Middle name', 'name.middle')}
          {text('last', 'Last name', 'name.last', { required: true })}
          {text('suffix', 'Suffix', 'name.suffix', { col: 2 })}
          {text('dob', 'Date of birth', 'dob', { required: true, type: 'date', col: 3 })}
          <Grid tablet={{ col: 3 }}>
            <Field id="sex" label="Sex" error={msg('sex')} required>
              <Select id="sex" name="sex" value={value.sex} onChange={set('sex')} required>
                <option value="">- Select -</option>
                <Options options={codeOptions('sex', value.sex)} />
              </Select>
            </Field>
          </Grid>
          {text('mothersMaidenName', 'Mother’s maiden name', 'mothersMaidenName')}
        </Grid>
        <Checkbox
          id="multipleBirth"
          name="multipleBirth"
          label="Part of a multiple birth (twins, triplets)"
          checked={value.multipleBirth}
          onChange={(e) => onChange({ ...value, multipleBirth: e.target.checked })}
        />
        {value.multipleBirth && (
          <Grid row gap>
            {text('birthOrder', 'Birth order (1, 2, 3…)', 'birthOrder', { col: 3 })}
          </Grid>
        )}
      </Fieldset>
      <Fieldset legend="Demographics" className="nutmeg-form-section margin-top-5">
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <SelectField
              id="race"
              name="race"
              label="Race"
              none="Not reported"
              options={codeOptions('race', value.race)}
              value={value.race}
              onChange={put('race')}
            />
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <SelectField
              id="ethnicity"
              name="ethnicity"
              label="Ethnicity"
              none="Not reported"
              options={codeOptions('ethnicity', value.ethnicity)}
              value={value.ethnicity}
              onChange={put('ethnicity')}
            />
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <SelectField
              id="language"
              name="language"
              label="Preferred language"
              none="Not reported"
              options={languageChoices(value.language)}
              value={value.language}
              onChange={put('language')}
            />
          </Grid>
          {text('birthState', 'Birth state', 'birthState', { col: 2 })}
        </Grid>
      </Fieldset>
      <Fieldset legend="Contact" className="nutmeg-form-section margin-top-5">
        <Grid row gap>
          {text('street', 'Street address', 'addresses.0.street', { col: 6 })}
          {text('city', 'City or town', 'addresses.0.city', { col: 3 })}
          {text('state', 'State', 'addresses.0.state', { col: 1 })}
          {text('zip', 'ZIP code', 'addresses.0.zip', { col: 2 })}
          {text('phone', 'Phone', 'phones.0.number', { type: 'tel' })}
          {text('email', 'E-mail', 'emails.0', { type: 'email' })}
          {text('mrn', 'Your clinic’s MRN', 'identifiers.0.value')}
        </Grid>
      </Fieldset>
      <Fieldset legend="Parent, guardian or responsible person" className="nutmeg-form-section margin-top-5">
        <Grid row gap>
          {text('guardianFirst', 'Guardian’s first name', 'guardians.0.name.first')}
          {text('guardianLast', 'Guardian’s last name', 'guardians.0.name.last')}
          <Grid tablet={{ col: 4 }}>
            <Field id="guardianRelationship" label="Relationship">
              <Select
                id="guardianRelationship"
                name="guardianRelationship"
                value={value.guardianRelationship}
                onChange={set('guardianRelationship')}
              >
                <Options options={codeOptions('relationship', value.guardianRelationship)} />
              </Select>
            </Field>
          </Grid>
        </Grid>
      </Fieldset>
      <Field id="notes" label="Notes" error={msg('notes')}>
        <Textarea id="notes" name="notes" value={value.notes} onChange={set('notes')} />
      </Field>
      {children}
      <Button type="submit" data-testid="save-patient">
        {submitLabel}
      </Button>
    </Form>
  );
}
