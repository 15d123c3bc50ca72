import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { AgreementDetail } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate } from '../../router';
import { formatDateTime } from '../../dates';
import { AgreementDraftForm } from './AgreementDraftForm';
import { ReviewPanel, SignPanel } from './AgreementReviewPanels';
import { BANDS, BAND_LABELS, CATEGORIES, CATEGORY_LABELS, PROGRAM_LABELS, SIGNER_LABELS, STATUS_LABELS } from './agreement-labels';
import { KIND_LABELS } from './StorageUnitsPage';

function AgreementData({ a }: { a: AgreementDetail }) {
  const d = a.data;
  return (
    <>
      <h2>Provider profile</h2>
      <StackedTable headers fullWidth caption="Children expected to receive VFC vaccine, by eligibility and age">
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
              {BANDS.map((b) => (
                <td key={b}>{d.providerProfile[c][b]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </StackedTable>
      <h2>Prescribers</h2>
      {d.prescribers.length === 0 ? (
        <p>None listed.</p>
      ) : (
        <ul>
          {d.prescribers.map((p) => (
            <li key={`${p.name}-${p.npi}`}>
              {p.name}: {p.licenseType} license {p.licenseNumber} ({p.licenseState}), expires{' '}
              <span className="nutmeg-date">{p.licenseExpires}</span>; NPI {p.npi}
            </li>
          ))}
        </ul>
      )}
      <h2>Vaccines offered</h2>
      <p>{d.vaccines.join(', ') || 'None listed.'}</p>
      <h2>Storage units</h2>
      {d.storageUnits.length === 0 ? (
        <p>
          None listed: add the clinic’s units on the <Link to="/clinic/storage-units">storage units</Link> page, then change the draft.
        </p>
      ) : (
        <ul>
          {d.storageUnits.map((u) => (
            <li key={u.name}>
              {u.name}: {KIND_LABELS[u.kind]}
              {u.make || u.model ? `, ${[u.make, u.model].filter(Boolean).join(' ')}` : ''}; data logger {u.dataLoggerId ?? 'not given'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One revision of an agreement: text and data, signatures with the hash, DPH's review; change, sign or review it. */
export function AgreementPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['clinic', 'agreement', id], queryFn: () => api.get<AgreementDetail>(`/api/clinic/agreements/${id}`) });
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const a = q.data;
  const update = async (next: AgreementDetail, message: string) => {
    setDone(message);
    await qc.invalidateQueries({ queryKey: ['clinic'] });
    if (next.id !== id) navigate(`/clinic/agreements/${next.id}`);
  };

  return (
    <>
      <h1>{a ? `${a.programYear} ${PROGRAM_LABELS[a.program]} agreement, revision ${a.revision}` : 'Agreement'}</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the agreement">
          {q.error.message}
        </Alert>
      )}
      {done && (
        <Alert type="success" headingLevel="h2" slim role="status" data-testid="agreement-done">
          {done}
        </Alert>
      )}
      {a && (
        <>
          <p data-testid="agreement-status">
            <strong>{STATUS_LABELS[a.status]}</strong>
            {a.validFrom && (
              <>
                {' '}
                (covers <span className="nutmeg-date">{a.validFrom}</span> to <span className="nutmeg-date">{a.validUntil}</span>)
              </>
            )}
            . {a.data.clinic.name} ({a.data.clinic.pin}). Signers: {a.signers.map((r) => SIGNER_LABELS[r]).join(' and ')}.
          </p>
          {a.reviewComment && (
            <Alert
              type={a.status === 'returned' ? 'warning' : 'info'}
              headingLevel="h2"
              heading={`DPH’s comment (${a.reviewedBy ?? ''}, ${formatDateTime(a.reviewedAt)})`}
              data-testid="review-comment"
            >
              {a.reviewComment}
            </Alert>
          )}
          {a.canEdit && !editing && (
            <Button type="button" outline onClick={() => setEditing(true)}>
              {a.status === 'draft' ? 'Change the draft' : 'Change it (starts a new revision; this one stays as signed)'}
            </Button>
          )}
          {editing && (
            <AgreementDraftForm
              initial={a.data}
              submitLabel="Save the draft"
              onCancel={() => setEditing(false)}
              onSubmit={async (data) => {
                const next = await api.put<AgreementDetail>(`/api/clinic/agreements/${a.id}`, { data, version: a.version });
                setEditing(false);
                await update(next, next.id === a.id ? 'The draft is saved.' : `Revision ${next.revision} is drafted.`);
              }}
            />
          )}
          {!editing && <AgreementData a={a} />}
          <h2>{a.conditionsTitle}</h2>
          <p className="font-body-3xs">Conditions version {a.conditionsVersion}</p>
          <div className="nutmeg-prewrap maxw-tablet-lg" data-testid="conditions-text">
            {a.conditionsText}
          </div>
          <h2>Signatures</h2>
          {a.signatures.length === 0 ? (
            <p>Not signed yet.</p>
          ) : (
            <StackedTable fullWidth headers caption="Who signed this revision">
              <thead>
                <tr>
                  <th scope="col">Signer</th>
                  <th scope="col">Signed</th>
                  <th scope="col">SHA-256 of the text and data</th>
                </tr>
              </thead>
              <tbody>
                {a.signatures.map((s) => (
                  <tr key={s.role} data-testid={`signature-${s.role}`}>
                    <th scope="row">
                      {s.signerName} ({SIGNER_LABELS[s.role]})
                    </th>
                    <td className="nutmeg-date">{formatDateTime(s.signedAt)}</td>
                    <td className="font-mono-3xs nutmeg-break">{s.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          )}
          {a.canSign && <SignPanel a={a} onDone={(next) => void update(next, 'Signed.')} />}
          {!a.canSign && a.signRefusal && (a.status === 'draft' || a.status === 'signing') && (
            <p className="text-italic" data-testid="sign-refusal">
              {a.signRefusal}
            </p>
          )}
          {a.canReview && (
            <ReviewPanel a={a} onDone={(next) => void update(next, next.status === 'approved' ? 'Approved.' : 'Returned to the clinic.')} />
          )}
          <p>
            <a className="usa-link" href={`/api/clinic/agreements/${a.id}/pdf`} download>
              Download this revision as a PDF
            </a>
          </p>
          <p>
            <Link to={`/clinic/agreements${a.organizationId && !a.canEdit ? `?organizationId=${a.organizationId}` : ''}`}>
              All agreements of the clinic
            </Link>
          </p>
        </>
      )}
    </>
  );
}
