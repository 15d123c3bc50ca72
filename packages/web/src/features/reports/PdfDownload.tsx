// A reminder/recall PDF (letters, labels, call list): up to the server's limit (`list.pdfInlineMax`) a plain
// download as before; above it the file is prepared by a background report run — the button queues it, the
// progress is polled, and the finished file downloads from the run (kept for this user).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@trussworks/react-uswds';
import type { ReminderList, ReportFileResult, ReportRun } from '@nutmeg/api-types';
import { api, toApiError } from '../../api';

type Kind = 'letters' | 'labels' | 'call_list';

/** How many patients a file of this kind holds (letters and labels: complete addresses only). */
export function pdfCount(list: ReminderList, kind: Kind): number {
  return kind === 'call_list' ? list.patients.length : list.patients.filter((p) => !p.addressProblem).length;
}

function RunStatus({ runId, label, testId }: { runId: string; label: string; testId: string }) {
  const q = useQuery({
    queryKey: ['report-run', runId],
    queryFn: () => api.get<ReportRun>(`/api/reports/runs/${runId}`),
    refetchInterval: (query) => (query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1500),
  });
  const run = q.data;
  if (!run || run.status === 'queued' || run.status === 'running') {
    return (
      <span role="status" data-testid={`${testId}-progress`}>
        Preparing {label}: {run?.progress ?? 0}%{run?.progressNote ? ` (${run.progressNote})` : ''}{' '}
        <progress max={100} value={run?.progress ?? 0} aria-label={`${label} progress`} />
      </span>
    );
  }
  if (run.status === 'failed')
    return (
      <span className="usa-error-message">
        {label} could not be prepared: {run.error}
      </span>
    );
  const r = run.result as ReportFileResult | null | undefined;
  return (
    <a className="usa-button" href={`/api/reports/runs/${runId}/file`} download data-testid={`${testId}-file`}>
      Download {label} ({r?.patients ?? 0} patients)
    </a>
  );
}

export function PdfDownload(props: {
  list: ReminderList;
  kind: Kind;
  href: string;
  label: string;
  testId: string;
  params: Record<string, unknown>;
  /** The link carries the download attribute (as the call list's did). */
  download?: boolean;
}) {
  const { list, kind, href, label, testId, params, download } = props;
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const count = pdfCount(list, kind);
  if (count <= list.pdfInlineMax) {
    return (
      <a className="usa-button usa-button--outline" href={href} download={download} data-testid={testId}>
        {label}
      </a>
    );
  }
  if (runId) return <RunStatus runId={runId} label={label} testId={testId} />;
  const start = async () => {
    setError('');
    try {
      const run = await api.post<ReportRun>('/api/reports/runs', { kind, params });
      setRunId(run.id);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <>
      <Button type="button" outline onClick={() => void start()} data-testid={testId}>
        Prepare {label} ({count} patients, in the background)
      </Button>
      {error && <span className="usa-error-message">{error}</span>}
    </>
  );
}
