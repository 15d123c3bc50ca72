// DPH starts a scan of the whole registry from /admin/duplicates: a background job whose progress the panel polls
// while it runs, then the last scan's result (when, by whom, pairs found, pairs queued). One scan at a time: the
// server refuses a second one (409) and the panel says why.
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import { ApiError, api, toApiError } from '../../api';
import { formatDateTime } from '../../dates';
import type { DuplicateScan, DuplicateScanStarted, DuplicateScanStatus } from '@nutmeg/api-types';

const active = (s: DuplicateScan | null | undefined) => s?.status === 'queued' || s?.status === 'running';

function LastScan({ scan }: { scan: DuplicateScan }) {
  if (scan.status === 'failed') {
    return (
      <p data-testid="duplicate-scan-last">
        The last scan, started by {scan.requestedBy} on {formatDateTime(scan.requestedAt)}, stopped
        {scan.finishedAt ? ` on ${formatDateTime(scan.finishedAt)}` : ''} without finishing: {scan.error}
      </p>
    );
  }
  return (
    <p data-testid="duplicate-scan-last">
      Last scan: finished {scan.finishedAt ? formatDateTime(scan.finishedAt) : ''}, started by {scan.requestedBy}.{' '}
      {scan.candidatePairs ?? 0} candidate pair{scan.candidatePairs === 1 ? '' : 's'} compared, {scan.pairsQueued ?? 0} new pair
      {scan.pairsQueued === 1 ? '' : 's'} queued for review.
    </p>
  );
}

export function DuplicateScanPanel({ onFinished }: { onFinished: () => void }) {
  const client = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const wasActive = useRef(false);
  const q = useQuery({
    queryKey: ['duplicate-scans'],
    queryFn: () => api.get<DuplicateScanStatus>('/api/possible-duplicates/scans'),
    refetchInterval: (query) => (active(query.state.data?.current) ? 1500 : false),
  });
  const current = q.data?.current ?? null;
  // A scan that was running and is now finished: the queue below has new pairs to show.
  const running = active(current);
  useEffect(() => {
    if (wasActive.current && !running) onFinished();
    wasActive.current = running;
  }, [running, onFinished]);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post<DuplicateScanStarted>('/api/possible-duplicates/scan', {});
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: ['duplicate-scans'] });
    }
  };
  return (
    <section aria-labelledby="duplicate-scan-heading">
      <h2 id="duplicate-scan-heading">Scan the registry</h2>
      <p>
        The scan compares records born on the same day, one birth year at a time, and adds the likely pairs to the list below. A pair
        already reviewed is never added again.
      </p>
      <Button type="button" outline disabled={busy || active(current)} onClick={() => void start()}>
        Scan the registry for duplicates
      </Button>
      {current && (
        <div role="status" data-testid="duplicate-scan-current">
          <p>
            {current.status === 'queued' ? 'Scan waiting to start' : 'Scan running'}, started by {current.requestedBy} on{' '}
            {formatDateTime(current.requestedAt)}: {current.progress}% done.
            {current.progressNote ? ` ${current.progressNote}.` : ''}
          </p>
          <progress max={100} value={current.progress} aria-label="Duplicate scan progress">
            {current.progress}%
          </progress>
        </div>
      )}
      {q.data?.last && <LastScan scan={q.data.last} />}
      {q.data && !current && !q.data.last && <p>No scan has been run yet.</p>}
      {error && (
        <Alert type="error" headingLevel="h3" heading="The scan did not start" slim>
          {error.message}
        </Alert>
      )}
    </section>
  );
}
