import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select } from '@trussworks/react-uswds';
import type { ComplianceReport, ComplianceStatus, StudentCompliance } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { gradeLabel, schoolYearLabel, useSchools } from './school-api';

const STATUS: Record<ComplianceStatus, string> = {
  compliant: 'Compliant',
  in_process: 'In process',
  not_compliant: 'Not compliant',
  exempt_medical: 'Exempt — medical',
  exempt_religious: 'Exempt — religious',
};
/** The grades Connecticut sets requirements for (the server says so for any other). */
const REPORT_GRADES = ['PK', 'K', '7'] as const;

function Details({ s }: { s: StudentCompliance }) {
  const exemptFrom = s.exemptFrom.length > 0 && <p className="margin-y-0">Exempt from: {s.exemptFrom.join(', ')}</p>;
  if (s.exemption)
    return (
      <>
        {exemptFrom}
        Document <span className="nutmeg-date">{s.exemption.documentDate}</span>
        {s.exemption.expiresOn && (
          <>
            , until <span className="nutmeg-date">{s.exemption.expiresOn}</span>
          </>
        )}
      </>
    );
  if (s.missing.length === 0) return <>—</>;
  return (
    <>
      {exemptFrom}
      <ul className="usa-list usa-list--unstyled">
        {s.missing.map((m) => (
          <li key={m.requirement}>
            {m.requirement}: {m.problem}
            {m.dueDate && (
              <>
                ; due <span className="nutmeg-date">{m.dueDate}</span>
              </>
            )}
            {m.pastDueDate && (
              <>
                , overdue from <span className="nutmeg-date">{m.pastDueDate}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** School-entry compliance of a grade: counts for the state's survey, each student's status, CSV, print, class records. */
export function CompliancePage({ params }: { params: Record<string, string> }) {
  const schoolId = params.schoolId!;
  const year = Number(params.year);
  const { search } = useLocation();
  const grade = search.get('grade') ?? 'K';
  const schools = useSchools();
  const canManage = schools.data?.schools.find((s) => s.id === schoolId)?.canManage ?? false;
  const q = useQuery({
    queryKey: ['schools', schoolId, 'compliance', year, grade],
    queryFn: () => api.get<ComplianceReport>(`/api/schools/${schoolId}/compliance?year=${year}&grade=${grade}`),
  });
  const r = q.data;
  const query = `year=${year}&grade=${grade}`;
  return (
    <>
      <h1>{r ? `${r.school.name}: compliance ${schoolYearLabel(year)}` : `Compliance ${schoolYearLabel(year)}`}</h1>
      <p className="no-print">
        <Link to={`/schools/${schoolId}/roster/${year}`}>Back to the roster</Link>
      </p>
      <div className="usa-form-group no-print">
        <label className="usa-label" htmlFor="compliance-grade">
          Grade
        </label>
        <Select
          id="compliance-grade"
          name="grade"
          value={grade}
          onChange={(e) => navigate(`/schools/${schoolId}/compliance/${year}?grade=${e.target.value}`, { replace: true })}
        >
          {REPORT_GRADES.map((g) => (
            <option key={g} value={g}>
              {gradeLabel(g)}
            </option>
          ))}
        </Select>
      </div>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not run the report">
          {q.error.message}
        </Alert>
      )}
      {r && (
        <>
          <p>
            {gradeLabel(r.grade)}, as of <span className="nutmeg-date">{r.asOf}</span>: {r.counts.total} students.
          </p>
          {r.forecastsPending > 0 && (
            <Alert type="info" headingLevel="h2" heading="Some records are being brought up to date" slim>
              {r.forecastsPending} student{r.forecastsPending > 1 ? 's have' : ' has'} a recent change not yet in the stored forecast; run
              the report again in a few minutes.
            </Alert>
          )}
          <StackedTable caption="Summary for the annual school survey" testId="compliance-counts">
            <thead>
              <tr>
                {(Object.keys(STATUS) as ComplianceStatus[]).map((k) => (
                  <th scope="col" key={k}>
                    {STATUS[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {(Object.keys(STATUS) as ComplianceStatus[]).map((k) => (
                  <td key={k} data-testid={`count-${k}`}>
                    {r.counts[k]}
                  </td>
                ))}
              </tr>
            </tbody>
          </StackedTable>
          <p className="no-print">
            <a href={`/api/schools/${schoolId}/compliance.csv?${query}`} download data-testid="compliance-csv">
              Download CSV
            </a>{' '}
            ·{' '}
            <a href={`/api/schools/${schoolId}/compliance.pdf?${query}`} target="_blank" rel="noreferrer" data-testid="compliance-pdf">
              PDF
            </a>{' '}
            ·{' '}
            <a href={`/api/schools/${schoolId}/survey.csv?year=${year}`} download data-testid="survey-csv">
              Annual survey counts, every grade (CSV)
            </a>{' '}
            ·{' '}
            <Button type="button" unstyled onClick={() => window.print()}>
              Print
            </Button>
            {canManage && (
              <>
                {' '}
                ·{' '}
                <a href={`/api/schools/${schoolId}/records.pdf?${query}`} target="_blank" rel="noreferrer" data-testid="class-records">
                  Print the class’s official records (PDF)
                </a>
              </>
            )}
          </p>
          <StackedTable fullWidth headers caption="Students" testId="compliance-students">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Status</th>
                <th scope="col">Missing, or exemption</th>
              </tr>
            </thead>
            <tbody>
              {r.students.map((s) => (
                <tr key={s.entryId} data-testid={`compliance-${s.studentId}`}>
                  <th scope="row">
                    {s.patientId ? <Link to={`/patients/${s.patientId}`}>{s.name}</Link> : s.name} ({s.studentId})
                  </th>
                  <td className="nutmeg-date">{s.dob}</td>
                  <td>{STATUS[s.status]}</td>
                  <td>
                    <Details s={s} />
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          <h2>Requirements checked</h2>
          <ul>
            {r.requirements.map((x) => (
              <li key={x.label}>{x.rule}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
