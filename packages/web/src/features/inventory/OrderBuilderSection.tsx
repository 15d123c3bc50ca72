import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, TextInput } from '@trussworks/react-uswds';
import type { OrderBuilder, OrderSetView, OrderView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';

/** The clinic's order set: the products it orders, added by NDC. */
function OrderSetForm({ set }: { set: OrderSetView }) {
  const qc = useQueryClient();
  const [ndc, setNdc] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<OrderSetView>('/api/inventory/order-set', { ndc });
      setNdc('');
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  async function remove(item: string) {
    setError(null);
    try {
      await api.delete<OrderSetView>(`/api/inventory/order-set/${encodeURIComponent(item)}`);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const msg = error?.fieldMessage('ndc');
  return (
    <section aria-labelledby="order-set-h">
      <h2 id="order-set-h">Order set</h2>
      {set.items.length === 0 ? (
        <p>Your order set is empty: add the products your clinic orders.</p>
      ) : (
        <ul data-testid="order-set">
          {set.items.map((i) => (
            <li key={i.ndc}>
              {i.tradeName} ({i.ndc}, {i.dosesPerPackage} per package){' '}
              <Button
                type="button"
                unstyled
                onClick={() => void remove(i.ndc)}
                aria-label={`Remove ${i.tradeName} ${i.ndc} from the order set`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={add} className="maxw-none" aria-label="Add a product to the order set">
        <ErrorSummary error={error} fieldIds={{ ndc: 'order-set-ndc' }} />
        <Field id="order-set-ndc" label="NDC to add" hint="As printed on the package" error={msg}>
          <TextInput
            id="order-set-ndc"
            name="ndc"
            type="text"
            value={ndc}
            onChange={(e) => setNdc(e.target.value)}
            aria-describedby={describedBy('order-set-ndc', msg, true)}
          />
        </Field>
        <Button type="submit" outline>
          Add to the order set
        </Button>
      </Form>
    </section>
  );
}

/** The order builder: each product of the order set with its use and the suggestion; refused with the reasons. */
function BuilderForm({ builder }: { builder: OrderBuilder }) {
  const qc = useQueryClient();
  const [doses, setDoses] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const valueOf = (ndc: string, suggested: number) => doses[ndc] ?? String(suggested);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setPlaced(null);
    try {
      const lines = builder.lines.map((l) => ({ ndc: l.ndc, doses: Number(valueOf(l.ndc, l.suggestedDoses)) }));
      setPlaced(await api.post<OrderView>('/api/inventory/orders', { lines }));
      setDoses({});
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const ids = Object.fromEntries(builder.lines.map((l, i) => [`lines.${i}.doses`, `order-doses-${i}`]));
  return (
    <section aria-labelledby="builder-h">
      <h2 id="builder-h">New order</h2>
      {builder.refusals.length > 0 && (
        <Alert type="warning" headingLevel="h3" heading="Your clinic cannot order yet" data-testid="order-refusals">
          <ul>
            {builder.refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      )}
      {placed && (
        <Alert type="success" headingLevel="h3" slim role="status" data-testid="order-placed">
          Order placed: <Link to={`/inventory/orders/${placed.id}`}>it is with DPH for approval</Link>.
        </Alert>
      )}
      <p>{builder.suggestionRule}</p>
      {builder.lines.length === 0 ? (
        <p>Add products to the order set to order them.</p>
      ) : (
        <Form onSubmit={submit} className="maxw-none" aria-label="New order">
          <ErrorSummary error={error} fieldIds={ids} />
          <StackedTable fullWidth headers caption="Products of the order set" testId="order-builder">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Public doses on hand</th>
                <th scope="col">Given in 30 days</th>
                <th scope="col">Given in 90 days</th>
                <th scope="col">Suggested</th>
                <th scope="col">Doses to order</th>
              </tr>
            </thead>
            <tbody>
              {builder.lines.map((l, i) => {
                const msg = error?.fieldMessage(`lines.${i}.doses`);
                return (
                  <tr key={l.ndc}>
                    <th scope="row">
                      {l.tradeName} <span className="text-no-wrap">{l.ndc}</span>
                    </th>
                    <td>{l.onHand}</td>
                    <td>{l.administered30}</td>
                    <td>{l.administered90}</td>
                    <td>{l.suggestedDoses}</td>
                    <td>
                      <Field id={`order-doses-${i}`} label={`Doses of ${l.tradeName} to order`} error={msg}>
                        <TextInput
                          id={`order-doses-${i}`}
                          name={`doses-${i}`}
                          type="number"
                          min={0}
                          step={l.dosesPerPackage}
                          value={valueOf(l.ndc, l.suggestedDoses)}
                          onChange={(e) => setDoses({ ...doses, [l.ndc]: e.target.value })}
                          aria-describedby={describedBy(`order-doses-${i}`, msg)}
                        />
                      </Field>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </StackedTable>
          <Button type="submit">Place the order</Button>
        </Form>
      )}
    </section>
  );
}

export function OrderBuilderSection() {
  const set = useQuery({ queryKey: ['inventory', 'order-set'], queryFn: () => api.get<OrderSetView>('/api/inventory/order-set') });
  const builder = useQuery({ queryKey: ['inventory', 'builder'], queryFn: () => api.get<OrderBuilder>('/api/inventory/orders/builder') });
  const error = set.error ?? builder.error;
  return (
    <>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the order builder">
          {error.message}
        </Alert>
      )}
      {builder.data && <BuilderForm builder={builder.data} />}
      {set.data?.canEdit && <OrderSetForm set={set.data} />}
    </>
  );
}
