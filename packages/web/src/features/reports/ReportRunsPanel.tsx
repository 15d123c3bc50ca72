import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { CoverageReport, DosesAdministeredReport, ReportRun, ReportRunList } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { useSession } from '../../session';

const STATUS: Record<ReportRun['status'], string> = { queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed' };

/** The filters, each kept on one line (a date never breaks across lines). */
function Filters({ params }: { params: Record<string, unknown> }) {
  return Object.entries(params).map(([k, v], i) => (
    <span key={k}>
      {i > 0 && ', '}
      {k}: <span className="nutmeg-date">{String(v)}</span>
    </span>
  ));
}

/** The headline of a finished run, read from its stored result. */
function Outcome({ run }: { run: ReportRun }) {
  const q = useQuery({
    queryKey: ['report-run', run.id],
    queryFn: () => api.get<ReportRun>(`/api/reports/runs/${run.id}`),
    enabled: run.status === 'done',
    staleTime: Infinity,
  });
  const r = q.data?.result;
  if (!r) return null;
  if (run.kind === 'coverage') {
    const c = r as CoverageReport;
    return (
      <>
        {c.total.population} people, combined series {c.total.combined.percent === null ? '—' : `${c.total.combined.percent}%`} up to date
      </>
    );
  }
  return <>{(r as DosesAdministeredReport).total} doses</>;
}

/**
 * Statewide reports in the background (DPH): the current filters queued as a run, its progress while the page
 * polls, and the finished result kept to download later.
 */
export function ReportRunsPanel({ kind, params }: { kind: ReportRun['kind']; params: Record<string, unknown> }) {
  const { me } = useSession();
  const client = useQueryClient();
  const [error, setError] = useState('');
  const statewide = me?.activeScope?.accessType === 'dph';
  const runs = useQuery({
    queryKey: ['report-runs'],
    queryFn: () => api.get<ReportRunList>('/api/reports/runs'),
    enabled: statewide,
    // Poll while a run is waiting or running: the job writes its progress as it goes.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false),
  });
  if (!statewide) return null;
  const mine = runs.data?.runs.filter((r) => r.kind === kind) ?? [];
  return (
    <section aria-labelledby="runs-heading" className="no-print margin-top-4" data-testid="report-runs">
      <h2 id="runs-heading">Statewide runs in the background</h2>
      <p>A statewide report can take a while: run it in the background and download the result when it is ready.</p>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Not queued" slim>
          {error}
        </Alert>
      )}
      <Button
        type="button"
        outline
        onClick={() => {
          setError('');
          api.post<ReportRun>('/api/reports/runs', { kind, params }).then(
            () => void client.invalidateQueries({ queryKey: ['report-runs'] }),
            (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
          );
        }}
      >
        Run these filters in the background
      </Button>
      {mine.length > 0 && (
        <StackedTable fullWidth caption="Your latest runs">
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">Filters</th>
              <th scope="col">Progress</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((r) => (
              <tr key={r.id} data-testid="report-run">
                <td className="nutmeg-date">{formatDateTime(r.queuedAt)}</td>
                <td>
                  <Filters params={r.params} />
                </td>
                <td>
                  <progress max={100} value={r.progress} aria-label={`Progress of the run queued ${formatDateTime(r.queuedAt)}`} />{' '}
                  {STATUS[r.status]} ({r.progress}%){r.progressNote ? `: ${r.progressNote}` : ''}
                  {r.error ? `: ${r.error}` : ''}
                </td>
                <td>
                  {r.status === 'done' && (
                    <>
                      <Outcome run={r} />{' '}
                      <a href={`/api/reports/runs/${r.id}/csv`} download>
                        Download CSV
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </section>
  );
}
