import { useState, type FormEvent } from 'react';
import { Button, ComboBox, Fieldset, Form, Grid, Radio, Select } from '@trussworks/react-uswds';
import { api } from '../../api';
import { jurisdictionToday } from '../../dates';
import { useObservationCodes, useVaccineGroups } from '../recommender/catalog';
import { Field } from '../accounts/form-fields';
import { codeLabel, codeOptions, Options } from './code-options';
import { OBSERVATION_KIND_LABEL } from './labels';
import type { Immunizations } from '@nutmeg/api-types';
import type { RecordAction } from './types';

/** Refusals, contraindications, precautions and evidence of immunity on the record, each removable by its clinic. */
export function RefusalsAndObservations({
  patientId: id,
  imm,
  onAction: act,
}: {
  patientId: string;
  imm: Immunizations;
  onAction: RecordAction;
}) {
  return (
    <>
      <h3>Refusals, contraindications and evidence of immunity</h3>
      <ul>
        {imm.refusals.map((x) => (
          <li key={x.id}>
            Refused {x.vaccineGroup} on {x.date} ({codeLabel('refusalReason', x.reason)}){x.source ? `, ${x.source}` : ''}
            {x.canEdit && (
              <RemoveButton
                label={`Remove refusal of ${x.vaccineGroup}`}
                onRemove={(reason) =>
                  act(() => api.delete(`/api/patients/${id}/refusals/${x.id}?reason=${encodeURIComponent(reason)}`), 'Refusal removed.')
                }
              />
            )}
          </li>
        ))}
        {imm.observations.map((o) => (
          <li key={o.id}>
            {OBSERVATION_KIND_LABEL[o.kind] ?? o.kind}: {o.text} (CDSi {o.code})
            {o.status === 'unknown' ? ' — unknown, clinical judgement needed' : ''} — {o.date}
            {o.source ? `, ${o.source}` : ''}
            {o.canEdit && (
              <RemoveButton
                label={`Remove ${o.kind} ${o.code}`}
                onRemove={(reason) =>
                  act(
                    () => api.delete(`/api/patients/${id}/observations/${o.id}?reason=${encodeURIComponent(reason)}`),
                    'Observation removed.',
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function RemoveButton({ label, onRemove }: { label: string; onRemove: (reason: string) => Promise<void> }) {
  return (
    <Button
      type="button"
      unstyled
      className="margin-left-1"
      aria-label={label}
      onClick={() => {
        const reason = window.prompt('Why is this being removed?');
        if (reason) void onRemove(reason);
      }}
    >
      Remove
    </Button>
  );
}

/** Forms to record a refusal and a CDSi observation (contraindication, precaution, immunity, indication). */
export function NotesForms({ patientId, onAction }: { patientId: string; onAction: RecordAction }) {
  const [refusal, setRefusal] = useState({ vaccineGroup: 'MMR', date: jurisdictionToday(), reason: '00' });
  const [obs, setObs] = useState({ kind: 'immunity', code: '024', date: jurisdictionToday(), status: 'active' });
  const groups = useVaccineGroups();
  const codes = useObservationCodes();
  return (
    <details className="margin-top-2">
      <summary className="text-bold">Record a refusal, contraindication or evidence of immunity</summary>
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void onAction(() => api.post(`/api/patients/${patientId}/refusals`, refusal), 'Refusal recorded.');
        }}
        className="maxw-full"
      >
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <Field id="refusal-group" label="Vaccine group refused">
              <Select
                id="refusal-group"
                name="vaccineGroup"
                value={refusal.vaccineGroup}
                onChange={(e) => setRefusal({ ...refusal, vaccineGroup: e.target.value })}
              >
                {(groups.data ?? [refusal.vaccineGroup]).map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id="refusal-date" label="Date">
              <input
                className="usa-input"
                id="refusal-date"
                name="date"
                type="date"
                value={refusal.date}
                onChange={(e) => setRefusal({ ...refusal, date: e.target.value })}
              />
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id="refusal-reason" label="Reason">
              <Select
                id="refusal-reason"
                name="reason"
                value={refusal.reason}
                onChange={(e) => setRefusal({ ...refusal, reason: e.target.value })}
              >
                <Options options={codeOptions('refusalReason')} />
              </Select>
            </Field>
          </Grid>
        </Grid>
        <Button type="submit" outline>
          Record refusal
        </Button>
      </Form>
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void onAction(() => api.post(`/api/patients/${patientId}/observations`, obs), 'Observation recorded.');
        }}
        className="maxw-full"
      >
        <Grid row gap>
          <Grid tablet={{ col: 4 }}>
            <Field id="obs-kind" label="Kind">
              <Select id="obs-kind" name="kind" value={obs.kind} onChange={(e) => setObs({ ...obs, kind: e.target.value })}>
                <option value="contraindication">Contraindication</option>
                <option value="precaution">Precaution</option>
                <option value="immunity">Evidence of immunity</option>
                <option value="indication">Indication / risk condition</option>
              </Select>
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id="obs-code" label="CDSi observation" hint="Type a code or words of its title, e.g. 024 or varicella">
              <ComboBox
                key={codes.data ? 'loaded' : 'loading'}
                id="obs-code"
                name="code"
                defaultValue={obs.code}
                disabled={!codes.data}
                noResults="No CDSi observation matches"
                options={(codes.data?.observations ?? []).map((o) => ({ value: o.code, label: `${o.code} ${o.title}` }))}
                onChange={(code) => setObs({ ...obs, code: code ?? '' })}
              />
            </Field>
          </Grid>
          <Grid tablet={{ col: 4 }}>
            <Field id="obs-date" label="Date">
              <input
                className="usa-input"
                id="obs-date"
                name="date"
                type="date"
                value={obs.date}
                onChange={(e) => setObs({ ...obs, date: e.target.value })}
              />
            </Field>
          </Grid>
        </Grid>
        {/* CDSi lets an observation be unknown: the recommender then does not apply it and says what it could not decide */}
        <Fieldset legend="Does the patient have it?" legendStyle="srOnly">
          <Radio
            id="obs-status-active"
            name="status"
            label="Yes, the patient has it"
            checked={obs.status === 'active'}
            onChange={() => setObs({ ...obs, status: 'active' })}
          />
          <Radio
            id="obs-status-unknown"
            name="status"
            label="Unknown — clinical judgement needed"
            checked={obs.status === 'unknown'}
            onChange={() => setObs({ ...obs, status: 'unknown' })}
          />
        </Fieldset>
        <Button type="submit" outline>
          Record observation
        </Button>
      </Form>
    </details>
  );
}
