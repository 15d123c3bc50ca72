// USWDS form fields with the server's field-level message: the label, the error, the hint and the control wired
// together (aria-describedby), written once for every form that needs a text box, a choice list or an address.
import type { ReactNode } from 'react';
import { ErrorMessage, Fieldset, FormGroup, Grid, Label, Select, TextInput } from '@trussworks/react-uswds';
import type { PostalAddress } from '@nutmeg/api-types';

/** A labelled form field with the server's field-level message (USWDS error state) and a hint. */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <FormGroup error={!!error}>
      <Label htmlFor={id} error={!!error} requiredMarker={required} hint={hint ? <span id={`${id}-hint`}> {hint}</span> : undefined}>
        {label}
      </Label>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </FormGroup>
  );
}

/** aria-describedby for a field: its error and hint, when present. */
export function describedBy(id: string, error?: string, hint?: boolean): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A text box (or e-mail, phone, date…) in its labelled field. */
export function TextField({
  id,
  name = id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  type = 'text',
}: {
  id: string;
  name?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  type?: 'text' | 'email' | 'tel' | 'date' | undefined;
}) {
  return (
    <Field id={id} label={label} error={error} required={required} hint={hint}>
      <TextInput
        id={id}
        name={name}
        type={type as 'text'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, error, !!hint)}
        required={required}
      />
    </Field>
  );
}

/** A choice's value and its label, in the order offered. */
export type Option = readonly [value: string, label: string];

/**
 * A choice from `options` (pairs in order, or value → label) in its labelled field, one for every form: `none`
 * is a first choice with no value ("- Select -" unless told otherwise for a required one, none for an optional one).
 */
export function SelectField({
  id,
  name = id,
  label,
  value,
  options,
  onChange,
  hint,
  error,
  required,
  none = required ? '- Select -' : undefined,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  value: string;
  options: readonly Option[] | Readonly<Record<string, string>>;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  none?: string;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <Select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, error, !!hint)}
        required={required}
      >
        {none !== undefined && <option value="">{none}</option>}
        {(Array.isArray(options) ? options : Object.entries(options)).map(([v, l]: Option) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A postal address (all four lines required); ids `${name}-street`…, errors at the paths `${name}.street`…. */
export function AddressFieldset({
  name,
  legend,
  value,
  onChange,
  errorAt,
}: {
  name: string;
  legend: string;
  value: PostalAddress;
  onChange: (value: PostalAddress) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const line = (k: keyof PostalAddress, label: string) => (
    <TextField
      id={`${name}-${k}`}
      label={label}
      value={value[k]}
      onChange={(v) => onChange({ ...value, [k]: v })}
      error={errorAt(`${name}.${k}`)}
      required
    />
  );
  return (
    <Fieldset legend={legend}>
      <Grid row gap>
        <Grid tablet={{ col: 12 }}>{line('street', 'Street')}</Grid>
        <Grid tablet={{ col: 6 }}>{line('city', 'City or town')}</Grid>
        <Grid tablet={{ col: 2 }}>{line('state', 'State')}</Grid>
        <Grid tablet={{ col: 4 }}>{line('zip', 'ZIP code')}</Grid>
      </Grid>
    </Fieldset>
  );
}
