import { useCallback, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Fieldset, Radio, TextInput } from '@trussworks/react-uswds';
import { ApiError, api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { Field } from '../accounts/form-fields';
import { DuplicateScanPanel } from './DuplicateScanPanel';
import type { PossibleDuplicatePair, PossibleDuplicateQueue, PossibleDuplicateResolved, PossibleDuplicateSide } from '@nutmeg/api-types';

const PAGE = 10;

const SOURCES: Record<PossibleDuplicatePair['source'], string> = {
  ui: 'added in Nutmeg',
  hl7: 'HL7 message',
  fhir: 'FHIR',
  import: 'import',
  cli: 'command line',
  scan: 'duplicate scan',
};

type Row = [label: string, value: (p: PossibleDuplicateSide) => string];
const ROWS: Row[] = [
  ['IIS id', (p) => p.iisId],
  ['Date of birth', (p) => p.dob],
  ['Sex', (p) => p.sex],
  ["Mother's maiden name", (p) => p.mothersMaidenName ?? '—'],
  ['Address', (p) => p.address ?? '—'],
  ['Phones', (p) => p.phones.join(', ') || '—'],
  ['Guardians', (p) => p.guardians.join(', ') || '—'],
  ['Record created', (p) => formatDateTime(p.createdAt)],
];

/** One pair side by side: the fields that differ are marked, then the steward's decision. */
function PairCard({ pair, onDone }: { pair: PossibleDuplicatePair; onDone: (message: string) => void }) {
  const [a, b] = pair.patients;
  const [survivor, setSurvivor] = useState(a.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (kind: 'merge' | 'not-duplicate') => {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'merge') {
        await api.post<PossibleDuplicateResolved>(`/api/possible-duplicates/${pair.id}/merge`, { survivorId: survivor, reason });
        onDone(`Merged: ${survivor === a.id ? b.iisId : a.iisId} now lives on in ${survivor === a.id ? a.iisId : b.iisId}.`);
      } else {
        await api.post<PossibleDuplicateResolved>(`/api/possible-duplicates/${pair.id}/not-duplicate`, { note: reason });
        onDone(`${a.iisId} and ${b.iisId} marked as different people; this pair will not be queued again.`);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(500, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const id = `pair-${pair.id}`;
  return (
    <section
      aria-labelledby={`${id}-h`}
      className="border-1px border-base-lighter radius-md padding-2 margin-bottom-3"
      data-testid="duplicate-pair"
    >
      <h2 id={`${id}-h`} className="margin-top-0">
        {a.name} / {b.name} <span className="text-normal font-body-sm">(match score {pair.score})</span>
      </h2>
      <p className="margin-y-1">
        Queued {formatDateTime(pair.queuedAt)} from {SOURCES[pair.source]}. Why: {pair.reasons.join('; ') || 'no reasons recorded'}.
      </p>
      <StackedTable fullWidth caption="The two records">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col" data-label="First record">
              <Link to={`/patients/${a.id}`}>{a.name}</Link>
            </th>
            <th scope="col" data-label="Second record">
              <Link to={`/patients/${b.id}`}>{b.name}</Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, value]) => {
            const differ = value(a) !== value(b) && label !== 'IIS id' && label !== 'Record created';
            return (
              <tr key={label}>
                <th scope="row">
                  {label}
                  {differ && <span className="text-secondary-dark"> (differs)</span>}
                </th>
                <td>{value(a)}</td>
                <td>{value(b)}</td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void decide('merge');
        }}
      >
        {error && (
          <Alert type="error" headingLevel="h3" heading="Not done" slim>
            {error.message}
            {error.fields?.map((f) => ` ${f.message}`)}
          </Alert>
        )}
        <Fieldset legend="Record to keep if merged" legendStyle="default">
          {[a, b].map((p) => (
            <Radio
              key={p.id}
              id={`${id}-keep-${p.id}`}
              name={`${id}-keep`}
              label={`${p.name}, IIS ${p.iisId}`}
              checked={survivor === p.id}
              onChange={() => setSurvivor(p.id)}
            />
          ))}
        </Fieldset>
        <Field id={`${id}-reason`} label="Reason (recorded with the decision)">
          <TextInput id={`${id}-reason`} name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <div className="margin-top-2">
          <Button type="submit" disabled={busy}>
            Merge
          </Button>
          <Button type="button" outline disabled={busy} onClick={() => void decide('not-duplicate')}>
            Not a duplicate
          </Button>
        </div>
      </form>
    </section>
  );
}

/** DPH data steward: possible duplicates found by HL7, clinics' adds and scans, reviewed pair by pair. */
export function PossibleDuplicatesPage() {
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const q = useQuery({
    queryKey: ['possible-duplicates', page],
    queryFn: () => api.get<PossibleDuplicateQueue>(`/api/possible-duplicates${qs({ limit: PAGE, offset: (page - 1) * PAGE })}`),
  });
  const refreshQueue = useCallback(() => void client.invalidateQueries({ queryKey: ['possible-duplicates'] }), [client]);
  const done = (m: string) => {
    setMessage(m);
    void client.invalidateQueries({ queryKey: ['possible-duplicates'] });
  };
  return (
    <>
      <h1>Possible duplicates</h1>
      <p>
        Pairs of records that may be one person. Merge them (the merge can be undone from the surviving record) or mark them as different
        people.
      </p>
      <DuplicateScanPanel onFinished={refreshQueue} />
      {message && (
        <Alert type="success" headingLevel="h2" heading="Done" slim role="status">
          {message}
        </Alert>
      )}
      {q.isLoading && <p>Loading…</p>}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the queue">
          {q.error.message}
        </Alert>
      )}
      {q.data && q.data.total === 0 && <p data-testid="duplicates-empty">No possible duplicates are waiting for review.</p>}
      {q.data && q.data.total > 0 && (
        <p>
          {q.data.total} pair{q.data.total === 1 ? '' : 's'} waiting, best matches first.
        </p>
      )}
      {q.data?.pairs.map((p) => (
        <PairCard key={p.id} pair={p} onDone={done} />
      ))}
      {q.data && q.data.total > page * PAGE && (
        <Button type="button" unstyled onClick={() => navigate(`/admin/duplicates${qs({ page: page + 1 })}`)}>
          Next pairs
        </Button>
      )}
    </>
  );
}
