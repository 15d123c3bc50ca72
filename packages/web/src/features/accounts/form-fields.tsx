import { Fragment, type ReactNode } from 'react';
import { Alert, ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import type { ApiError } from '../../api';

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

/**
 * The error summary at the top of a form: the server's message and each field problem as a link
 * to the field, so keyboard and screen-reader users can reach them.
 */
export function ErrorSummary({
  error,
  fieldIds = {},
  heading,
}: {
  error: ApiError | null;
  fieldIds?: Record<string, string>;
  heading?: string;
}) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      headingLevel="h2"
      heading={error.fields.length ? 'Please correct the following' : (heading ?? 'That did not work')}
      role="alert"
      data-testid="error-summary"
    >
      <p className="margin-top-0">{error.message}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <a href={`#${fieldIds[f.path] ?? f.path.replaceAll('.', '-')}`}>{f.message}</a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Label–value pairs as a description list, two columns from tablet width. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid-row margin-y-2 maxw-tablet-lg">
      {items.map(([k, v]) => (
        <Fragment key={k}>
          <dt className="grid-col-12 tablet:grid-col-4 text-bold padding-y-05">{k}</dt>
          <dd className="grid-col-12 tablet:grid-col-8 margin-0 padding-y-05">{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
