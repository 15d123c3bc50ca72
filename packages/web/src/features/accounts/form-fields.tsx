import { Fragment, type ReactNode } from 'react';
import { Alert } from '@trussworks/react-uswds';
import type { ApiError } from '../../api';

// The labelled field and its aria-describedby are shared UI (src/components); the accounts forms import them from here too.
export { Field, describedBy } from '../../components/FormControls';

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
