import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import type { TransferList, TransferStatusName, TransferView, UnitStock } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { DphDecision } from './DphDecision';
import { useDashboard } from './InventoryDashboardPage';
import { FUNDING_LABELS } from './inventory-labels';

const STATUS_LABELS: Record<TransferStatusName, string> = {
  requested: 'With DPH for approval',
  in_transit: 'In transit',
  accepted: 'Accepted',
  denied: 'Denied',
};

const EMPTY = { fromStorageUnitId: '', lotId: '', toOrganizationId: '', doses: '', note: '' };
const IDS = { fromStorageUnitId: 'tr-unit', lotId: 'tr-lot', toOrganizationId: 'tr-to', doses: 'tr-doses', note: 'tr-note' };

/** The sender's request: usable doses of one lot in one unit, to another clinic. */
function RequestForm({ destinations }: { destinations: TransferList['destinations'] }) {
  const qc = useQueryClient();
  const dash = useDashboard(null);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const stock = useQuery({
    queryKey: ['inventory', 'unit', form.fromStorageUnitId],
    queryFn: () => api.get<UnitStock>(`/api/inventory/units/${encodeURIComponent(form.fromStorageUnitId)}/stock`),
    enabled: !!form.fromStorageUnitId,
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const msg = (k: keyof typeof IDS) => error?.fieldMessage(k);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<TransferView>('/api/inventory/transfers', { ...form, doses: Number(form.doses), note: form.note || null });
      setForm(EMPTY);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const select = (k: 'fromStorageUnitId' | 'lotId' | 'toOrganizationId', label: string, options: Array<[string, string]>) => (
    <Field id={IDS[k]} label={label} error={msg(k)} required>
      <Select id={IDS[k]} name={k} value={form[k]} onChange={set(k)} required aria-describedby={describedBy(IDS[k], msg(k))}>
        <option value="">- Choose -</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Request a transfer">
      <ErrorSummary error={error} fieldIds={IDS} />
      {select(
        'fromStorageUnitId',
        'From storage unit',
        (dash.data?.units ?? []).map((u) => [u.id, u.name]),
      )}
      {select(
        'lotId',
        'Lot',
        (stock.data?.lines ?? [])
          .filter((l) => l.usable)
          .map((l) => [l.lotId, `${l.tradeName} ${l.lotNumber} (${FUNDING_LABELS[l.fundingSource]}, ${l.onHand} on hand)`]),
      )}
      {select(
        'toOrganizationId',
        'To clinic',
        destinations.map((d) => [d.id, d.name]),
      )}
      <Field id={IDS.doses} label="Doses to transfer" error={msg('doses')} required>
        <TextInput id={IDS.doses} name="doses" type="number" min={1} value={form.doses} onChange={set('doses')} required />
      </Field>
      <Field id={IDS.note} label="Note" error={msg('note')}>
        <TextInput id={IDS.note} name="note" type="text" value={form.note} onChange={set('note')} />
      </Field>
      <Button type="submit">Request the transfer</Button>
    </Form>
  );
}

/** What the caller may do with one transfer: DPH decides a public one; the receiver accepts it into a unit. */
function Actions({ t, onError }: { t: TransferView; onError: (e: ApiError) => void }) {
  const qc = useQueryClient();
  const dash = useDashboard(null);
  const [unit, setUnit] = useState('');
  async function accept(body: object) {
    try {
      await api.post<TransferView>(`/api/inventory/transfers/${t.id}/accept`, body);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      onError(toApiError(err));
    }
  }
  if (t.canDecide)
    return (
      <DphDecision
        url={`/api/inventory/transfers/${t.id}`}
        id={t.id}
        version={t.version}
        subject={`the transfer of lot ${t.lotNumber}`}
        onError={onError}
      />
    );
  if (t.canAccept)
    return (
      <>
        <Select
          id={`accept-${t.id}`}
          name="storageUnitId"
          aria-label={`Storage unit for lot ${t.lotNumber}`}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
        >
          <option value="">- Choose a unit -</option>
          {(dash.data?.units ?? [])
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </Select>
        <Button type="button" onClick={() => void accept({ storageUnitId: unit })}>
          Accept
        </Button>
      </>
    );
  return null;
}

/** Transfers between clinics: the coordinator requests and accepts; DPH approves those of public stock. */
export function TransfersPage() {
  const q = useQuery({ queryKey: ['inventory', 'transfers'], queryFn: () => api.get<TransferList>('/api/inventory/transfers') });
  const [error, setError] = useState<ApiError | null>(null);
  const isClinic = (q.data?.destinations.length ?? 0) > 0;
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>Transfers between clinics</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the transfers">
          {q.error.message}
        </Alert>
      )}
      {isClinic && q.data && (
        <section aria-labelledby="tr-new-h">
          <h2 id="tr-new-h">Request a transfer</h2>
          <p>
            The doses leave your unit now and are in transit until the other clinic accepts them; public vaccine waits for DPH’s approval.
          </p>
          <RequestForm destinations={q.data.destinations} />
        </section>
      )}
      <h2>Transfers</h2>
      <ErrorSummary error={error} />
      {q.data && q.data.transfers.length === 0 && <p>No transfers.</p>}
      {q.data && q.data.transfers.length > 0 && (
        <StackedTable fullWidth headers caption="Transfers, newest first" testId="transfer-list">
          <thead>
            <tr>
              <th scope="col">Lot</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Doses</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {q.data.transfers.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.tradeName} {t.lotNumber} ({FUNDING_LABELS[t.fundingSource]})
                </th>
                <td>{t.from.name}</td>
                <td>{t.to.name}</td>
                <td>{t.doses}</td>
                <td>
                  {STATUS_LABELS[t.status]}
                  {t.denialReason ? `: ${t.denialReason}` : ''}
                </td>
                <td>
                  <Actions t={t} onError={setError} />
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
