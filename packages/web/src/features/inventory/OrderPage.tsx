import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Textarea, TextInput } from '@trussworks/react-uswds';
import type { OrderView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { FUNDING_LABELS } from './inventory-labels';
import { ORDER_STATUS_LABELS } from './OrderList';
import { RecordShipmentForm, ShipmentPanel } from './ShipmentSection';

/** DPH's decision: approve (the quantities may be edited, in whole packages) or deny with a reason. */
function DecisionForm({ order }: { order: OrderView }) {
  const qc = useQueryClient();
  const [doses, setDoses] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function decide(e: FormEvent, kind: 'approve' | 'deny') {
    e.preventDefault();
    setError(null);
    try {
      const body =
        kind === 'approve'
          ? { version: order.version, lines: order.lines.map((l) => ({ ndc: l.ndc, doses: Number(doses[l.ndc] ?? l.requestedDoses) })) }
          : { version: order.version, reason };
      await api.post<OrderView>(`/api/inventory/orders/${order.id}/${kind}`, body);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const ids = { ...Object.fromEntries(order.lines.map((l, i) => [`lines.${i}.doses`, `approve-${i}`])), reason: 'deny-reason' };
  return (
    <section aria-labelledby="decide-h">
      <h2 id="decide-h">Decision</h2>
      <ErrorSummary error={error} fieldIds={ids} />
      <Form onSubmit={(e) => void decide(e, 'approve')} className="maxw-none" aria-label="Approve the order">
        {order.lines.map((l, i) => {
          const msg = error?.fieldMessage(`lines.${i}.doses`);
          return (
            <Field
              key={l.ndc}
              id={`approve-${i}`}
              label={`Approved doses of ${l.tradeName}`}
              hint={`Requested ${l.requestedDoses}; ${l.dosesPerPackage} per package`}
              error={msg}
            >
              <TextInput
                id={`approve-${i}`}
                name={`approve-${i}`}
                type="number"
                min={0}
                step={l.dosesPerPackage}
                value={doses[l.ndc] ?? String(l.requestedDoses)}
                onChange={(e) => setDoses({ ...doses, [l.ndc]: e.target.value })}
                aria-describedby={describedBy(`approve-${i}`, msg, true)}
              />
            </Field>
          );
        })}
        <Button type="submit">Approve the order</Button>
      </Form>
      <Form onSubmit={(e) => void decide(e, 'deny')} className="maxw-none" aria-label="Deny the order">
        <Field id="deny-reason" label="Reason for a denial" error={error?.fieldMessage('reason')}>
          <Textarea
            id="deny-reason"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={describedBy('deny-reason', error?.fieldMessage('reason'))}
          />
        </Field>
        <Button type="submit" secondary>
          Deny the order
        </Button>
      </Form>
    </section>
  );
}

/** One order: what was requested with the facts shown when ordering, DPH's decision, and (DPH) the decision form. */
export function OrderPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const q = useQuery({
    queryKey: ['inventory', 'order', id],
    queryFn: () => api.get<OrderView>(`/api/inventory/orders/${encodeURIComponent(id)}`),
  });
  const o = q.data;
  return (
    <>
      <p>
        <Link to="/inventory/orders">Back to the orders</Link>
      </p>
      <h1>Order of public vaccine{o ? `: ${o.clinic.name}` : ''}</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the order">
          {q.error.message}
        </Alert>
      )}
      {o && (
        <>
          <ul className="usa-list usa-list--unstyled">
            <li data-testid="order-status">Status: {ORDER_STATUS_LABELS[o.status]}</li>
            <li>Placed {formatDateTime(o.placedAt)}</li>
            <li>Funding: {FUNDING_LABELS[o.fundingSource]}</li>
            {o.decidedAt && <li>Decided {formatDateTime(o.decidedAt)}</li>}
            {o.denialReason && <li>Reason for the denial: {o.denialReason}</li>}
          </ul>
          <StackedTable fullWidth headers caption="Products ordered" testId="order-lines">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">On hand when ordered</th>
                <th scope="col">Given in 30 / 90 days</th>
                <th scope="col">Suggested</th>
                <th scope="col">Requested</th>
                <th scope="col">Approved</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.ndc}>
                  <th scope="row">
                    {l.tradeName} <span className="text-no-wrap">{l.ndc}</span>
                  </th>
                  <td>{l.onHand}</td>
                  <td>
                    {l.administered30} / {l.administered90}
                  </td>
                  <td>{l.suggestedDoses}</td>
                  <td>{l.requestedDoses}</td>
                  <td>{l.approvedDoses ?? '-'}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          {o.canDecide && <DecisionForm order={o} />}
          {o.canRecordShipment && <RecordShipmentForm order={o} />}
          {o.shipment && <ShipmentPanel shipment={o.shipment} />}
        </>
      )}
    </>
  );
}
