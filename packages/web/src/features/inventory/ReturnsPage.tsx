import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import type { ReturnList, ReturnStatusName, ReturnView, UnitStock } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { DphDecision } from './DphDecision';
import { useDashboard } from './InventoryDashboardPage';

const STATUS_LABELS: Record<ReturnStatusName, string> = { requested: 'With DPH for approval', approved: 'Approved', denied: 'Denied' };
const EMPTY = { storageUnitId: '', lotId: '', doses: '', reason: 'expired', note: '' };
const IDS = { storageUnitId: 'ret-unit', lotId: 'ret-lot', doses: 'ret-doses', reason: 'ret-reason', note: 'ret-note' };

/** The coordinator's request: public doses of an expired or held lot in one unit. */
function RequestForm() {
  const qc = useQueryClient();
  const dash = useDashboard(null);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const stock = useQuery({
    queryKey: ['inventory', 'unit', form.storageUnitId],
    queryFn: () => api.get<UnitStock>(`/api/inventory/units/${encodeURIComponent(form.storageUnitId)}/stock`),
    enabled: !!form.storageUnitId,
  });
  const lots = (stock.data?.lines ?? []).filter(
    (l) => l.fundingSource !== 'private' && l.onHand > 0 && (l.expiryWindow === 'expired' || l.doNotUse),
  );
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const msg = (k: keyof typeof IDS) => error?.fieldMessage(k);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<ReturnView>('/api/inventory/returns', { ...form, doses: Number(form.doses), note: form.note || null });
      setForm(EMPTY);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Request a return">
      <ErrorSummary error={error} fieldIds={IDS} />
      <Field id={IDS.storageUnitId} label="Storage unit" error={msg('storageUnitId')} required>
        <Select id={IDS.storageUnitId} name="storageUnitId" value={form.storageUnitId} onChange={set('storageUnitId')} required>
          <option value="">- Choose -</option>
          {(dash.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={IDS.lotId} label="Lot (expired or held public vaccine)" error={msg('lotId')} required>
        <Select
          id={IDS.lotId}
          name="lotId"
          value={form.lotId}
          onChange={set('lotId')}
          required
          aria-describedby={describedBy(IDS.lotId, msg('lotId'))}
        >
          <option value="">- Choose -</option>
          {lots.map((l) => (
            <option key={l.lotId} value={l.lotId}>
              {l.tradeName} {l.lotNumber} ({l.onHand} on hand)
            </option>
          ))}
        </Select>
      </Field>
      <Field id={IDS.doses} label="Doses to return" error={msg('doses')} required>
        <TextInput
          id={IDS.doses}
          name="doses"
          type="number"
          min={1}
          value={form.doses}
          onChange={set('doses')}
          required
          aria-describedby={describedBy(IDS.doses, msg('doses'))}
        />
      </Field>
      <Field id={IDS.reason} label="Reason" error={msg('reason')} required>
        <Select id={IDS.reason} name="reason" value={form.reason} onChange={set('reason')}>
          <option value="expired">Expired</option>
          <option value="spoiled">Spoiled (temperature excursion or other)</option>
        </Select>
      </Field>
      <Field id={IDS.note} label="Note" error={msg('note')}>
        <TextInput id={IDS.note} name="note" type="text" value={form.note} onChange={set('note')} />
      </Field>
      <Button type="submit">Request the return</Button>
    </Form>
  );
}

/** Returns of expired or spoiled public vaccine: request, DPH's approval, and the label to print. */
export function ReturnsPage() {
  const { me } = useSession();
  const isDph = me?.activeScope?.organizationKind === 'dph';
  const q = useQuery({ queryKey: ['inventory', 'returns'], queryFn: () => api.get<ReturnList>('/api/inventory/returns') });
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>Returns of public vaccine</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the returns">
          {q.error.message}
        </Alert>
      )}
      {!isDph && (
        <section aria-labelledby="ret-new-h">
          <h2 id="ret-new-h">Request a return</h2>
          <p>Expired or spoiled state-supplied vaccine goes back once DPH approves; then print the packing list and label.</p>
          <RequestForm />
        </section>
      )}
      <h2>Returns</h2>
      <ErrorSummary error={error} />
      {q.data && q.data.returns.length === 0 && <p>No returns.</p>}
      {q.data && q.data.returns.length > 0 && (
        <StackedTable fullWidth headers caption="Returns, newest first" testId="return-list">
          <thead>
            <tr>
              <th scope="col">Lot</th>
              <th scope="col">Clinic</th>
              <th scope="col">Doses</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {q.data.returns.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.tradeName} {r.lotNumber}
                </th>
                <td>{r.clinic.name}</td>
                <td>{r.doses}</td>
                <td>
                  {STATUS_LABELS[r.status]}
                  {r.denialReason ? `: ${r.denialReason}` : ''}
                </td>
                <td>
                  {r.canDecide && (
                    <DphDecision
                      url={`/api/inventory/returns/${r.id}`}
                      id={r.id}
                      version={r.version}
                      subject={`the return of lot ${r.lotNumber}`}
                      onError={setError}
                    />
                  )}
                  {r.authorization && (
                    <a className="usa-link" href={`/api/inventory/returns/${r.id}/label.pdf`} download>
                      Label {r.authorization} (PDF)
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
