import { useState } from 'react';
import type { DoseView, Immunizations, PatientView, PresentedForecast } from '@nutmeg/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Grid, Tag } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ErrorSummary } from '../accounts/form-fields';
import { RecommenderPanel } from '../recommender/RecommenderPanel';
import { NotificationsPanel } from '../reports/NotificationsPanel';
import { CorrectDoseForm } from './CorrectDoseForm';
import { DemographicsSummary } from './DemographicsSummary';
import { DoseForm } from './DoseForm';
import { DoseHistoryTable } from './DoseHistoryTable';
import { HistorySection } from './HistorySection';
import { MergePanel } from './MergePanel';
import { NotesForms, RefusalsAndObservations } from './RefusalsAndObservations';
import { StatusPanel } from './StatusPanel';
import { codeLabel } from './code-options';
import { JURISDICTION_STATUS_LABEL } from './labels';
import { correctedDose, fullName, type RecordAction } from './types';

/** The patient record: identity, statuses, immunization history, recommender, and the official record. */
export function PatientRecordPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const qc = useQueryClient();
  const { can, me } = useSession();
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
  const act: RecordAction = async (fn, message) => {
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

  return (
    <>
      <h1 className="margin-bottom-1" data-testid="patient-name">
        {fullName(p.name)}
      </h1>
      <p className="margin-top-0">
        DOB <strong className="nutmeg-date">{p.dob}</strong> · {codeLabel('sex', p.sex)} · IIS id <strong>{r.iisId}</strong>
        {r.jurisdictionStatus !== 'active' && (
          <Tag className="margin-left-1 bg-secondary-dark">
            {JURISDICTION_STATUS_LABEL[r.jurisdictionStatus]}
            {r.deceasedDate ? ` ${r.deceasedDate}` : ''}
          </Tag>
        )}
        {r.optedOut && <Tag className="margin-left-1 bg-error">Opted out</Tag>}
        {!r.canEdit && <Tag className="margin-left-1 bg-base">Read-only</Tag>}
      </p>
      <ButtonGroup className="margin-bottom-3" aria-label="Record actions">
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
      </ButtonGroup>
      {notice && (
        <Alert type="success" headingLevel="h2" slim role="status">
          {notice}
        </Alert>
      )}
      <ErrorSummary error={actionError} />

      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          <DemographicsSummary patient={p} />
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <StatusPanel view={r} onAction={act} canOptOut={can('patient:opt-out')} clinicId={me?.activeScope?.organizationId ?? null} />
        </Grid>
      </Grid>

      <section aria-labelledby="imm-heading" className="margin-top-4">
        <h2 id="imm-heading">Immunization history</h2>
        {imm.data && imm.data.doses.length === 0 && <p>No doses recorded.</p>}
        {imm.data && imm.data.doses.length > 0 && (
          <DoseHistoryTable
            patientId={id}
            doses={imm.data.doses}
            evaluations={forecast.data?.evaluations ?? []}
            onCorrect={setCorrecting}
            onAction={act}
          />
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
          <RefusalsAndObservations patientId={id} imm={imm.data} onAction={act} />
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
      <NotificationsPanel patientId={id} />

      {can('patient:merge') && <MergePanel view={r} onAction={act} />}
    </>
  );
}
