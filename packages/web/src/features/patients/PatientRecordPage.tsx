import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Form,
  Grid,
  Select,
  SummaryBox,
  SummaryBoxContent,
  SummaryBoxHeading,
  Table,
  Tag,
  TextInput,
} from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary, Field } from '../accounts/form-fields';
import { RecommenderPanel } from '../recommender/RecommenderPanel';
import type { PresentedForecast } from '../recommender/types';
import { DoseForm } from './DoseForm';
import { CorrectDoseForm } from './CorrectDoseForm';
import {
  JURISDICTION_STATUS_LABEL,
  ORG_STATUS_LABEL,
  REFUSAL_REASON,
  SEX_LABEL,
  correctedDose,
  formatPhone,
  fullName,
  type DoseView,
  type Immunizations,
  type PatientView,
} from './types';

/** The patient record: identity, statuses, immunization history, recommender, and the official record. */
export function PatientRecordPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const { can } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [correcting, setCorrecting] = useState<DoseView | null>(null);
  const record = useQuery({ queryKey: ['patient', id], queryFn: () => api.get<PatientView>(`/api/patients/${id}`), retry: false });
  const imm = useQuery({
    queryKey: ['patient', id, 'immunizations'],
    queryFn: () => api.get<Immunizations>(`/api/patients/${id}/immunizations`),
    enabled: record.isSuccess,
  });
  const forecast = useQuery({
    queryKey: ['patient', id, 'forecast'],
    queryFn: () => api.get<PresentedForecast>(`/api/patients/${id}/forecast`),
    enabled: record.isSuccess,
  });

  const refresh = async (message?: string) => {
    if (message) setNotice(message);
    setActionError(null);
    await qc.invalidateQueries({ queryKey: ['patient', id] });
  };
  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      await refresh(message);
    } catch (e) {
      setActionError(e instanceof ApiError ? e : null);
    }
  };

  if (record.error instanceof ApiError) {
    const mergedInto = record.error.body.mergedInto as string | undefined;
    return (
      <>
        <h1>Patient record</h1>
        <Alert type="warning" headingLevel="h2" heading={mergedInto ? 'This record was merged' : 'Record not found'}>
          {mergedInto ? (
            <Link to={`/patients/${mergedInto}`}>Open the surviving record</Link>
          ) : (
            'It does not exist or is outside your access.'
          )}
        </Alert>
      </>
    );
  }
  if (!record.data) return <p>Loading…</p>;
  const r = record.data;
  const p = r.patient;
  const address = p.addresses.find((a) => a.current) ?? p.addresses[0];

  return (
    <>
      <div className="display-flex flex-justify flex-wrap flex-align-center">
        <h1 className="margin-bottom-1" data-testid="patient-name">
          {fullName(p.name)}
        </h1>
        <div>
          <a
            className="usa-button"
            href={`/api/patients/${id}/certificate.pdf`}
            target="_blank"
            rel="noreferrer"
            data-testid="print-certificate"
          >
            Print Certificate of Immunization
          </a>
          <a
            className="usa-button usa-button--outline"
            href={`/api/patients/${id}/certificate.pdf?kind=covid`}
            target="_blank"
            rel="noreferrer"
          >
            COVID-19 record
          </a>
          {r.canEdit && (
            <Link className="usa-button usa-button--outline" to={`/patients/${id}/edit`}>
              Edit demographics
            </Link>
          )}
        </div>
      </div>
      <p className="margin-top-0">
        DOB <strong>{p.dob}</strong> · {SEX_LABEL[p.sex] ?? p.sex} · IIS id <strong>{r.iisId}</strong>
        {r.jurisdictionStatus !== 'active' && (
          <Tag className="margin-left-1 bg-secondary-dark">
            {JURISDICTION_STATUS_LABEL[r.jurisdictionStatus]}
            {r.deceasedDate ? ` ${r.deceasedDate}` : ''}
          </Tag>
        )}
        {r.optedOut && <Tag className="margin-left-1 bg-error">Opted out</Tag>}
        {!r.canEdit && <Tag className="margin-left-1 bg-base">Read-only</Tag>}
      </p>
      {notice && (
        <Alert type="success" headingLevel="h2" slim role="status">
          {notice}
        </Alert>
      )}
      <ErrorSummary error={actionError} />

      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          <SummaryBox>
            <SummaryBoxHeading headingLevel="h2">Demographics</SummaryBoxHeading>
            <SummaryBoxContent>
              <dl className="margin-0">
                {p.aliases.length > 0 && (
                  <>
                    <dt className="text-bold">Also known as</dt>
                    <dd>{p.aliases.map((a) => fullName(a)).join('; ')}</dd>
                  </>
                )}
                <dt className="text-bold">Address</dt>
                <dd>{address ? `${address.street}, ${address.city}, ${address.state} ${address.zip}` : '—'}</dd>
                <dt className="text-bold">Phone</dt>
                <dd>{p.phones.map((ph) => formatPhone(ph.number)).join(', ') || '—'}</dd>
                <dt className="text-bold">Parent / guardian</dt>
                <dd>{p.guardians.map((g) => `${g.name.first} ${g.name.last} (${g.relationship})`).join('; ') || '—'}</dd>
                <dt className="text-bold">Mother’s maiden name</dt>
                <dd>{p.mothersMaidenName ?? '—'}</dd>
                {p.multipleBirth && (
                  <>
                    <dt className="text-bold">Multiple birth</dt>
                    <dd>Birth order {p.birthOrder ?? '?'}</dd>
                  </>
                )}
                <dt className="text-bold">Identifiers</dt>
                <dd>{p.identifiers.map((i) => `${i.type} ${i.value}`).join(' · ')}</dd>
              </dl>
            </SummaryBoxContent>
          </SummaryBox>
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <StatusPanel view={r} onAction={act} canOptOut={can('patient:opt-out')} />
        </Grid>
      </Grid>

      <section aria-labelledby="imm-heading" className="margin-top-4">
        <h2 id="imm-heading">Immunization history</h2>
        {imm.data && imm.data.doses.length === 0 && <p>No doses recorded.</p>}
        {imm.data && imm.data.doses.length > 0 && (
          <Table bordered fullWidth compact data-testid="dose-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Vaccine</th>
                <th scope="col">Groups</th>
                <th scope="col">Lot / funding</th>
                <th scope="col">Reported by</th>
                <th scope="col">
                  <span className="usa-sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imm.data.doses.map((d) => (
                <tr key={d.id} data-testid="dose-row">
                  <td>{d.date}</td>
                  <td>
                    {d.vaccine} <span className="text-base">(CVX {d.cvx})</span>
                    {d.kind === 'historical' && <Tag className="margin-left-1 bg-base">historical</Tag>}
                  </td>
                  <td>{d.groups.join(', ')}</td>
                  <td>{d.lot ? `${d.lot} · ${d.fundingSource ?? ''} · ${d.vfcEligibility ?? ''}` : '—'}</td>
                  <td>
                    {d.sourceOrganization ?? '—'}
                    {d.reports.length > 0 && (
                      <div className="font-body-3xs">also reported by {d.reports.map((x) => x.source ?? 'unknown').join(', ')}</div>
                    )}
                  </td>
                  <td>
                    {d.canEdit && (
                      <Button type="button" unstyled className="margin-right-1" onClick={() => setCorrecting(d)}>
                        Correct
                      </Button>
                    )}
                    {d.canEdit && (
                      <Button
                        type="button"
                        unstyled
                        onClick={() => {
                          const reason = window.prompt('Why is this dose being deleted?');
                          if (reason)
                            void act(
                              () => api.delete(`/api/patients/${id}/doses/${d.id}?reason=${encodeURIComponent(reason)}`),
                              'Dose deleted.',
                            );
                        }}
                      >
                        Delete
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {correcting && (
          <CorrectDoseForm
            dose={correcting}
            onCancel={() => setCorrecting(null)}
            onSave={async (changes, reason) => {
              await act(
                () => api.put(`/api/patients/${id}/doses/${correcting.id}`, { dose: correctedDose(correcting, changes), reason }),
                'Dose corrected; the change and its reason are kept.',
              );
              setCorrecting(null);
            }}
          />
        )}
        {imm.data && (imm.data.refusals.length > 0 || imm.data.observations.length > 0) && (
          <>
            <h3>Refusals, contraindications and evidence of immunity</h3>
            <ul>
              {imm.data.refusals.map((x) => (
                <li key={x.id}>
                  Refused {x.vaccineGroup} on {x.date} ({REFUSAL_REASON[x.reason] ?? x.reason}){x.source ? `, ${x.source}` : ''}
                  {x.canEdit && (
                    <RemoveButton
                      label={`Remove refusal of ${x.vaccineGroup}`}
                      onRemove={(reason) =>
                        act(
                          () => api.delete(`/api/patients/${id}/refusals/${x.id}?reason=${encodeURIComponent(reason)}`),
                          'Refusal removed.',
                        )
                      }
                    />
                  )}
                </li>
              ))}
              {imm.data.observations.map((o) => (
                <li key={o.id}>
                  {o.kind}: {o.text} (CDSi {o.code}) — {o.date}
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
        )}
        {r.canEdit && (
          <details className="margin-top-2">
            <summary className="text-bold">Record a dose</summary>
            <DoseForm patientId={id} onSaved={(m) => void refresh(m)} />
          </details>
        )}
        {r.canEdit && <NotesForms patientId={id} onAction={act} />}
      </section>

      <div className="margin-top-4">{forecast.data && <RecommenderPanel forecast={forecast.data} showHistory={false} />}</div>

      <HistorySection patientId={id} reports={r.reports} />

      {can('patient:merge') && <MergePanel view={r} onAction={act} />}
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

interface History {
  changes: Array<{
    at: string;
    action: string;
    fields: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
    by: string | null;
    organization: string | null;
  }>;
  statuses: Array<{
    at: string;
    scope: string;
    status: string;
    reason: string | null;
    effectiveDate: string | null;
    by: string | null;
    organization: string | null;
  }>;
}

/** Who changed what and when: demographic edits (field by field), status and ownership changes. */
function HistorySection({ patientId, reports }: { patientId: string; reports: number }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['patient', patientId, 'history'],
    queryFn: () => api.get<History>(`/api/patients/${patientId}/history`),
    enabled: open,
  });
  const rows = history.data
    ? [
        ...history.data.changes.map((c) => ({
          at: c.at,
          by: c.by,
          org: c.organization,
          what: `${c.action}${Object.keys(c.fields).length ? `: ${Object.keys(c.fields).join(', ')}` : ''}`,
          reason: c.reason,
        })),
        ...history.data.statuses.map((h) => ({
          at: h.at,
          by: h.by,
          org: h.organization,
          what: `${h.scope} → ${h.status}${h.effectiveDate ? ` (${h.effectiveDate})` : ''}`,
          reason: h.reason,
        })),
      ].sort((a, b) => (a.at < b.at ? 1 : -1))
    : [];
  return (
    <section aria-labelledby="history-heading" className="margin-top-4">
      <h2 id="history-heading">History</h2>
      <p className="font-body-2xs">
        {reports} reported version{reports === 1 ? '' : 's'} from sources are kept behind this consolidated record.
      </p>
      {!open ? (
        <Button type="button" outline onClick={() => setOpen(true)}>
          Show changes
        </Button>
      ) : (
        <Table bordered fullWidth compact data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x, i) => (
              <tr key={`${x.at}-${i}`}>
                <td>{new Date(x.at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>
                  {x.by ?? 'system'}
                  {x.org ? ` (${x.org})` : ''}
                </td>
                <td>{x.what}</td>
                <td>{x.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function StatusPanel({
  view,
  onAction,
  canOptOut,
}: {
  view: PatientView;
  onAction: (fn: () => Promise<unknown>, msg: string) => Promise<void>;
  canOptOut: boolean;
}) {
  const [orgStatus, setOrgStatus] = useState(view.myStatus ?? 'active');
  const [jStatus, setJStatus] = useState<string>(view.jurisdictionStatus);
  const [deceasedDate, setDeceasedDate] = useState(view.deceasedDate ?? '');
  const id = view.id;
  return (
    <SummaryBox>
      <SummaryBoxHeading headingLevel="h2">Status and ownership</SummaryBoxHeading>
      <SummaryBoxContent>
        <p className="margin-top-0">
          Medical home: <strong data-testid="owner">{view.owner?.name ?? 'none'}</strong>
        </p>
        <ul className="font-body-2xs">
          {view.organizationStatuses.map((s) => (
            <li key={s.organizationId}>
              {s.organizationName}: {ORG_STATUS_LABEL[s.status] ?? s.status}
            </li>
          ))}
        </ul>
        {view.canEdit && (
          <>
            <Form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void onAction(() => api.put(`/api/patients/${id}/status`, { status: orgStatus }), 'Status at your clinic saved.');
              }}
            >
              <Field id="org-status" label="Status at your clinic">
                <Select id="org-status" name="orgStatus" value={orgStatus} onChange={(e) => setOrgStatus(e.target.value)}>
                  {Object.entries(ORG_STATUS_LABEL).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" outline>
                Save clinic status
              </Button>
            </Form>
            <Form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void onAction(
                  () =>
                    api.put(`/api/patients/${id}/jurisdiction-status`, {
                      status: jStatus,
                      deceasedDate: jStatus === 'deceased' ? deceasedDate : undefined,
                    }),
                  'Jurisdiction status saved.',
                );
              }}
            >
              <Field id="j-status" label="Status in the jurisdiction">
                <Select id="j-status" name="jurisdictionStatus" value={jStatus} onChange={(e) => setJStatus(e.target.value)}>
                  {Object.entries(JURISDICTION_STATUS_LABEL).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </Select>
              </Field>
              {jStatus === 'deceased' && (
                <Field id="deceased-date" label="Date of death" required>
                  <input
                    className="usa-input"
                    id="deceased-date"
                    name="deceasedDate"
                    type="date"
                    value={deceasedDate}
                    onChange={(e) => setDeceasedDate(e.target.value)}
                    required
                  />
                </Field>
              )}
              <Button type="submit" outline>
                Save jurisdiction status
              </Button>
            </Form>
            <Button
              type="button"
              unstyled
              className="margin-top-2"
              onClick={() =>
                void onAction(() => api.put(`/api/patients/${id}/owner`, { own: true }), 'Your clinic is now the medical home.')
              }
            >
              Make my clinic the medical home
            </Button>
          </>
        )}
        {canOptOut && (
          <Button
            type="button"
            secondary
            className="margin-top-2"
            onClick={() => {
              const reason = window.prompt(
                view.optedOut ? 'Reason for withdrawing the opt-out' : 'Opt-out: reference of the signed written request',
              );
              if (reason)
                void onAction(
                  () => api.put(`/api/patients/${id}/opt-out`, { optedOut: !view.optedOut, reason }),
                  view.optedOut ? 'Opt-out withdrawn.' : 'Opt-out recorded: the record is hidden from everyone but DPH.',
                );
            }}
          >
            {view.optedOut ? 'Withdraw opt-out' : 'Record opt-out'}
          </Button>
        )}
      </SummaryBoxContent>
    </SummaryBox>
  );
}

function NotesForms({ patientId, onAction }: { patientId: string; onAction: (fn: () => Promise<unknown>, msg: string) => Promise<void> }) {
  const [refusal, setRefusal] = useState({ vaccineGroup: 'MMR', date: new Date().toISOString().slice(0, 10), reason: '00' });
  const [obs, setObs] = useState({ kind: 'immunity', code: '024', date: new Date().toISOString().slice(0, 10) });
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
              <TextInput
                id="refusal-group"
                name="vaccineGroup"
                type="text"
                value={refusal.vaccineGroup}
                onChange={(e) => setRefusal({ ...refusal, vaccineGroup: e.target.value })}
              />
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
                {Object.entries(REFUSAL_REASON).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
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
            <Field id="obs-code" label="CDSi observation code" hint="e.g. 024 varicella history, 089 allergy after varicella vaccine">
              <TextInput
                id="obs-code"
                name="code"
                type="text"
                inputMode="numeric"
                value={obs.code}
                onChange={(e) => setObs({ ...obs, code: e.target.value })}
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
        <Button type="submit" outline>
          Record observation
        </Button>
      </Form>
    </details>
  );
}

function MergePanel({ view, onAction }: { view: PatientView; onAction: (fn: () => Promise<unknown>, msg: string) => Promise<void> }) {
  const [iisId, setIisId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <section aria-labelledby="merge-heading" className="margin-top-4">
      <h2 id="merge-heading">Merge duplicates (data steward)</h2>
      {view.merges.length > 0 && (
        <ul>
          {view.merges.map((m) => (
            <li key={m.id}>
              {m.mergedIisId} merged in on {m.at.slice(0, 10)} ({m.reason}){' '}
              <Button
                type="button"
                unstyled
                onClick={() => {
                  const why = window.prompt('Why undo this merge?');
                  if (why)
                    void onAction(
                      () => api.post(`/api/patient-merges/${m.id}/undo`, { reason: why }),
                      'Merge undone: both records are restored.',
                    );
                }}
              >
                Unmerge
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void onAction(async () => {
            const found = await api.get<{ results: Array<{ id: string }> }>(`/api/patients?iisId=${encodeURIComponent(iisId)}`);
            const other = found.results[0];
            if (!other) throw new ApiError(404, 'not_found', `No record with IIS id ${iisId}`);
            await api.post('/api/patient-merges', { survivorId: view.id, mergedId: other.id, reason });
          }, 'Merged into this record.');
        }}
      >
        <Field id="merge-iis" label="IIS id of the duplicate to merge into this record">
          <TextInput id="merge-iis" name="iisId" type="text" value={iisId} onChange={(e) => setIisId(e.target.value)} required />
        </Field>
        <Field id="merge-reason" label="Reason">
          <TextInput id="merge-reason" name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <Button type="submit" secondary>
          Merge
        </Button>
      </Form>
    </section>
  );
}
