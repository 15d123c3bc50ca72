import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import type { ReconciliationResult, ReconciliationView, StockLineView, UnitStock } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { ErrorSummary } from '../accounts/form-fields';
import { COUNT_REASON_LABELS } from './inventory-labels';

interface CountRow {
  counted: string;
  reason: string;
  note: string;
}

function CountForm({
  unitId,
  lines: linesAtStart,
  onDone,
}: {
  unitId: string;
  lines: StockLineView[];
  onDone: (message: string | null) => void;
}) {
  const qc = useQueryClient();
  // The balances the count is made against stay as they were when counting began (a background refetch must not
  // change them under the user's counts); the server refuses the count if the stock moved since.
  const [lines] = useState(linesAtStart);
  const [rows, setRows] = useState<Record<string, CountRow>>(() =>
    Object.fromEntries(lines.map((l) => [l.lotId, { counted: String(l.onHand), reason: '', note: '' }])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const set = (lotId: string, k: keyof CountRow) => (e: { target: { value: string } }) =>
    setRows({ ...rows, [lotId]: { ...rows[lotId]!, [k]: e.target.value } });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    onDone(null);
    try {
      const counts = lines.map((l) => {
        const r = rows[l.lotId]!;
        return { lotId: l.lotId, expected: l.onHand, counted: Number(r.counted), reason: r.reason || null, note: r.note || null };
      });
      const res = await api.post<ReconciliationResult>(`/api/inventory/units/${unitId}/reconciliations`, { counts });
      // Fresh balances first, then the next count starts from them.
      await qc.invalidateQueries({ queryKey: ['inventory'] });
      onDone(
        res.differences === 0 ? 'Reconciled: every count matched.' : `Reconciled: ${res.differences} difference(s) recorded in the ledger.`,
      );
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const fieldMsg = (i: number, f: string) => error?.fieldMessage(`counts.${i}.${f}`);
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Physical count">
      <ErrorSummary error={error} />
      {error?.body.blockers !== undefined && (
        <ul data-testid="reconcile-blockers">
          {(error.body.blockers as Array<{ message: string }>).map((b, i) => (
            <li key={i}>{b.message}</li>
          ))}
        </ul>
      )}
      <StackedTable fullWidth headers caption="Count every lot in the unit" testId="count-table">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">On the books</th>
            <th scope="col">Counted</th>
            <th scope="col">Reason for a difference</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const r = rows[l.lotId]!;
            const id = `count-${l.lotId}`;
            return (
              <tr key={l.lotId} data-testid={`count-${l.lotNumber}`}>
                <th scope="row">
                  {l.tradeName} {l.lotNumber}
                </th>
                <td>{l.onHand}</td>
                <td>
                  <TextInput
                    id={`${id}-n`}
                    name="counted"
                    type="number"
                    min={0}
                    value={r.counted}
                    onChange={set(l.lotId, 'counted')}
                    aria-label={`Counted doses of lot ${l.lotNumber}`}
                    validationStatus={fieldMsg(i, 'counted') ? 'error' : undefined}
                  />
                </td>
                <td>
                  <Select
                    id={`${id}-r`}
                    name="reason"
                    value={r.reason}
                    onChange={set(l.lotId, 'reason')}
                    aria-label={`Reason lot ${l.lotNumber} differs`}
                    validationStatus={fieldMsg(i, 'reason') ? 'error' : undefined}
                  >
                    <option value="">No difference</option>
                    {Object.entries(COUNT_REASON_LABELS).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </Select>
                  {fieldMsg(i, 'reason') && <span className="usa-error-message">{fieldMsg(i, 'reason')}</span>}
                </td>
                <td>
                  <TextInput
                    id={`${id}-t`}
                    name="note"
                    type="text"
                    value={r.note}
                    onChange={set(l.lotId, 'note')}
                    aria-label={`Note for lot ${l.lotNumber}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
      <Button type="submit">Close the reconciliation</Button>
    </Form>
  );
}

function History({ unitId }: { unitId: string }) {
  const q = useQuery({
    queryKey: ['inventory', 'reconciliations', unitId],
    queryFn: () => api.get<{ reconciliations: ReconciliationView[] }>(`/api/inventory/units/${unitId}/reconciliations`),
  });
  if (!q.data) return null;
  if (q.data.reconciliations.length === 0) return <p>This unit has never been reconciled.</p>;
  return (
    <ul data-testid="reconcile-history">
      {q.data.reconciliations.map((r) => (
        <li key={r.id}>
          <span className="nutmeg-date">{r.reconciledOn}</span>: {r.lines.length} lot(s) counted
          {r.lines
            .filter((l) => l.counted !== l.expected)
            .map((l) => ` — ${l.lotNumber}: ${l.expected} → ${l.counted} (${COUNT_REASON_LABELS[l.reason ?? ''] ?? l.reason})`)
            .join('')}
        </li>
      ))}
    </ul>
  );
}

/** Reconcile one storage unit: count every lot with doses on the books, give a reason for each difference. */
export function ReconcilePage({ params }: { params: Record<string, string> }) {
  const unitId = params.unitId ?? '';
  const q = useQuery({
    queryKey: ['inventory', 'unit', unitId],
    queryFn: () => api.get<UnitStock>(`/api/inventory/units/${encodeURIComponent(unitId)}/stock`),
  });
  const lines = q.data?.lines.filter((l) => l.onHand > 0) ?? [];
  const [done, setDone] = useState<string | null>(null);
  // A new count starts after each closed one (with the balances it left).
  const [round, setRound] = useState(0);
  const closed = (message: string | null) => {
    setDone(message);
    if (message) setRound((r) => r + 1);
  };
  return (
    <>
      <p>
        <Link to={`/inventory/units/${unitId}`}>Back to the storage unit</Link>
      </p>
      <h1>Reconcile {q.data?.unit.name ?? 'storage unit'}</h1>
      <p>
        Count the doses of every lot in the unit. Each difference is written to the ledger with its reason; broken, lost or expired doses
        count as wastage.
      </p>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load this storage unit">
          {q.error.message}
        </Alert>
      )}
      {done && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="reconcile-done">
          {done}
        </Alert>
      )}
      {q.data && !q.isFetching && <CountForm key={round} unitId={unitId} lines={lines} onDone={closed} />}
      <h2>Earlier reconciliations</h2>
      <History unitId={unitId} />
    </>
  );
}
