// The parts every report page repeats: the filter form (kept off the printout, filters go to the URL on submit),
// a from/to date pair with the server's field messages, and the outputs toolbar (CSV downloads and Print).
import type { FormEvent, ReactNode } from 'react';
import { Button, ButtonGroup, Form, Grid } from '@trussworks/react-uswds';
import { TextField } from './FormControls';

/** A report's filters in a row, and the button that applies them. */
export function ReportFilters({
  onSubmit,
  label = 'Report filters',
  testId,
  submitLabel = 'Show',
  children,
}: {
  onSubmit: (e: FormEvent) => void;
  label?: string;
  testId?: string;
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <Form onSubmit={onSubmit} className="maxw-full no-print" aria-label={label} data-testid={testId}>
      <Grid row gap>
        {children}
      </Grid>
      <Button type="submit" className="margin-top-2">
        {submitLabel}
      </Button>
    </Form>
  );
}

/** The period of a report: two date fields (ids `${idPrefix}from` and `${idPrefix}to`), each a third of the row. */
export function DateRangeFields({
  idPrefix = '',
  from,
  to,
  onChange,
  error,
  fromLabel = 'From',
}: {
  idPrefix?: string;
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
  /** The failed request's error (an ApiError), for the fields' messages. */
  error?: { fieldMessage(path: string): string | undefined } | null;
  fromLabel?: string;
}) {
  const date = (key: 'from' | 'to', label: string) => (
    <Grid tablet={{ col: 4 }}>
      <TextField
        id={`${idPrefix}${key}`}
        name={key}
        label={label}
        type="date"
        value={key === 'from' ? from : to}
        onChange={(v) => onChange({ from, to, [key]: v })}
        error={error?.fieldMessage(key)}
      />
    </Grid>
  );
  return (
    <>
      {date('from', fromLabel)}
      {date('to', 'To')}
    </>
  );
}

/** A report's outputs, off the printout: each CSV as a download link, the page's other outputs, then Print. */
export function ReportToolbar({
  downloads,
  children,
}: {
  downloads: ReadonlyArray<{ href: string; label?: string }>;
  children?: ReactNode;
}) {
  return (
    <ButtonGroup className="no-print margin-y-2">
      {downloads.map((d) => (
        <a key={d.href} className="usa-button usa-button--outline" href={d.href} download>
          {d.label ?? 'Download CSV'}
        </a>
      ))}
      {children}
      <Button type="button" outline onClick={() => window.print()}>
        Print
      </Button>
    </ButtonGroup>
  );
}
