import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Form, Grid, Radio, TextInput } from '@trussworks/react-uswds';
import type { RecordedDose, StockLotOption } from '@nutmeg/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { jurisdictionToday } from '../../dates';
import { useSession } from '../../session';
import { ErrorSummary, Field } from '../accounts/form-fields';
import { DOSE_CONDITION_OPTIONS, codeOptions } from './code-options';
import { StockLotPicker } from './StockLotPicker';
import { VaccinePicker, type VaccinePick } from './VaccinePicker';
import { SelectField } from '../../components/FormControls';

/** Record an administered dose (from an inventory lot, or with the lot typed in) or a historical dose. */
export function DoseForm({ patientId, onSaved }: { patientId: string; onSaved: (message: string) => void }) {
  const [kind, setKind] = useState<'administered' | 'historical'>('administered');
  const [vaccine, setVaccine] = useState<VaccinePick | null>(null);
  const [stock, setStock] = useState<StockLotOption | null>(null);
  const { can } = useSession();
  const qc = useQueryClient();
  const today = jurisdictionToday();
  const [f, setF] = useState({
    date: today,
    lot: '',
    lotExpiration: '',
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
  const put = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => put(k)(e.target.value);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const cvx = vaccine?.cvx ?? '';
    const body =
      kind === 'historical'
        ? { kind, cvx, date: f.date, source: f.source, doseCondition: f.doseCondition || undefined }
        : {
            kind,
            cvx,
            date: f.date,
            lot: f.lot,
            lotExpiration: f.lotExpiration || undefined,
            mvx: vaccine?.mvx ?? undefined,
            ndc: vaccine?.ndc ?? undefined,
            fundingSource: f.fundingSource,
            vfcEligibility: f.vfcEligibility || undefined,
            site: f.site || undefined,
            route: f.route || undefined,
            administeredBy: f.administeredBy || undefined,
            vis: f.visEdition ? [{ document: `CVX ${cvx}`, edition: f.visEdition, presented: f.date }] : [],
            doseCondition: f.doseCondition || undefined,
            ...(stock
              ? {
                  fromStock: { lotId: stock.lotId, storageUnitId: stock.storageUnitId, pendingDoseId: stock.pendingDoseId ?? undefined },
                  ndc: stock.ndc,
                  mvx: stock.mvx ?? undefined,
                }
              : {}),
          };
    try {
      const r = await api.post<RecordedDose>(`/api/patients/${patientId}/doses`, body);
      onSaved(
        r.deduplicated
          ? 'Dose recorded; it matched a dose already reported by another source, so both reports are kept as one dose.'
          : `Dose recorded${r.ownershipTaken ? '; your clinic is now the medical home' : ''}.`,
      );
      setF({ ...f, lot: '', lotExpiration: '', doseCondition: '' });
      setVaccine(null);
      setStock(null);
      await qc.invalidateQueries({ queryKey: ['stock-lots'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  const msg = (p: string) => error?.fieldMessage(p);
  // A coordinator takes the dose out of the unit now (added but not administered): it waits in the inventory's
  // queue until it is recorded here as given, or put back or wasted there.
  async function pullForLater() {
    if (!stock) return;
    setError(null);
    try {
      await api.post(`/api/inventory/pending-doses`, { patientId, lotId: stock.lotId, storageUnitId: stock.storageUnitId });
      onSaved(`One dose of lot ${stock.lotNumber} pulled for this patient; record it here once given.`);
      setStock(null);
      await qc.invalidateQueries({ queryKey: ['stock-lots'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  function pickStock(lot: StockLotOption | null) {
    setStock(lot);
    if (lot) setF({ ...f, lot: lot.lotNumber, lotExpiration: lot.expirationDate, fundingSource: lot.doseFundingSource });
  }

  return (
    <Form onSubmit={submit} className="maxw-full" data-testid="dose-form">
      <ErrorSummary
        error={error}
        fieldIds={{
          cvx: 'dose-vaccine',
          mvx: 'dose-vaccine',
          ndc: 'dose-vaccine',
          date: 'dose-date',
          vfcEligibility: 'dose-vfc',
          lotExpiration: 'dose-lotexp',
          fromStock: 'dose-stock',
        }}
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
        <Grid tablet={{ col: 9 }}>
          <VaccinePicker
            id="dose-vaccine"
            kind={kind}
            date={f.date}
            value={vaccine}
            onChange={(v) => {
              setVaccine(v);
              setStock(null);
            }}
            error={msg('cvx') ?? msg('ndc') ?? msg('mvx')}
          />
        </Grid>
        <Grid tablet={{ col: 3 }}>
          <Field id="dose-date" label="Date given" error={msg('date')} required>
            <input
              className="usa-input"
              id="dose-date"
              name="date"
              type="date"
              max={today}
              value={f.date}
              onChange={set('date')}
              required
            />
          </Field>
        </Grid>
        {kind === 'historical' ? (
          <Grid tablet={{ col: 7 }}>
            <SelectField
              id="dose-source"
              name="source"
              label="Source"
              options={codeOptions('historicalSource')}
              value={f.source}
              onChange={put('source')}
            />
          </Grid>
        ) : (
          <>
            {vaccine && (
              <Grid tablet={{ col: 12 }}>
                <StockLotPicker
                  patientId={patientId}
                  cvx={vaccine.cvx}
                  date={f.date}
                  value={stock}
                  onChange={pickStock}
                  error={msg('fromStock')}
                />
              </Grid>
            )}
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
                options={codeOptions('fundingSource')}
                value={f.fundingSource}
                onChange={put('fundingSource')}
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
                options={codeOptions('vfcEligibility', null, true)}
                value={f.vfcEligibility}
                onChange={put('vfcEligibility')}
              />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField
                id="dose-route"
                name="route"
                label="Route"
                none="—"
                options={codeOptions('route')}
                value={f.route}
                onChange={put('route')}
              />
            </Grid>
            <Grid tablet={{ col: 2 }}>
              <SelectField
                id="dose-site"
                name="site"
                label="Site"
                none="—"
                options={codeOptions('site')}
                value={f.site}
                onChange={put('site')}
              />
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
            onChange={put('doseCondition')}
          />
        </Grid>
      </Grid>
      <Button type="submit" data-testid="save-dose">
        Record dose
      </Button>
      {kind === 'administered' && stock && !stock.pendingDoseId && can('inventory:write') && (
        <Button type="button" outline onClick={() => void pullForLater()}>
          Pull from stock, give later
        </Button>
      )}
    </Form>
  );
}
