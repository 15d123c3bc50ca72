import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Fieldset, Form, Grid } from '@trussworks/react-uswds';
import type { ClinicContactRole, ClinicProfile, PostalAddress, Weekday } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { TextField } from '../../components/FormControls';
import { ClinicAddresses } from './ClinicAddresses';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { CONTACT_LABELS, CONTACT_ROLES, DAY_LABELS, WEEKDAYS } from './profile-labels';

/** Two windows a day in the form (the server accepts up to four). */
const SLOTS = [0, 1] as const;
type Slot = { from: string; to: string };
type ContactForm = { name: string; title: string; email: string; phone: string };

interface FormState {
  legalName: string;
  dbaName: string;
  physicalAddress: PostalAddress;
  shipElsewhere: boolean;
  shippingAddress: PostalAddress;
  phone: string;
  fax: string;
  email: string;
  hours: Record<Weekday, Slot[]>;
  contacts: Record<ClinicContactRole, ContactForm>;
}

const NO_ADDRESS: PostalAddress = { street: '', city: '', state: 'CT', zip: '' };

function initial(p: ClinicProfile): FormState {
  const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, SLOTS.map((i) => p.deliveryHours[d][i] ?? { from: '', to: '' })])) as Record<
    Weekday,
    Slot[]
  >;
  const contacts = Object.fromEntries(
    CONTACT_ROLES.map((r) => {
      const c = p.contacts[r];
      return [r, { name: c?.name ?? '', title: c?.title ?? '', email: c?.email ?? '', phone: c?.phone ?? '' }];
    }),
  ) as Record<ClinicContactRole, ContactForm>;
  return {
    legalName: p.legalName,
    dbaName: p.dbaName ?? '',
    physicalAddress: p.physicalAddress,
    shipElsewhere: p.shippingAddress !== null,
    shippingAddress: p.shippingAddress ?? NO_ADDRESS,
    phone: p.phone ?? '',
    fax: p.fax ?? '',
    email: p.email ?? '',
    hours,
    contacts,
  };
}

function bodyOf(f: FormState, version: number) {
  const contact = (c: ContactForm) => (c.name || c.email || c.phone ? { ...c, title: c.title || null, phone: c.phone || null } : null);
  return {
    legalName: f.legalName,
    dbaName: f.dbaName || null,
    physicalAddress: f.physicalAddress,
    shippingAddress: f.shipElsewhere ? f.shippingAddress : null,
    phone: f.phone || null,
    fax: f.fax || null,
    email: f.email || null,
    deliveryHours: Object.fromEntries(WEEKDAYS.map((d) => [d, f.hours[d].filter((w) => w.from || w.to)])),
    contacts: Object.fromEntries(CONTACT_ROLES.map((r) => [r, contact(f.contacts[r])])),
    version,
  };
}

/** The coordinator's or signer's edit of the profile; saved as a new version (a stale one is refused). */
export function ProfileForm({ profile, onDone }: { profile: ClinicProfile; onDone: (saved: boolean) => void }) {
  const qc = useQueryClient();
  const [f, setF] = useState<FormState>(() => initial(profile));
  const [error, setError] = useState<ApiError | null>(null);
  const msg = (path: string) => error?.fieldMessage(path);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.put('/api/clinic/profile', bodyOf(f, profile.version));
      await qc.invalidateQueries({ queryKey: ['clinic', 'profile'] });
      onDone(true);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const input = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    opts: { path?: string; required?: boolean; type?: 'text' | 'email' | 'tel' } = {},
  ) => (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      error={msg(opts.path ?? id)}
      required={opts.required}
      type={opts.type}
    />
  );
  const setSlot = (d: Weekday, i: number, k: keyof Slot, v: string) =>
    setF({ ...f, hours: { ...f.hours, [d]: f.hours[d].map((w, j) => (j === i ? { ...w, [k]: v } : w)) } });
  const setContact = (r: ClinicContactRole, k: keyof ContactForm, v: string) =>
    setF({ ...f, contacts: { ...f.contacts, [r]: { ...f.contacts[r], [k]: v } } });

  return (
    <Form onSubmit={submit} className="maxw-none" aria-label="Edit the clinic profile">
      <h2>Edit the profile</h2>
      <ErrorSummary error={error} />
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          {input('legalName', 'Legal name', f.legalName, (v) => setF({ ...f, legalName: v }), { required: true })}
        </Grid>
        <Grid tablet={{ col: 6 }}>{input('dbaName', 'Doing business as', f.dbaName, (v) => setF({ ...f, dbaName: v }))}</Grid>
        <Grid tablet={{ col: 4 }}>{input('phone', 'Phone', f.phone, (v) => setF({ ...f, phone: v }), { type: 'tel' })}</Grid>
        <Grid tablet={{ col: 4 }}>{input('fax', 'Fax', f.fax, (v) => setF({ ...f, fax: v }), { type: 'tel' })}</Grid>
        <Grid tablet={{ col: 4 }}>{input('email', 'E-mail', f.email, (v) => setF({ ...f, email: v }), { type: 'email' })}</Grid>
      </Grid>
      <ClinicAddresses value={f} onChange={(change) => setF({ ...f, ...change })} errorAt={msg} />
      <Fieldset legend="Vaccine delivery hours">
        <p className="margin-top-05" id="hours-hint">
          When the clinic can receive a shipment. VFC requires at least one window of 4 hours or more on a weekday.
        </p>
        {msg('deliveryHours') && (
          <p className="usa-error-message" id="deliveryHours-error">
            {msg('deliveryHours')}
          </p>
        )}
        {WEEKDAYS.map((d) => (
          <Grid row gap key={d} className="flex-align-end">
            <Grid tablet={{ col: 2 }} className="padding-bottom-1 text-bold">
              {DAY_LABELS[d]}
            </Grid>
            {SLOTS.map((i) => (
              <Grid tablet={{ col: 5 }} key={i}>
                <Grid row gap>
                  {(['from', 'to'] as const).map((k) => {
                    const id = `hours-${d}-${i}-${k}`;
                    const m = msg(`deliveryHours.${d}.${i}.${k}`) ?? (i === 0 && k === 'from' ? msg(`deliveryHours.${d}`) : undefined);
                    return (
                      <Grid col={6} key={k}>
                        <Field id={id} label={`${DAY_LABELS[d]} window ${i + 1} ${k}`} error={m}>
                          <input
                            className="usa-input"
                            id={id}
                            name={id}
                            type="time"
                            value={f.hours[d][i]![k]}
                            onChange={(e) => setSlot(d, i, k, e.target.value)}
                            aria-describedby={describedBy(id, m)}
                          />
                        </Field>
                      </Grid>
                    );
                  })}
                </Grid>
              </Grid>
            ))}
          </Grid>
        ))}
      </Fieldset>
      {CONTACT_ROLES.map((r) => (
        <Fieldset legend={CONTACT_LABELS[r]} key={r}>
          <Grid row gap>
            <Grid tablet={{ col: 6 }}>
              {input(`${r}-name`, 'Name', f.contacts[r].name, (v) => setContact(r, 'name', v), { path: `contacts.${r}.name` })}
            </Grid>
            <Grid tablet={{ col: 6 }}>
              {input(`${r}-title`, 'Title', f.contacts[r].title, (v) => setContact(r, 'title', v), { path: `contacts.${r}.title` })}
            </Grid>
            <Grid tablet={{ col: 6 }}>
              {input(`${r}-email`, 'E-mail', f.contacts[r].email, (v) => setContact(r, 'email', v), {
                path: `contacts.${r}.email`,
                type: 'email',
              })}
            </Grid>
            <Grid tablet={{ col: 6 }}>
              {input(`${r}-phone`, 'Phone', f.contacts[r].phone, (v) => setContact(r, 'phone', v), {
                path: `contacts.${r}.phone`,
                type: 'tel',
              })}
            </Grid>
          </Grid>
        </Fieldset>
      ))}
      <ButtonGroup className="margin-top-3">
        <Button type="submit">Save the profile</Button>
        <Button type="button" unstyled onClick={() => onDone(false)}>
          Cancel
        </Button>
      </ButtonGroup>
    </Form>
  );
}
