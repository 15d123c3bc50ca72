import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Checkbox, Fieldset, Form, Grid } from '@trussworks/react-uswds';
import type { ClinicProfile, EnrolmentStatus, PostalAddress } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Link, navigate } from '../../router';
import { SelectField, TextField } from '../../components/FormControls';
import { ClinicAddresses } from './ClinicAddresses';
import { ErrorSummary } from '../accounts/form-fields';
import { CLINIC_TYPE_LABELS, ENROLMENT_LABELS } from './profile-labels';

const NO_ADDRESS: PostalAddress = { street: '', city: '', state: 'CT', zip: '' };

interface EnrolForm {
  legalName: string;
  dbaName: string;
  clinicType: string;
  medicalHome: boolean;
  phone: string;
  physicalAddress: PostalAddress;
  shipElsewhere: boolean;
  shippingAddress: PostalAddress;
  status: EnrolmentStatus;
  enrolledOn: string;
  endedOn: string;
}

const START: EnrolForm = {
  legalName: '',
  dbaName: '',
  clinicType: '',
  medicalHome: true,
  phone: '',
  physicalAddress: NO_ADDRESS,
  shipElsewhere: false,
  shippingAddress: NO_ADDRESS,
  status: 'pending',
  enrolledOn: '',
  endedOn: '',
};

/** DPH: enrol a clinic. The server allocates its PIN; the clinic's people then keep its profile. */
export function EnrolClinicPage() {
  const qc = useQueryClient();
  const [f, setF] = useState<EnrolForm>(START);
  const [error, setError] = useState<ApiError | null>(null);
  const msg = (p: string) => error?.fieldMessage(p);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const created = await api.post<ClinicProfile>('/api/clinics', {
        legalName: f.legalName,
        dbaName: f.dbaName,
        clinicType: f.clinicType,
        medicalHome: f.medicalHome,
        phone: f.phone,
        physicalAddress: f.physicalAddress,
        shippingAddress: f.shipElsewhere ? f.shippingAddress : null,
        enrolment: { status: f.status, enrolledOn: f.enrolledOn || null, endedOn: f.endedOn || null },
      });
      await qc.invalidateQueries({ queryKey: ['clinics'] });
      navigate(`/clinic/profile?organizationId=${created.organizationId}&enrolled=1`);
    } catch (err) {
      setError(toApiError(err));
      window.scrollTo(0, 0);
    }
  }

  const input = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    o: { path?: string; required?: boolean; type?: 'text' | 'tel' | 'date' } = {},
  ) => <TextField id={id} label={label} value={value} onChange={onChange} error={msg(o.path ?? id)} required={o.required} type={o.type} />;
  const select = (id: string, label: string, value: string, options: Record<string, string>, onChange: (v: string) => void, path = id) => (
    <SelectField id={id} label={label} value={value} options={options} onChange={onChange} error={msg(path)} required />
  );

  return (
    <>
      <h1>Enrol a clinic</h1>
      <p>
        The clinic gets the next free PIN. Its coordinators and signers then keep its profile, staff list and agreements; back to the{' '}
        <Link to="/clinics">clinic list</Link>.
      </p>
      <Form onSubmit={submit} className="maxw-none" aria-label="Enrol a clinic">
        <ErrorSummary error={error} />
        <Grid row gap>
          <Grid tablet={{ col: 6 }}>
            {input('legalName', 'Legal name', f.legalName, (v) => setF({ ...f, legalName: v }), { required: true })}
          </Grid>
          <Grid tablet={{ col: 6 }}>{input('dbaName', 'Doing business as', f.dbaName, (v) => setF({ ...f, dbaName: v }))}</Grid>
          <Grid tablet={{ col: 6 }}>
            {select('clinicType', 'Type', f.clinicType, CLINIC_TYPE_LABELS, (v) => setF({ ...f, clinicType: v }))}
          </Grid>
          <Grid tablet={{ col: 6 }}>{input('phone', 'Phone', f.phone, (v) => setF({ ...f, phone: v }), { type: 'tel' })}</Grid>
        </Grid>
        <Checkbox
          id="medicalHome"
          name="medicalHome"
          label="Medical home (it owns the records of the patients it vaccinates)"
          checked={f.medicalHome}
          onChange={(e) => setF({ ...f, medicalHome: e.target.checked })}
        />
        <ClinicAddresses value={f} onChange={(change) => setF({ ...f, ...change })} errorAt={msg} />
        <Fieldset legend="VFC/CVP enrolment">
          <Grid row gap>
            <Grid tablet={{ col: 4 }}>
              {select(
                'enrolment-status',
                'Status',
                f.status,
                ENROLMENT_LABELS,
                (v) => setF({ ...f, status: v as EnrolmentStatus }),
                'enrolment.status',
              )}
            </Grid>
            <Grid tablet={{ col: 4 }}>
              {input('enrolment-enrolledOn', 'Enrolled on', f.enrolledOn, (v) => setF({ ...f, enrolledOn: v }), {
                path: 'enrolment.enrolledOn',
                type: 'date',
              })}
            </Grid>
            <Grid tablet={{ col: 4 }}>
              {input('enrolment-endedOn', 'Enrolment ended on', f.endedOn, (v) => setF({ ...f, endedOn: v }), {
                path: 'enrolment.endedOn',
                type: 'date',
              })}
            </Grid>
          </Grid>
        </Fieldset>
        <ButtonGroup className="margin-top-3">
          <Button type="submit">Enrol the clinic</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
