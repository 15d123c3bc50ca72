import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Fieldset, Form, Grid, TextInput } from '@trussworks/react-uswds';
import type { AgreementDraftData, Prescriber, StaffList } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { BANDS, BAND_LABELS, CATEGORIES, CATEGORY_LABELS } from './agreement-labels';

const NO_PRESCRIBER: Prescriber = { name: '', licenseType: '', licenseNumber: '', licenseState: 'CT', licenseExpires: '', npi: '' };
const PRESCRIBER_FIELDS: Array<[keyof Prescriber, string, string]> = [
  ['name', 'Name', 'text'],
  ['licenseType', 'License type', 'text'],
  ['licenseNumber', 'License number', 'text'],
  ['licenseState', 'License state', 'text'],
  ['licenseExpires', 'License expires', 'date'],
  ['npi', 'NPI', 'text'],
];

/**
 * The clinic's part of an agreement: the provider profile (children expected to receive VFC vaccine, by category
 * and age), prescribers and vaccines. Its storage units and the program's conditions are added by the server.
 */
export function AgreementDraftForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: AgreementDraftData;
  submitLabel: string;
  onSubmit: (data: AgreementDraftData) => Promise<void>;
  onCancel: () => void;
}) {
  const [d, setD] = useState<AgreementDraftData>(initial);
  const [vaccines, setVaccines] = useState(initial.vaccines.join(', '));
  const [error, setError] = useState<ApiError | null>(null);
  const [staffNote, setStaffNote] = useState('');
  const msg = (p: string) => error?.fieldMessage(`data.${p}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await onSubmit({
        ...d,
        vaccines: vaccines
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const setCount = (c: (typeof CATEGORIES)[number], b: (typeof BANDS)[number], v: string) =>
    setD({ ...d, providerProfile: { ...d.providerProfile, [c]: { ...d.providerProfile[c], [b]: Math.max(0, Number(v) || 0) } } });
  // The staff list's prescribers with their licenses, added to those listed (by NPI or name, none twice).
  async function addStaffPrescribers() {
    setError(null);
    try {
      const list = await api.get<StaffList>('/api/clinic/staff');
      const known = new Set(d.prescribers.map((p) => p.npi || p.name));
      const add = list.staff
        .filter((m) => m.role === 'prescriber' && m.license)
        .map((m) => ({
          name: `${m.firstName} ${m.lastName}`,
          licenseType: m.license!.type,
          licenseNumber: m.license!.number,
          licenseState: m.license!.state,
          licenseExpires: m.license!.expires,
          npi: m.npi ?? '',
        }))
        .filter((p) => !known.has(p.npi || p.name));
      setD({ ...d, prescribers: [...d.prescribers, ...add] });
      setStaffNote(
        add.length
          ? `${add.length} prescriber${add.length === 1 ? '' : 's'} added from the staff list.`
          : 'No other prescriber is on the staff list.',
      );
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const setPrescriber = (i: number, k: keyof Prescriber, v: string) =>
    setD({ ...d, prescribers: d.prescribers.map((p, j) => (j === i ? { ...p, [k]: v } : p)) });

  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="The agreement’s provider profile, prescribers and vaccines">
      <ErrorSummary error={error} />
      <Fieldset legend="Provider profile: children expected to receive VFC vaccine this year">
        <StackedTable headers fullWidth caption="By VFC eligibility and age">
          <thead>
            <tr>
              <th scope="col">Eligibility</th>
              {BANDS.map((b) => (
                <th scope="col" key={b}>
                  {BAND_LABELS[b]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row">{CATEGORY_LABELS[c]}</th>
                {BANDS.map((b) => {
                  const id = `count-${c}-${b}`;
                  return (
                    <td key={b}>
                      <label className="usa-sr-only" htmlFor={id}>
                        {CATEGORY_LABELS[c]}, {BAND_LABELS[b]}
                      </label>
                      <input
                        className="usa-input maxw-card"
                        id={id}
                        type="number"
                        min={0}
                        value={d.providerProfile[c][b]}
                        onChange={(e) => setCount(c, b, e.target.value)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </StackedTable>
      </Fieldset>
      <Fieldset legend="Prescribers">
        {d.prescribers.length === 0 && <p>No prescriber listed yet.</p>}
        {d.prescribers.map((p, i) => (
          <Grid row gap key={i} className="border-bottom border-base-lighter margin-bottom-2">
            {PRESCRIBER_FIELDS.map(([k, label, type]) => {
              const id = `prescriber-${i}-${k}`;
              const m = msg(`prescribers.${i}.${k}`);
              return (
                <Grid tablet={{ col: 4 }} key={k}>
                  <Field id={id} label={`Prescriber ${i + 1}: ${label}`} error={m} required>
                    <TextInput
                      id={id}
                      name={id}
                      type={type as 'text'}
                      value={p[k]}
                      onChange={(e) => setPrescriber(i, k, e.target.value)}
                      aria-describedby={describedBy(id, m)}
                      required
                    />
                  </Field>
                </Grid>
              );
            })}
            <Grid col={12} className="margin-bottom-2">
              <Button type="button" unstyled onClick={() => setD({ ...d, prescribers: d.prescribers.filter((_, j) => j !== i) })}>
                Remove prescriber {i + 1}
              </Button>
            </Grid>
          </Grid>
        ))}
        <p className="usa-hint">
          Prescribers come from the clinic’s staff list, with their licenses; add one by hand only if it is not there yet.
        </p>
        {staffNote && (
          <p role="status" data-testid="staff-prescribers">
            {staffNote}
          </p>
        )}
        <ButtonGroup>
          <Button type="button" onClick={() => void addStaffPrescribers()}>
            Add the staff list’s prescribers
          </Button>
          <Button type="button" outline onClick={() => setD({ ...d, prescribers: [...d.prescribers, { ...NO_PRESCRIBER }] })}>
            Add a prescriber
          </Button>
        </ButtonGroup>
      </Fieldset>
      <Field id="vaccines" label="Vaccines offered" hint="Separate them with commas, e.g. DTaP, MMR, Influenza" error={msg('vaccines')}>
        <TextInput
          id="vaccines"
          name="vaccines"
          type="text"
          value={vaccines}
          onChange={(e) => setVaccines(e.target.value)}
          aria-describedby={describedBy('vaccines', msg('vaccines'), true)}
        />
      </Field>
      <ButtonGroup className="margin-top-3">
        <Button type="submit">{submitLabel}</Button>
        <Button type="button" unstyled onClick={onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
    </Form>
  );
}
