import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Checkbox, Form, Grid, Tag } from '@trussworks/react-uswds';
import type { StorageUnitKind, StorageUnitList, StorageUnitView } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { formatDateTime } from '../../dates';
import { SelectField, TextField } from '../../components/FormControls';
import { ErrorSummary } from '../accounts/form-fields';
import { useClinicToolList } from './clinic-tool';

export const KIND_LABELS: Record<StorageUnitKind, string> = {
  refrigerator: 'Refrigerator',
  freezer: 'Freezer',
  ultra_cold: 'Ultra-cold freezer',
};

interface UnitForm {
  name: string;
  kind: StorageUnitKind | '';
  make: string;
  model: string;
  dataLoggerId: string;
  active: boolean;
}
const EMPTY: UnitForm = { name: '', kind: '', make: '', model: '', dataLoggerId: '', active: true };
const FIELD_IDS = { name: 'unit-name', kind: 'unit-kind', make: 'unit-make', model: 'unit-model', dataLoggerId: 'unit-logger' };

/** Add a unit, or edit the one chosen (the server refuses an edit of a version someone else changed). */
function UnitEditor({ editing, onDone }: { editing: StorageUnitView | null; onDone: (message: string) => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<UnitForm>(
    editing
      ? {
          name: editing.name,
          kind: editing.kind,
          make: editing.make ?? '',
          model: editing.model ?? '',
          dataLoggerId: editing.dataLoggerId ?? '',
          active: editing.active,
        }
      : EMPTY,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const msg = (f: string) => error?.fieldMessage(f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = { name: form.name, kind: form.kind, make: form.make, model: form.model, dataLoggerId: form.dataLoggerId };
    try {
      if (editing) await api.put(`/api/clinic/storage-units/${editing.id}`, { ...body, active: form.active, version: editing.version });
      else await api.post('/api/clinic/storage-units', body);
      await qc.invalidateQueries({ queryKey: ['clinic', 'storage-units'] });
      onDone(editing ? `${form.name} saved.` : `${form.name} added.`);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const text = (f: 'name' | 'make' | 'model' | 'dataLoggerId', label: string, required = false, hint?: string) => (
    <TextField
      id={FIELD_IDS[f]}
      name={f}
      label={label}
      value={form[f]}
      onChange={(v) => setForm({ ...form, [f]: v })}
      error={msg(f)}
      hint={hint}
      required={required}
    />
  );

  return (
    <Form onSubmit={submit} className="maxw-none" aria-label={editing ? `Edit ${editing.name}` : 'Add a storage unit'}>
      <h2>{editing ? `Edit ${editing.name}` : 'Add a storage unit'}</h2>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>{text('name', 'Name', true, 'As staff call it, e.g. “Main refrigerator”')}</Grid>
        <Grid tablet={{ col: 6 }}>
          <SelectField
            id={FIELD_IDS.kind}
            name="kind"
            label="Type"
            value={form.kind}
            options={KIND_LABELS}
            required
            onChange={(v) => setForm({ ...form, kind: v as StorageUnitKind })}
            error={msg('kind')}
          />
        </Grid>
        <Grid tablet={{ col: 4 }}>{text('make', 'Make')}</Grid>
        <Grid tablet={{ col: 4 }}>{text('model', 'Model')}</Grid>
        <Grid tablet={{ col: 4 }}>{text('dataLoggerId', 'Data logger serial number', false, 'The digital data logger in this unit')}</Grid>
      </Grid>
      {editing && (
        <Checkbox
          id="unit-active"
          name="active"
          label="In use (clear it to retire the unit; it stays on record)"
          checked={form.active}
          onChange={(e) => setForm({ ...form, active: e.target.checked })}
        />
      )}
      <ButtonGroup>
        <Button type="submit">{editing ? 'Save the unit' : 'Add the unit'}</Button>
        {editing && (
          <Button type="button" unstyled onClick={() => onDone('')}>
            Cancel
          </Button>
        )}
      </ButtonGroup>
    </Form>
  );
}

/**
 * Clinic tools: the refrigerators and freezers where the clinic keeps vaccine, with their data loggers. The
 * clinic's coordinators and signers keep the list; DPH reads it (the clinic named in ?organizationId=).
 */
export function StorageUnitsPage() {
  const { organizationId, dph, q } = useClinicToolList<StorageUnitList>('storage-units', '/api/clinic/storage-units');
  const [editing, setEditing] = useState<StorageUnitView | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <>
      <h1>Storage units{q.data ? `: ${q.data.clinic.name} (${q.data.clinic.pin})` : ''}</h1>
      <p>
        Every refrigerator and freezer where the clinic keeps vaccine, with the serial number of its digital data logger. Inventory and the
        provider agreement list these units. Retire a unit that is no longer used: it stays on record.
      </p>
      {dph && !organizationId && (
        <Alert type="info" headingLevel="h2" slim>
          Open a clinic’s storage units from the <Link to="/clinics">clinic list</Link>.
        </Alert>
      )}
      {message && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="unit-message">
          {message}
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the storage units">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <StackedTable fullWidth striped headers caption={`${q.data.units.length} storage unit${q.data.units.length === 1 ? '' : 's'}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Make and model</th>
                <th scope="col">Data logger</th>
                <th scope="col">Last changed</th>
                {q.data.canEdit && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {q.data.units.map((u) => (
                <tr key={u.id} data-testid={`unit-${u.name}`}>
                  <th scope="row">
                    {u.name} {!u.active && <Tag className="bg-base">Retired</Tag>}
                  </th>
                  <td>{KIND_LABELS[u.kind]}</td>
                  <td>{[u.make, u.model].filter(Boolean).join(' ') || '—'}</td>
                  <td>{u.dataLoggerId ?? '—'}</td>
                  <td className="nutmeg-date">{formatDateTime(u.updatedAt)}</td>
                  {q.data.canEdit && (
                    <td>
                      <Button type="button" outline className="nutmeg-nowrap" onClick={() => setEditing(u)}>
                        Edit<span className="usa-sr-only"> {u.name}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </StackedTable>
          {q.data.canEdit &&
            (editing ? (
              <UnitEditor key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={done} />
            ) : (
              <Button
                type="button"
                onClick={() => {
                  setMessage('');
                  setEditing('new');
                }}
              >
                Add a storage unit
              </Button>
            ))}
        </>
      )}
    </>
  );
}
