import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Fieldset, Form, Radio, TextInput } from '@trussworks/react-uswds';
import type { AccessTypeOption, AccountRequestCreated, OrganizationRef, RequestOptions } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { navigate, useLocation } from '../../router';
import { describedBy, ErrorSummary, Field } from './form-fields';

const PIN_LABELS: Record<AccessTypeOption['organizationKind'], { label: string; hint: string }> = {
  clinic: { label: 'Clinic PIN(s)', hint: 'If you work for several clinics, separate their PINs with commas, e.g. CT1001, CT1002.' },
  school: { label: 'School code', hint: 'The code DPH gave your school, e.g. SCH2001.' },
  health_department: { label: 'Health department code', hint: 'The code of your local health department or district, e.g. LHD3001.' },
  dph: { label: 'DPH code (optional)', hint: 'Leave empty: DPH staff belong to the Department of Public Health.' },
};

const CONTACT_FIELDS = [
  { id: 'firstName', label: 'First name', autoComplete: 'given-name', type: 'text' },
  { id: 'lastName', label: 'Last name', autoComplete: 'family-name', type: 'text' },
  { id: 'email', label: 'E-mail', autoComplete: 'email', type: 'email' },
  { id: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel' },
  { id: 'jobTitle', label: 'Job title', autoComplete: 'organization-title', type: 'text' },
] as const;
type ContactField = (typeof CONTACT_FIELDS)[number]['id'];

/** The public "Request User Account" form: the seed's access types with descriptions, PINs, contact data, agreements. */
export function RequestAccountPage() {
  const options = useQuery({
    queryKey: ['account-request-options'],
    queryFn: () => api.get<RequestOptions>('/api/account-requests/options'),
  });
  // A clinic's staff list links here pre-filled (?accessType=&pins=&firstName=…); the person accepts the agreements.
  const { search } = useLocation();
  const [accessType, setAccessType] = useState(search.get('accessType') ?? '');
  const [pins, setPins] = useState(search.get('pins') ?? '');
  const [contact, setContact] = useState<Record<ContactField, string>>(() => {
    const v = (k: ContactField) => search.get(k) ?? '';
    return { firstName: v('firstName'), lastName: v('lastName'), email: v('email'), phone: v('phone'), jobTitle: v('jobTitle') };
  });
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [orgs, setOrgs] = useState<{ pin: string; org: OrganizationRef | null }[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (options.isLoading) return <p>Loading…</p>;
  if (!options.data)
    return (
      <Alert type="error" headingLevel="h2" heading="The form could not be loaded">
        Try again in a moment.
      </Alert>
    );
  const { accessTypes, agreements } = options.data;
  const chosen = accessTypes.find((t) => t.value === accessType);
  const pinText = PIN_LABELS[chosen?.organizationKind ?? 'clinic'];
  const fieldError = (p: string) => error?.fieldMessage(p);

  async function lookUpPins() {
    const list = [
      ...new Set(
        pins
          .split(/[\s,;]+/)
          .map((p) => p.trim().toUpperCase())
          .filter(Boolean),
      ),
    ].slice(0, 10);
    const found = await Promise.all(
      list.map(async (pin) => ({
        pin,
        org: await api.get<OrganizationRef>(`/api/account-requests/organizations/${encodeURIComponent(pin)}`).catch(() => null),
      })),
    );
    setOrgs(found);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const agreementVersions = Object.fromEntries(agreements.filter((a) => accepted[a.kind]).map((a) => [a.kind, a.version]));
      const created = await api.post<AccountRequestCreated>('/api/account-requests', {
        accessType,
        pins,
        ...contact,
        agreements: agreementVersions,
      });
      navigate(`/request-account/submitted?ref=${created.id}&email=${encodeURIComponent(contact.email.trim())}`);
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.'),
      );
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid-row">
      <div className="desktop:grid-col-10">
        <h1>Request a user account</h1>
        <p className="usa-intro">
          Choose the access that matches your job. The Department of Public Health reviews every request; you will receive your username and
          a temporary password in two separate e-mails.
        </p>
        <ErrorSummary
          error={error}
          fieldIds={{
            accessType: `accessType-${accessTypes[0]?.value}`,
            'agreements.user': 'agreement-user',
            'agreements.confidentiality': 'agreement-confidentiality',
          }}
        />
        <Form onSubmit={submit} large className="maxw-none">
          <Fieldset legend="Type of access" legendStyle="large">
            <p className="usa-hint" id="accessType-hint">
              Which user access do I need? Each type lists the modules it opens.
            </p>
            {fieldError('accessType') && (
              <span className="usa-error-message" id="accessType-error">
                {fieldError('accessType')}
              </span>
            )}
            <div className="grid-row grid-gap-2">
              {accessTypes.map((t) => (
                <div className="tablet:grid-col-6" key={t.value}>
                  <Radio
                    id={`accessType-${t.value}`}
                    name="accessType"
                    value={t.value}
                    tile
                    checked={accessType === t.value}
                    onChange={() => setAccessType(t.value)}
                    label={<span>{t.label}</span>}
                    labelDescription={
                      <>
                        {t.description}
                        <br />
                        <strong>You will have access to:</strong> {t.modulesSummary}
                      </>
                    }
                    aria-describedby={describedBy('accessType', fieldError('accessType'), true)}
                  />
                </div>
              ))}
            </div>
          </Fieldset>

          <Fieldset legend="Where you work" legendStyle="large">
            <Field
              id="pins"
              label={pinText.label}
              hint={pinText.hint}
              error={fieldError('pins')}
              required={chosen?.organizationKind !== 'dph'}
            >
              <TextInput
                id="pins"
                name="pins"
                type="text"
                value={pins}
                onChange={(e) => setPins(e.target.value)}
                onBlur={() => void lookUpPins()}
                aria-describedby={describedBy('pins', fieldError('pins'), true)}
              />
            </Field>
            {orgs.length > 0 && (
              <ul className="usa-list" aria-live="polite" data-testid="pin-lookup">
                {orgs.map(({ pin, org }) => (
                  <li key={pin}>
                    {pin}: {org ? `${org.name}${org.town ? `, ${org.town}` : ''}` : 'no organization found with this PIN or code'}
                  </li>
                ))}
              </ul>
            )}
          </Fieldset>

          <Fieldset legend="About you" legendStyle="large">
            {CONTACT_FIELDS.map((f) => (
              <Field key={f.id} id={f.id} label={f.label} error={fieldError(f.id)} required>
                <TextInput
                  id={f.id}
                  name={f.id}
                  type={f.type}
                  autoComplete={f.autoComplete}
                  value={contact[f.id]}
                  onChange={(e) => setContact((c) => ({ ...c, [f.id]: e.target.value }))}
                  aria-describedby={describedBy(f.id, fieldError(f.id))}
                  validationStatus={fieldError(f.id) ? 'error' : undefined}
                />
              </Field>
            ))}
          </Fieldset>

          <Fieldset legend="Agreements" legendStyle="large">
            {agreements.map((a) => {
              const id = `agreement-${a.kind}`;
              const err = fieldError(`agreements.${a.kind}`);
              return (
                <div key={a.kind} className={`margin-bottom-3${err ? ' usa-form-group--error' : ''}`}>
                  <h3 className="margin-bottom-1">
                    {a.title} <span className="text-normal font-body-2xs">(version {a.version})</span>
                  </h3>
                  <div
                    className="border-1px border-base-lighter padding-2 bg-base-lightest overflow-y-auto maxh-card"
                    tabIndex={0}
                    role="region"
                    aria-label={`${a.title} text`}
                  >
                    <p className="margin-0">{a.body}</p>
                  </div>
                  {err && (
                    <span className="usa-error-message" id={`${id}-error`}>
                      {err}
                    </span>
                  )}
                  <Checkbox
                    id={id}
                    name={id}
                    checked={!!accepted[a.kind]}
                    onChange={(e) => setAccepted((x) => ({ ...x, [a.kind]: e.target.checked }))}
                    label={`I have read and accept the ${a.title} (version ${a.version}).`}
                    aria-describedby={err ? `${id}-error` : undefined}
                  />
                </div>
              );
            })}
          </Fieldset>
          <Button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Submit request'}
          </Button>
        </Form>
      </div>
    </div>
  );
}
