import { useState, type FormEvent } from 'react';
import { Button, Form, Grid, TextInput } from '@trussworks/react-uswds';
import { DOSE_CONDITION_OPTIONS, FUNDING_OPTIONS, ROUTE_OPTIONS, SITE_OPTIONS, SelectField, VFC_OPTIONS } from './code-options';
import { Field } from '../accounts/form-fields';
import type { DoseChanges, DoseView } from './types';

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
  const [reason, setReason] = useState('');
  const set = (k: keyof DoseChanges) => (e: { target: { value: string } }) => setC((x) => ({ ...x, [k]: e.target.value }));
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
        <Grid tablet={{ col: 2 }}>
          <Field id="correct-cvx" label="CVX code">
            <TextInput id="correct-cvx" name="cvx" type="text" inputMode="numeric" value={c.cvx} onChange={set('cvx')} required />
          </Field>
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
                options={FUNDING_OPTIONS}
                value={c.fundingSource ?? ''}
                onChange={set('fundingSource')}
              />
            </Grid>
            <Grid tablet={{ col: 4 }}>
              <SelectField
                id="correct-vfc"
                name="vfcEligibility"
                label="VFC eligibility"
                options={VFC_OPTIONS}
                value={c.vfcEligibility ?? ''}
                onChange={set('vfcEligibility')}
              />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField
                id="correct-route"
                name="route"
                label="Route"
                none="—"
                options={ROUTE_OPTIONS}
                value={c.route ?? ''}
                onChange={set('route')}
              />
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <SelectField id="correct-site" name="site" label="Site" options={SITE_OPTIONS} value={c.site ?? ''} onChange={set('site')} />
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
            onChange={set('doseCondition')}
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
