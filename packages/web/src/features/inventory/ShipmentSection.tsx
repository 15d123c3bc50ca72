import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import type { OrderView, ShipmentDiscrepancyName, ShipmentView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { useDashboard } from './InventoryDashboardPage';

export const DISCREPANCY_LABELS: Record<ShipmentDiscrepancyName, string> = {
  short: 'Short (fewer doses than listed)',
  damaged: 'Damaged',
  warm: 'Arrived warm (held: do not use)',
};

interface Row {
  ndc: string;
  lotNumber: string;
  expiration: string;
  doses: string;
}

/** DPH records what was shipped against an approved order (or imports the distributor's CSV). */
export function RecordShipmentForm({ order }: { order: OrderView }) {
  const qc = useQueryClient();
  const approved = order.lines.filter((l) => (l.approvedDoses ?? 0) > 0);
  const [slip, setSlip] = useState('');
  const [rows, setRows] = useState<Row[]>(
    approved.map((l) => ({ ndc: l.ndc, lotNumber: '', expiration: '', doses: String(l.approvedDoses) })),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const setRow = (i: number, k: keyof Row) => (e: { target: { value: string } }) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [k]: e.target.value } : r)));
  async function done(p: Promise<OrderView>) {
    setError(null);
    try {
      await p;
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const lines = rows.map((r) => ({ ...r, doses: Number(r.doses) }));
    void done(api.post<OrderView>(`/api/inventory/orders/${order.id}/shipment`, { packingSlip: slip, lines }));
  }
  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (file) await done(api.post<OrderView>(`/api/inventory/orders/${order.id}/shipment/import`, { csv: await file.text() }));
  }
  const ids: Record<string, string> = { packingSlip: 'ship-slip', csv: 'ship-csv' };
  rows.forEach((_, i) => {
    for (const k of ['ndc', 'lotNumber', 'expiration', 'doses']) ids[`lines.${i}.${k}`] = `ship-${k}-${i}`;
  });
  const msg = (path: string) => error?.fieldMessage(path);
  return (
    <section aria-labelledby="ship-h">
      <h2 id="ship-h">Record the shipment</h2>
      <ErrorSummary error={error} fieldIds={ids} />
      <Form onSubmit={submit} className="maxw-none" aria-label="Record the shipment">
        <Field id="ship-slip" label="Packing slip number" error={msg('packingSlip')} required>
          <TextInput
            id="ship-slip"
            name="packingSlip"
            type="text"
            value={slip}
            onChange={(e) => setSlip(e.target.value)}
            required
            aria-describedby={describedBy('ship-slip', msg('packingSlip'))}
          />
        </Field>
        {rows.map((r, i) => (
          <fieldset key={i} className="usa-fieldset" data-testid={`ship-line-${i}`}>
            <legend className="usa-legend">Lot {i + 1}</legend>
            <Field id={`ship-ndc-${i}`} label="Product" error={msg(`lines.${i}.ndc`)}>
              <Select id={`ship-ndc-${i}`} name={`ndc-${i}`} value={r.ndc} onChange={setRow(i, 'ndc')}>
                {approved.map((l) => (
                  <option key={l.ndc} value={l.ndc}>
                    {l.tradeName} {l.ndc}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={`ship-lotNumber-${i}`} label={`Lot number ${i + 1}`} error={msg(`lines.${i}.lotNumber`)} required>
              <TextInput
                id={`ship-lotNumber-${i}`}
                name={`lot-${i}`}
                type="text"
                value={r.lotNumber}
                onChange={setRow(i, 'lotNumber')}
                required
              />
            </Field>
            <Field
              id={`ship-expiration-${i}`}
              label={`Expiration ${i + 1}`}
              hint="YYYY-MM-DD or YYYY-MM"
              error={msg(`lines.${i}.expiration`)}
              required
            >
              <TextInput
                id={`ship-expiration-${i}`}
                name={`exp-${i}`}
                type="text"
                value={r.expiration}
                onChange={setRow(i, 'expiration')}
                required
                aria-describedby={describedBy(`ship-expiration-${i}`, msg(`lines.${i}.expiration`), true)}
              />
            </Field>
            <Field id={`ship-doses-${i}`} label={`Doses shipped ${i + 1}`} error={msg(`lines.${i}.doses`)} required>
              <TextInput
                id={`ship-doses-${i}`}
                name={`doses-${i}`}
                type="number"
                min={1}
                value={r.doses}
                onChange={setRow(i, 'doses')}
                required
              />
            </Field>
          </fieldset>
        ))}
        <Button
          type="button"
          outline
          onClick={() => setRows([...rows, { ndc: approved[0]?.ndc ?? '', lotNumber: '', expiration: '', doses: '' }])}
        >
          Add another lot
        </Button>
        <Button type="submit">Record the shipment</Button>
      </Form>
      <Field
        id="ship-csv"
        label="Or import the distributor’s file (CSV)"
        hint="Columns: packing_slip, ndc, lot_number, expiration, doses"
        error={msg('csv')}
      >
        <input
          className="usa-file-input"
          id="ship-csv"
          name="csv"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void importFile(e)}
          aria-describedby={describedBy('ship-csv', msg('csv'), true)}
        />
      </Field>
    </section>
  );
}

/** The shipment of an order: its lots, and for the clinic's coordinators the form to accept it into a unit. */
export function ShipmentPanel({ shipment }: { shipment: ShipmentView }) {
  return (
    <section aria-labelledby="shipment-h">
      <h2 id="shipment-h">Shipment</h2>
      <p data-testid="shipment-status">
        Packing slip {shipment.packingSlip}, recorded {formatDateTime(shipment.recordedAt)}:{' '}
        {shipment.status === 'accepted' ? `accepted ${formatDateTime(shipment.acceptedAt)}` : 'in transit, not yet on hand'}.
      </p>
      {shipment.canAccept ? (
        <AcceptForm shipment={shipment} />
      ) : (
        <StackedTable fullWidth headers caption="Lots shipped" testId="shipment-lines">
          <thead>
            <tr>
              <th scope="col">Lot</th>
              <th scope="col">Product</th>
              <th scope="col">Expiration</th>
              <th scope="col">Shipped</th>
              <th scope="col">Received</th>
              <th scope="col">Discrepancy</th>
            </tr>
          </thead>
          <tbody>
            {shipment.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.lotNumber}</th>
                <td>{l.tradeName}</td>
                <td>
                  <span className="nutmeg-date">{l.expirationDate}</span>
                </td>
                <td>{l.doses}</td>
                <td>{l.receivedDoses ?? '-'}</td>
                <td>{l.discrepancy ? DISCREPANCY_LABELS[l.discrepancy] : ''}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </section>
  );
}

function AcceptForm({ shipment }: { shipment: ShipmentView }) {
  const qc = useQueryClient();
  const dash = useDashboard(null);
  const units = dash.data?.units.filter((u) => u.active) ?? [];
  const [unit, setUnit] = useState('');
  const [answers, setAnswers] = useState(shipment.lines.map((l) => ({ received: String(l.doses), discrepancy: '', note: '' })));
  const [error, setError] = useState<ApiError | null>(null);
  const set = (i: number, k: 'received' | 'discrepancy' | 'note') => (e: { target: { value: string } }) =>
    setAnswers(answers.map((a, j) => (j === i ? { ...a, [k]: e.target.value } : a)));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const lines = shipment.lines.map((l, i) => ({
        lineId: l.id,
        receivedDoses: Number(answers[i]!.received),
        discrepancy: answers[i]!.discrepancy || null,
        note: answers[i]!.note || null,
      }));
      await api.post<OrderView>(`/api/inventory/shipments/${shipment.id}/accept`, { storageUnitId: unit, lines });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const ids: Record<string, string> = { storageUnitId: 'accept-unit' };
  shipment.lines.forEach((_, i) => (ids[`lines.${i}.receivedDoses`] = `accept-received-${i}`));
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Accept the shipment">
      <ErrorSummary error={error} fieldIds={ids} />
      <Field id="accept-unit" label="Storage unit" error={error?.fieldMessage('storageUnitId')} required>
        <Select id="accept-unit" name="storageUnitId" value={unit} onChange={(e) => setUnit(e.target.value)} required>
          <option value="">- Choose -</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      {shipment.lines.map((l, i) => {
        const msg = error?.fieldMessage(`lines.${i}.receivedDoses`);
        return (
          <fieldset key={l.id} className="usa-fieldset" data-testid={`accept-${l.lotNumber}`}>
            <legend className="usa-legend">
              {l.tradeName} lot {l.lotNumber}, expires <span className="nutmeg-date">{l.expirationDate}</span>: {l.doses} doses shipped
            </legend>
            <Field id={`accept-received-${i}`} label={`Doses of lot ${l.lotNumber} received in good condition`} error={msg}>
              <TextInput
                id={`accept-received-${i}`}
                name={`received-${i}`}
                type="number"
                min={0}
                max={l.doses}
                value={answers[i]!.received}
                onChange={set(i, 'received')}
                aria-describedby={describedBy(`accept-received-${i}`, msg)}
              />
            </Field>
            <Field id={`accept-disc-${i}`} label={`Discrepancy of lot ${l.lotNumber}`}>
              <Select id={`accept-disc-${i}`} name={`discrepancy-${i}`} value={answers[i]!.discrepancy} onChange={set(i, 'discrepancy')}>
                <option value="">None</option>
                {Object.entries(DISCREPANCY_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={`accept-note-${i}`} label={`Note on lot ${l.lotNumber}`}>
              <TextInput id={`accept-note-${i}`} name={`note-${i}`} type="text" value={answers[i]!.note} onChange={set(i, 'note')} />
            </Field>
          </fieldset>
        );
      })}
      <Button type="submit">Accept into inventory</Button>
    </Form>
  );
}
