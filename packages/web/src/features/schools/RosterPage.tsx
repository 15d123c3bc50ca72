import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { RosterEntryView, RosterMatchStatus, RosterView } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { AddStudentForm } from './AddStudentForm';
import { ExemptionForm } from './ExemptionForm';
import { RosterUpload } from './RosterUpload';
import { gradeLabel, schoolYearLabel, useRoster } from './school-api';

const STATUS_LABEL: Record<RosterMatchStatus, string> = { linked: 'Linked', review: 'To review', unmatched: 'Unmatched' };
type Filter = 'all' | RosterMatchStatus;

function MatchCell({ e, schoolId, canManage }: { e: RosterEntryView; schoolId: string; canManage: boolean }) {
  if (e.matchStatus === 'linked')
    return (
      <>
        <Link to={`/patients/${e.patientId}`}>Registry record</Link>
        <div className="font-body-3xs">{e.matchedBy === 'nurse' ? 'chosen by the nurse' : e.matchReason}</div>
      </>
    );
  if (e.matchStatus === 'review')
    return (
      <>
        {canManage ? <Link to={`/schools/${schoolId}/review/${e.id}`}>Review the match</Link> : 'To review'}
        <div className="font-body-3xs">{e.matchReason}</div>
      </>
    );
  return (
    <>
      Unmatched
      <div className="font-body-3xs">{e.matchReason}</div>
    </>
  );
}

function Exemptions({ e, roster, onError }: { e: RosterEntryView; roster: RosterView; onError: (m: string) => void }) {
  const qc = useQueryClient();
  async function clear(id: string) {
    try {
      await api.delete(`/api/schools/${roster.school.id}/exemptions/${id}`);
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      onError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  if (e.exemptions.length === 0) return <>—</>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {e.exemptions.map((x) => (
        <li key={x.id} data-testid={`exemption-${x.kind}`}>
          {x.kind === 'medical' ? 'Medical' : 'Religious'} ({x.vaccineGroups ? x.vaccineGroups.join(', ') : 'all'}), document{' '}
          <span className="nutmeg-date">{x.documentDate}</span>
          {x.expiresOn && (
            <>
              , {x.expired ? 'expired' : 'until'} <span className="nutmeg-date">{x.expiresOn}</span>
            </>
          )}
          {roster.canManage && (
            <>
              {' '}
              <Button
                type="button"
                unstyled
                onClick={() => void clear(x.id)}
                aria-label={`Clear the ${x.kind} exemption of ${e.firstName} ${e.lastName}`}
              >
                Clear
              </Button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function RosterTable({ roster, filter }: { roster: RosterView; filter: Filter }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const rows = roster.entries.filter((e) => filter === 'all' || e.matchStatus === filter);
  async function remove(e: RosterEntryView) {
    if (!window.confirm(`Take ${e.firstName} ${e.lastName} off the ${schoolYearLabel(roster.schoolYear)} roster?`)) return;
    try {
      await api.delete(`/api/schools/${roster.school.id}/roster/entries/${e.id}`);
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  return (
    <>
      {error && (
        <Alert type="error" headingLevel="h3" slim>
          {error}
        </Alert>
      )}
      <StackedTable fullWidth headers caption={`${rows.length} students`} testId="roster">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Grade</th>
            <th scope="col">Student id</th>
            <th scope="col">Registry match</th>
            <th scope="col">Exemptions</th>
            {roster.canManage && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-testid={`student-${e.studentId}`}>
              <th scope="row">
                {e.lastName}, {e.firstName} {e.middleName ?? ''}
              </th>
              <td className="nutmeg-date">{e.dob}</td>
              <td>{gradeLabel(e.grade)}</td>
              <td>{e.studentId}</td>
              <td>
                <MatchCell e={e} schoolId={roster.school.id} canManage={roster.canManage} />
              </td>
              <td>
                <Exemptions e={e} roster={roster} onError={setError} />
              </td>
              {roster.canManage && (
                <td>
                  <Button type="button" unstyled onClick={() => void remove(e)} aria-label={`Remove ${e.firstName} ${e.lastName}`}>
                    Remove
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </>
  );
}

/** A school's roster for one school year: counts, the students by match status, upload and add (for the nurse). */
export function RosterPage({ params }: { params: Record<string, string> }) {
  const schoolId = params.schoolId!;
  const year = Number(params.year);
  const q = useRoster(schoolId, year);
  const [filter, setFilter] = useState<Filter>('all');
  const r = q.data;
  return (
    <>
      <h1>{r ? `${r.school.name}: roster ${schoolYearLabel(year)}` : `Roster ${schoolYearLabel(year)}`}</h1>
      <p>
        <Link to={`/schools/${schoolId}/roster/${year - 1}`}>Previous school year</Link> ·{' '}
        <Link to={`/schools/${schoolId}/roster/${year + 1}`}>Next school year</Link> ·{' '}
        <Link to={`/schools/${schoolId}/compliance/${year}?grade=K`}>Compliance report</Link> · <Link to="/schools">All schools</Link>
        {r?.canManage && r.entries.length > 0 && (
          <>
            {' '}
            · <Link to={`/schools/${schoolId}/rollover/${year}`}>Roll over to {schoolYearLabel(year + 1)}</Link>
          </>
        )}
      </p>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the roster">
          {q.error.message}
        </Alert>
      )}
      {r && (
        <>
          <ul className="usa-button-group" aria-label="Show students">
            {(['all', 'linked', 'review', 'unmatched'] as const).map((f) => (
              <li className="usa-button-group__item" key={f}>
                <Button
                  type="button"
                  outline={filter !== f}
                  onClick={() => setFilter(f)}
                  aria-pressed={filter === f}
                  data-testid={`filter-${f}`}
                >
                  {f === 'all' ? `All (${r.counts.total})` : `${STATUS_LABEL[f]} (${r.counts[f]})`}
                </Button>
              </li>
            ))}
          </ul>
          {filter === 'unmatched' && (
            <p>Students without a registry record, to follow up: born out of state, opted out of the registry, or not yet reported.</p>
          )}
          <RosterTable roster={r} filter={filter} />
          {r.canManage && (
            <>
              <RosterUpload schoolId={schoolId} year={year} />
              <AddStudentForm schoolId={schoolId} year={year} />
              <ExemptionForm schoolId={schoolId} students={r.entries} groups={r.requirementGroups} />
            </>
          )}
        </>
      )}
    </>
  );
}
