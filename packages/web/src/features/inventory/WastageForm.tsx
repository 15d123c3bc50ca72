import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Select, TextInput } from '@trussworks/react-uswds';
import type { StockLineView, WastageResult } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { WASTE_REASON_LABELS } from './inventory-labels';

const IDS = { lotId: 'waste-lot', doses: 'waste-doses', reason: 'waste-reason', note: 'waste-note' };

/** Waste doses of a lot in this unit (broken vial, drawn up and not given…): a reason is required. */
export function WastageForm({ unitId, lines }: { unitId: string; lines: StockLineView[] }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ lotId: '', doses: '1', reason: '', note: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const msg = (f: keyof typeof IDS) => error?.fieldMessage(f);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const r = await api.post<WastageResult>('/api/inventory/wastage', {
        ...form,
        storageUnitId: unitId,
        doses: Number(form.doses),
        note: form.note || null,
      });
      setDone(`Wastage recorded: ${r.onHand} dose(s) left in the lot.`);
      setForm({ lotId: '', doses: '1', reason: '', note: '' });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Record wastage">
      <ErrorSummary error={error} fieldIds={IDS} />
      {done && (
        <Alert type="success" headingLevel="h3" slim role="status" data-testid="waste-done">
          {done}
        </Alert>
      )}
      <Grid row gap>
        <Grid tablet={{ col: 4 }}>
          <Field id={IDS.lotId} label="Lot" error={msg('lotId')} required>
            <Select
              id={IDS.lotId}
              name="lotId"
              value={form.lotId}
              onChange={set('lotId')}
              required
              aria-describedby={describedBy(IDS.lotId, msg('lotId'))}
            >
              <option value="">- Choose -</option>
              {lines
                .filter((l) => l.onHand > 0)
                .map((l) => (
                  <option key={l.lotId} value={l.lotId}>
                    {l.tradeName} {l.lotNumber} ({l.onHand})
                  </option>
                ))}
            </Select>
          </Field>
        </Grid>
        <Grid tablet={{ col: 2 }}>
          <Field id={IDS.doses} label="Doses" error={msg('doses')} required>
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
        <Grid tablet={{ col: 3 }}>
          <Field id={IDS.reason} label="Reason" error={msg('reason')} required>
            <Select
              id={IDS.reason}
              name="reason"
              value={form.reason}
              onChange={set('reason')}
              required
              aria-describedby={describedBy(IDS.reason, msg('reason'))}
            >
              <option value="">- Choose -</option>
              {Object.entries(WASTE_REASON_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id={IDS.note} label="Note" error={msg('note')}>
            <TextInput
              id={IDS.note}
              name="note"
              type="text"
              value={form.note}
              onChange={set('note')}
              aria-describedby={describedBy(IDS.note, msg('note'))}
            />
          </Field>
        </Grid>
      </Grid>
      <Button type="submit">Record wastage</Button>
    </Form>
  );
}
