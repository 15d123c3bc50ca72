import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox } from '@trussworks/react-uswds';
import { api } from '../../api';
import { Link, useLocation } from '../../router';
import { DoseReportsComparison } from './DoseReportsComparison';
import { ReportComparisonTable, SourceHeading, countDiffering } from './ReportComparisonTable';
import { comparePatientReports, latestPerSource } from './reported-versions';
import type { Immunizations, PatientReports, PatientView } from '@nutmeg/api-types';
import { fullName } from './types';

/**
 * What each source reported, side by side with the consolidated record the registry shows: demographics field
 * by field, and every dose more than one source reported. Read-only; open to everyone who may read the record.
 */
export function ReportedVersionsPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const focusDose = useLocation().search.get('dose');
  const [everyVersion, setEveryVersion] = useState(false);
  const record = useQuery({ queryKey: ['patient', id], queryFn: () => api.get<PatientView>(`/api/patients/${id}`), retry: false });
  const reports = useQuery({
    queryKey: ['patient', id, 'reports'],
    queryFn: () => api.get<PatientReports>(`/api/patients/${id}/reports`),
    enabled: record.isSuccess,
  });
  const imm = useQuery({
    queryKey: ['patient', id, 'immunizations'],
    queryFn: () => api.get<Immunizations>(`/api/patients/${id}/immunizations`),
    enabled: record.isSuccess,
  });

  if (record.error) {
    return (
      <>
        <h1>Reported versions</h1>
        <Alert type="warning" headingLevel="h2" heading="Record not found">
          It does not exist, was merged into another record, or is outside your access. <Link to="/patients">Find a patient</Link>
        </Alert>
      </>
    );
  }
  if (!record.data) return <p>Loading…</p>;
  const r = record.data;
  const all = reports.data?.reports ?? [];
  const { shown, hidden } = latestPerSource(all);
  const versions = everyVersion ? all : shown;
  const rows = comparePatientReports(r.patient, versions);
  const differing = countDiffering(rows);
  const multiDoses = (imm.data?.doses ?? []).filter((d) => d.reports.length > 0);

  return (
    <>
      <h1 className="margin-bottom-1">Reported versions</h1>
      <p className="margin-top-0">
        <strong data-testid="patient-name">{fullName(r.patient.name)}</strong> · DOB {r.patient.dob} · IIS id {r.iisId} ·{' '}
        <Link to={`/patients/${id}`}>Back to the patient record</Link>
      </p>
      <p className="usa-intro">
        The registry keeps what each source reported as it was received, and shows one consolidated record. Values a source reported
        differently from the consolidated record are marked <strong>Differs</strong>; “not reported” means the source left the field out.
      </p>

      <section aria-labelledby="reported-demographics-heading" className="margin-top-4">
        <h2 id="reported-demographics-heading">Demographics</h2>
        {reports.isPending && <p>Loading…</p>}
        {reports.data && all.length === 0 && <p>No source has reported this patient: the record was entered directly.</p>}
        {reports.data && all.length > 0 && (
          <>
            <p data-testid="reported-summary">
              {all.length} reported version{all.length === 1 ? '' : 's'} from {shown.length} source{shown.length === 1 ? '' : 's'}
              {everyVersion || hidden === 0 ? '' : ` (the newest of each shown)`}.{' '}
              {differing === 0
                ? 'Every version shown agrees with the consolidated record.'
                : `${differing} field${differing === 1 ? '' : 's'} differ${differing === 1 ? 's' : ''} from the consolidated record.`}
            </p>
            {hidden > 0 && (
              <Checkbox
                id="every-version"
                name="everyVersion"
                label={`Also show the ${hidden} earlier version${hidden === 1 ? '' : 's'} from the same sources`}
                checked={everyVersion}
                onChange={(e) => setEveryVersion(e.target.checked)}
              />
            )}
            <ReportComparisonTable
              testId="reported-versions-table"
              caption="The consolidated record and each source’s reported version"
              masterHeading={
                <>
                  <span className="display-block">Consolidated record</span>
                  <span className="display-block font-body-3xs text-normal">what the registry shows</span>
                </>
              }
              masterLabel="Consolidated record"
              versions={versions.map((v) => ({ key: v.id, heading: <SourceHeading version={v} />, label: v.source ?? 'Unknown source' }))}
              rows={rows}
            />
          </>
        )}
      </section>

      <section aria-labelledby="reported-doses-heading" className="margin-top-4">
        <h2 id="reported-doses-heading">Doses reported by more than one source</h2>
        {imm.data && multiDoses.length === 0 && <p>No dose on this record was reported by more than one source.</p>}
        {multiDoses.map((d) => (
          <DoseReportsComparison key={d.id} patientId={id} dose={d} initiallyOpen={d.id === focusDose} />
        ))}
      </section>
    </>
  );
}
