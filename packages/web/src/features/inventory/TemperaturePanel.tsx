import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import type { ExcursionView, TemperatureLog } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { ErrorSummary, Field } from '../accounts/form-fields';

const optional = (v: string) => (v.trim() === '' ? null : Number(v));

/** The manufacturer's decision on an open excursion: the held lots are usable again, or wasted. */
function DecisionForm({ x, onDone }: { x: ExcursionView; onDone: (e: ApiError | null) => void }) {
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post<TemperatureLog>(`/api/inventory/excursions/${x.id}/decision`, { decision, note: note || null });
      onDone(null);
    } catch (err) {
      onDone(toApiError(err));
    }
  }
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Manufacturer’s decision">
      <Field id={`x-dec-${x.id}`} label="Manufacturer’s decision" required>
        <Select id={`x-dec-${x.id}`} name="decision" value={decision} onChange={(e) => setDecision(e.target.value)} required>
          <option value="">- Choose -</option>
          <option value="usable">Usable: release the lots</option>
          <option value="wasted">Do not use: waste the lots</option>
        </Select>
      </Field>
      <Field id={`x-note-${x.id}`} label="Note (who advised, reference)">
        <TextInput id={`x-note-${x.id}`} name="note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Button type="submit">Record the decision</Button>
    </Form>
  );
}

/** A unit's temperature log: readings (by hand or a data logger's CSV), excursions and their decisions. */
export function TemperaturePanel({ unitId }: { unitId: string }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['inventory', 'temperatures', unitId],
    queryFn: () => api.get<TemperatureLog>(`/api/inventory/units/${encodeURIComponent(unitId)}/temperatures`),
  });
  const [form, setForm] = useState({ readAt: '', currentC: '', minC: '', maxC: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const done = async (err: ApiError | null) => {
    setError(err);
    if (!err) await qc.invalidateQueries({ queryKey: ['inventory'] });
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const readAt = new Date(form.readAt).toISOString();
      await api.post<TemperatureLog>(`/api/inventory/units/${unitId}/temperatures`, {
        readAt,
        currentC: Number(form.currentC),
        minC: optional(form.minC),
        maxC: optional(form.maxC),
      });
      setForm({ readAt: '', currentC: '', minC: '', maxC: '' });
      await done(null);
    } catch (err) {
      await done(err instanceof RangeError ? new ApiError(400, 'invalid', 'Give the reading’s date and time') : toApiError(err));
    }
  }
  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      await api.post<TemperatureLog>(`/api/inventory/units/${unitId}/temperatures/upload`, { csv: await file.text() });
      await done(null);
    } catch (err) {
      await done(toApiError(err));
    }
  }
  const log = q.data;
  if (!log) return null;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <section aria-labelledby="temps-h">
      <h2 id="temps-h">Temperature log</h2>
      <p>
        Safe range: {log.range.min} to {log.range.max} °C. A reading outside it holds every lot of the unit “do not use” until the
        manufacturer’s decision is recorded.
      </p>
      <ErrorSummary error={error} fieldIds={{ csv: 'temp-csv' }} />
      {log.excursions.length > 0 && (
        <ul data-testid="excursions">
          {log.excursions.map((x) => (
            <li key={x.id}>
              {x.shipmentId ? 'Shipment accepted warm' : 'Excursion'} from {formatDateTime(x.firstReadAt)}
              {x.worstC !== null && `, worst ${x.worstC} °C`}, lots {x.lots.map((l) => l.lotNumber).join(', ') || 'none'}:{' '}
              {x.status === 'open'
                ? 'held, waiting for the manufacturer’s decision'
                : x.status === 'usable'
                  ? 'released as usable'
                  : 'wasted'}
              {x.canDecide && <DecisionForm x={x} onDone={(err) => void done(err)} />}
            </li>
          ))}
        </ul>
      )}
      {log.canRecord && (
        <>
          <Form onSubmit={submit} className="maxw-none" aria-label="Record a temperature reading">
            <Field id="temp-at" label="Date and time of the reading" required>
              <input
                className="usa-input"
                id="temp-at"
                name="readAt"
                type="datetime-local"
                value={form.readAt}
                onChange={set('readAt')}
                required
              />
            </Field>
            <Field id="temp-cur" label="Current °C" required>
              <TextInput id="temp-cur" name="currentC" type="number" step="0.1" value={form.currentC} onChange={set('currentC')} required />
            </Field>
            <Field id="temp-min" label="Minimum °C">
              <TextInput id="temp-min" name="minC" type="number" step="0.1" value={form.minC} onChange={set('minC')} />
            </Field>
            <Field id="temp-max" label="Maximum °C">
              <TextInput id="temp-max" name="maxC" type="number" step="0.1" value={form.maxC} onChange={set('maxC')} />
            </Field>
            <Button type="submit">Record the reading</Button>
          </Form>
          <Field
            id="temp-csv"
            label="Or upload a data logger file (CSV)"
            hint="Columns: time, current, min, max"
            error={error?.fieldMessage('csv')}
          >
            <input
              className="usa-file-input"
              id="temp-csv"
              name="csv"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void upload(e)}
            />
          </Field>
        </>
      )}
      {log.readings.length > 0 && (
        <StackedTable fullWidth headers caption="Readings, newest first" testId="temperature-readings">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Current °C</th>
              <th scope="col">Min °C</th>
              <th scope="col">Max °C</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {log.readings.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {formatDateTime(r.readAt)}
                  {r.outOfRange ? ' (out of range)' : ''}
                </th>
                <td>{r.currentC}</td>
                <td>{r.minC ?? ''}</td>
                <td>{r.maxC ?? ''}</td>
                <td>{r.source === 'logger' ? 'Data logger' : 'Entered'}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </section>
  );
}
