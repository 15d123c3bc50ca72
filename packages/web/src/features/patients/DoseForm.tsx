import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Form, Grid, Radio, TextInput } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { jurisdictionToday } from '../../dates';
import { ErrorSummary, Field } from '../accounts/form-fields';
import {
  DOSE_CONDITION_OPTIONS,
  FUNDING_OPTIONS,
  HISTORICAL_SOURCE_OPTIONS,
  ROUTE_OPTIONS,
  SITE_OPTIONS,
  SelectField,
  VFC_OPTIONS,
} from './code-options';

/** Record an administered dose (lot typed in until inventory lots exist) or a historical dose. */
export function DoseForm({ patientId, onSaved }: { patientId: string; onSaved: (message: string) => void }) {
  const [kind, setKind] = useState<'administered' | 'historical'>('administered');
  const [f, setF] = useState({
    cvx: '',
    date: jurisdictionToday(),
    lot: '',
    lotExpiration: '',
    mvx: '',
    fundingSource: 'public',
    vfcEligibility: '',
    site: '',
    route: 'IM',
    administeredBy: '',
    source: '01',
    visEdition: '',
    doseCondition: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body =
      kind === 'historical'
        ? { kind, cvx: f.cvx, date: f.date, source: f.source, doseCondition: f.doseCondition || undefined }
        : {
            kind,
            cvx: f.cvx,
            date: f.date,
            lot: f.lot,
            lotExpiration: f.lotExpiration || undefined,
            mvx: f.mvx || undefined,
            fundingSource: f.fundingSource,
            vfcEligibility: f.vfcEligibility || undefined,
            site: f.site || undefined,
            route: f.route || undefined,
            administeredBy: f.administeredBy || undefined,
            vis: f.visEdition ? [{ document: `CVX ${f.cvx}`, edition: f.visEdition, presented: f.date }] : [],
            doseCondition: f.doseCondition || undefined,
          };
    try {
      const r = await api.post<{ deduplicated: boolean; ownershipTaken: boolean }>(`/api/patients/${patientId}/doses`, body);
      onSaved(
        r.deduplicated
          ? 'Dose recorded; it matched a dose already reported by another source, so both reports are kept as one dose.'
          : `Dose recorded${r.ownershipTaken ? '; your clinic is now the medical home' : ''}.`,
      );
      setF({ ...f, cvx: '', lot: '', lotExpiration: '', doseCondition: '' });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  const msg = (p: string) => error?.fieldMessage(p);

  return (
    <Form onSubmit={submit} className="maxw-full" data-testid="dose-form">
      <ErrorSummary
        error={error}
        fieldIds={{ cvx: 'dose-cvx', date: 'dose-date', vfcEligibility: 'dose-vfc', lotExpiration: 'dose-lotexp' }}
      />
      <Fieldset legend="Kind of record">
        <Radio
          id="kind-administered"
          name="kind"
          label="Given here (administered)"
          checked={kind === 'administered'}
          onChange={() => setKind('administered')}
        />
        <Radio
          id="kind-historical"
          name="kind"
          label="Historical (from a record or another provider)"
          checked={kind === 'historical'}
          onChange={() => setKind('historical')}
        />
      </Fieldset>
      <Grid row gap>
        <Grid tablet={{ col: 3 }}>
          <Field id="dose-cvx" label="Vaccine (CVX code)" error={msg('cvx')} required hint="e.g. 20 DTaP, 03 MMR, 309 COVID-19">
            <TextInput id="dose-cvx" name="cvx" type="text" inputMode="numeric" value={f.cvx} onChange={set('cvx')} required />
          </Field>
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id="dose-date" label="Date given" error={msg('date')} required>
            <input className="usa-input" id="dose-date" name="date" type="date" value={f.date} onChange={set('date')} required />
          </Field>
        </Grid>
        {kind === 'historical' ? (
          <Grid tablet={{ col: 4 }}>
            <SelectField
              id="dose-source"
              name="source"
              label="Source"
              options={HISTORICAL_SOURCE_OPTIONS}
              value={f.source}
              onChange={set('source')}
            />
          </Grid>
        ) : (
          <>
            <Grid tablet={{ col: 3 }}>
              <Field id="dose-lot" label="Lot number" error={msg('lot')} required>
                <TextInput id="dose-lot" name="lot" type="text" value={f.lot} onChange={set('lot')} required />
              </Field>
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <Field id="dose-lotexp" label="Lot expiration" error={msg('lotExpiration')}>
                <input
                  className="usa-input"
                  id="dose-lotexp"
                  name="lotExpiration"
                  type="date"
                  value={f.lotExpiration}
                  onChange={set('lotExpiration')}
                />
              </Field>
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <SelectField
                id="dose-funding"
                name="fundingSource"
                label="Funding source"
                options={FUNDING_OPTIONS}
                value={f.fundingSource}
                onChange={set('fundingSource')}
              />
            </Grid>
            <Grid tablet={{ col: 5 }}>
              <SelectField
                id="dose-vfc"
                name="vfcEligibility"
                label="VFC eligibility for this dose"
                error={msg('vfcEligibility')}
                none="— Choose —"
                required
                options={VFC_OPTIONS}
                value={f.vfcEligibility}
                onChange={set('vfcEligibility')}
              />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField id="dose-route" name="route" label="Route" options={ROUTE_OPTIONS} value={f.route} onChange={set('route')} />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField id="dose-site" name="site" label="Site" options={SITE_OPTIONS} value={f.site} onChange={set('site')} />
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <Field id="dose-by" label="Administered by">
                <TextInput id="dose-by" name="administeredBy" type="text" value={f.administeredBy} onChange={set('administeredBy')} />
              </Field>
            </Grid>
            <Grid tablet={{ col: 3 }}>
              <Field id="dose-vis" label="VIS edition handed out">
                <input
                  className="usa-input"
                  id="dose-vis"
                  name="visEdition"
                  type="date"
                  value={f.visEdition}
                  onChange={set('visEdition')}
                />
              </Field>
            </Grid>
          </>
        )}
        <Grid tablet={{ col: 5 }}>
          <SelectField
            id="dose-condition"
            name="doseCondition"
            label="Dose condition (only if it does not count)"
            options={DOSE_CONDITION_OPTIONS}
            value={f.doseCondition}
            onChange={set('doseCondition')}
          />
        </Grid>
      </Grid>
      <Button type="submit" data-testid="save-dose">
        Record dose
      </Button>
    </Form>
  );
}
