import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import { api } from '../../api';
import { ReportComparisonTable, SourceHeading, countDiffering } from './ReportComparisonTable';
import { compareDoseReports } from './reported-versions';
import type { DoseReports, DoseView } from '@nutmeg/api-types';

/** One dose's reports side by side: the report the record shows, then every other source's (loaded on demand). */
export function DoseReportsComparison({ patientId, dose, initiallyOpen }: { patientId: string; dose: DoseView; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const ref = useRef<HTMLDivElement>(null);
  const reports = useQuery({
    queryKey: ['patient', patientId, 'dose-reports', dose.id],
    queryFn: () => api.get<DoseReports>(`/api/patients/${patientId}/doses/${dose.id}/reports`),
    enabled: open,
  });
  useEffect(() => {
    if (initiallyOpen && reports.data) ref.current?.scrollIntoView();
  }, [initiallyOpen, reports.data]);
  const count = dose.reports.length + 1;
  const title = `${dose.vaccine} on ${dose.date}`;
  const compared = reports.data && reports.data.reports.length > 0 ? compareDoseReports(reports.data.reports) : null;
  const differing = compared ? countDiffering(compared.rows) : 0;
  return (
    <div className="margin-top-3" data-testid="dose-reports" id={`dose-${dose.id}`} ref={ref}>
      <h3 className="margin-bottom-1">{title}</h3>
      <p className="margin-top-0 font-body-2xs">
        Reported by {[dose.sourceOrganization ?? 'unknown', ...dose.reports.map((r) => r.source ?? 'unknown')].join(', ')}.
      </p>
      {!open && (
        <Button type="button" outline onClick={() => setOpen(true)}>
          Show the {count} reports side by side<span className="usa-sr-only"> for {title}</span>
        </Button>
      )}
      {open && reports.isPending && <p>Loading…</p>}
      {open && reports.error && (
        <Alert type="error" headingLevel="h4" slim>
          The reports of this dose could not be loaded: {reports.error.message}
        </Alert>
      )}
      {compared && (
        <>
          <p className="font-body-2xs">
            {differing === 0
              ? 'Every report agrees with the dose as recorded.'
              : `${differing} field${differing === 1 ? '' : 's'} differ${differing === 1 ? 's' : ''} from the dose as recorded.`}
          </p>
          <ReportComparisonTable
            testId="dose-reports-table"
            caption={`Reports of ${title}`}
            masterHeading={
              <SourceHeading
                version={compared.master}
                note={<span className="display-block font-body-3xs text-normal">the report the record shows</span>}
              />
            }
            masterLabel={`${compared.master.source ?? 'Unknown source'} (the record shows it)`}
            versions={compared.others.map((o) => ({
              key: o.id,
              heading: <SourceHeading version={o} />,
              label: o.source ?? 'Unknown source',
            }))}
            rows={compared.rows}
          />
        </>
      )}
    </div>
  );
}
