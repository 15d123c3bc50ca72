import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Select, TextInput } from '@trussworks/react-uswds';
import type { ReceiptResult } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Link } from '../../router';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { useDashboard } from './InventoryDashboardPage';

const EMPTY = { storageUnitId: '', ndc: '', lotNumber: '', expiration: '', doses: '' };
const IDS = { storageUnitId: 'rcv-unit', ndc: 'rcv-ndc', lotNumber: 'rcv-lot', expiration: 'rcv-exp', doses: 'rcv-doses' };

/**
 * Receive private inventory: vaccine the clinic bought itself. Public (state-supplied) lots arrive only by
 * accepting a shipment of a state order. The NDC names the product (CVX, manufacturer, doses per package).
 */
export function ReceivePage() {
  const qc = useQueryClient();
  const dash = useDashboard(null);
  const units = dash.data?.units.filter((u) => u.active) ?? [];
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const msg = (f: keyof typeof IDS) => error?.fieldMessage(f);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const r = await api.post<ReceiptResult>('/api/inventory/receipts', { ...form, doses: Number(form.doses) });
      setDone(`Received: lot ${form.lotNumber.toUpperCase()} now has ${r.onHand} dose(s) in this unit.`);
      setForm({ ...EMPTY, storageUnitId: form.storageUnitId });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>Receive private inventory</h1>
      <p>Vaccine your clinic bought privately. State-supplied vaccine is received by accepting its shipment.</p>
      {dash.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load your storage units">
          {dash.error.message}
        </Alert>
      )}
      {done && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="receipt-done">
          {done}
        </Alert>
      )}
      <Form onSubmit={submit} className="maxw-none" aria-label="Receive private inventory">
        <ErrorSummary error={error} fieldIds={IDS} />
        <Grid row gap>
          <Grid tablet={{ col: 6 }}>
            <Field id={IDS.storageUnitId} label="Storage unit" error={msg('storageUnitId')} required>
              <Select
                id={IDS.storageUnitId}
                name="storageUnitId"
                value={form.storageUnitId}
                onChange={set('storageUnitId')}
                required
                aria-describedby={describedBy(IDS.storageUnitId, msg('storageUnitId'))}
              >
                <option value="">- Choose -</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 6 }}>
            <Field id={IDS.ndc} label="NDC" hint="As printed on the package, e.g. 49281-0545-03" error={msg('ndc')} required>
              <TextInput
                id={IDS.ndc}
                name="ndc"
                type="text"
                value={form.ndc}
                onChange={set('ndc')}
                required
                aria-describedby={describedBy(IDS.ndc, msg('ndc'), true)}
              />
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id={IDS.lotNumber} label="Lot number" error={msg('lotNumber')} required>
              <TextInput
                id={IDS.lotNumber}
                name="lotNumber"
                type="text"
                value={form.lotNumber}
                onChange={set('lotNumber')}
                required
                aria-describedby={describedBy(IDS.lotNumber, msg('lotNumber'))}
              />
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field
              id={IDS.expiration}
              label="Expiration"
              hint="YYYY-MM-DD, or YYYY-MM if the label gives only a month"
              error={msg('expiration')}
              required
            >
              <TextInput
                id={IDS.expiration}
                name="expiration"
                type="text"
                value={form.expiration}
                onChange={set('expiration')}
                required
                aria-describedby={describedBy(IDS.expiration, msg('expiration'), true)}
              />
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id={IDS.doses} label="Doses received" error={msg('doses')} required>
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
          </Grid>
        </Grid>
        <Button type="submit">Receive into inventory</Button>
      </Form>
    </>
  );
}
