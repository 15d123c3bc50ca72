import { useState, type FormEvent } from 'react';
import { Button, Form, Grid, TextInput } from '@trussworks/react-uswds';
import { DOSE_CONDITION_OPTIONS, codeOptions } from './code-options';
import { Field } from '../accounts/form-fields';
import { VaccinePicker, type VaccinePick } from './VaccinePicker';
import type { DoseView } from '@nutmeg/api-types';
import type { DoseChanges } from './types';
import { SelectField } from '../../components/FormControls';

/** Correct a dose the user's clinic entered (or any, for DPH): every correction needs a reason and is audited. */
export function CorrectDoseForm({
  dose,
  onSave,
  onCancel,
}: {
  dose: DoseView;
  onSave: (changes: DoseChanges, reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const administered = dose.kind === 'administered';
  const [c, setC] = useState<DoseChanges>({
    date: dose.date,
    cvx: dose.cvx,
    lot: dose.lot ?? '',
    lotExpiration: dose.lotExpiration ?? '',
    fundingSource: dose.fundingSource ?? 'private',
    vfcEligibility: dose.vfcEligibility ?? 'V01',
    route: dose.route ?? '',
    site: dose.site ?? '',
    doseCondition: dose.doseCondition ?? '',
  });
  const [vaccine, setVaccine] = useState<VaccinePick | null>({
    cvx: dose.cvx,
    label: `${dose.vaccine} (CVX ${dose.cvx})`,
    mvx: dose.mvx,
    ndc: dose.ndc,
  });
  const [reason, setReason] = useState('');
  // Another vaccine brings its own MVX and NDC (or none): the recorded ones belonged to the old one.
  const pickVaccine = (v: VaccinePick | null) => {
    setVaccine(v);
    setC((x) => ({ ...x, cvx: v?.cvx ?? '', mvx: v?.mvx ?? null, ndc: v?.ndc ?? null }));
  };
  const put = (k: keyof DoseChanges) => (v: string) => setC((x) => ({ ...x, [k]: v }));
  const set = (k: keyof DoseChanges) => (e: { target: { value: string } }) => put(k)(e.target.value);
  return (
    <Form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSave(c, reason);
      }}
      className="maxw-full margin-y-2"
      data-testid="correct-dose-form"
    >
      <h3 className="margin-0">
        Correct {dose.vaccine} of {dose.date}
      </h3>
      <Grid row gap>
        <Grid tablet={{ col: 3 }}>
          <Field id="correct-date" label="Date given">
            <input className="usa-input" id="correct-date" name="date" type="date" value={c.date} onChange={set('date')} required />
          </Field>
        </Grid>
        <Grid tablet={{ col: 9 }}>
          <VaccinePicker id="correct-vaccine" kind={dose.kind} date={c.date} value={vaccine} onChange={pickVaccine} />
        </Grid>
        {administered && (
          <>
            <Grid tablet={{ col: 3 }}>
              <Field id="correct-lot" label="Lot number">
                <TextInput id="correct-lot" name="lot" type="text" value={c.lot ?? ''} onChange={set('lot')} required />
              </Field>
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <Field id="correct-lotexp" label="Lot expiration">
                <input
                  className="usa-input"
                  id="correct-lotexp"
                  name="lotExpiration"
                  type="date"
                  value={c.lotExpiration ?? ''}
                  onChange={set('lotExpiration')}
                />
              </Field>
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <SelectField
                id="correct-funding"
                name="fundingSource"
                label="Funding source"
                options={codeOptions('fundingSource', c.fundingSource)}
                value={c.fundingSource ?? ''}
                onChange={put('fundingSource')}
              />
            </Grid>
            <Grid tablet={{ col: 4 }}>
              <SelectField
                id="correct-vfc"
                name="vfcEligibility"
                label="VFC eligibility"
                options={codeOptions('vfcEligibility', c.vfcEligibility, true)}
                value={c.vfcEligibility ?? ''}
                onChange={put('vfcEligibility')}
              />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField
                id="correct-route"
                name="route"
                label="Route"
                none="—"
                options={codeOptions('route', c.route)}
                value={c.route ?? ''}
                onChange={put('route')}
              />
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <SelectField
                id="correct-site"
                name="site"
                label="Site"
                none="—"
                options={codeOptions('site', c.site)}
                value={c.site ?? ''}
                onChange={put('site')}
              />
            </Grid>
          </>
        )}
        <Grid tablet={{ col: 5 }}>
          <SelectField
            id="correct-condition"
            name="doseCondition"
            label="Dose condition"
            hint="A dose with a condition does not count toward the series."
            options={DOSE_CONDITION_OPTIONS}
            value={c.doseCondition ?? ''}
            onChange={put('doseCondition')}
          />
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <Field id="correct-reason" label="Reason for the correction" required>
            <TextInput id="correct-reason" name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} required />
          </Field>
        </Grid>
      </Grid>
      <Button type="submit">Save correction</Button>
      <Button type="button" outline onClick={onCancel}>
        Cancel
      </Button>
    </Form>
  );
}
