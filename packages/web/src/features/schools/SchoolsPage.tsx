import { Alert } from '@trussworks/react-uswds';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';
import { schoolYearLabel, useSchools } from './school-api';

/** The schools the user may see: a nurse her own, a health director the schools of the towns served, DPH all. */
export function SchoolsPage() {
  const q = useSchools();
  const { can } = useSession();
  return (
    <>
      <h1>Schools</h1>
      <p>Student rosters, matches to registry records, exemptions and school-entry compliance.</p>
      {can('school-requirements:manage') && q.data && (
        <p>
          <Link to={`/school-requirements/${q.data.currentYear}`}>School-entry requirements</Link> (per school year: vaccines, doses, age
          rules)
        </p>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the schools">
          {q.error.message}
        </Alert>
      )}
      {q.data && q.data.schools.length === 0 && <p>No school is in your scope.</p>}
      {q.data && q.data.schools.length > 0 && (
        <StackedTable fullWidth headers caption={`Schools (school year ${schoolYearLabel(q.data.currentYear)})`} testId="schools">
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">Town</th>
              <th scope="col">Rosters</th>
            </tr>
          </thead>
          <tbody>
            {q.data.schools.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/schools/${s.id}/roster/${q.data.currentYear}`}>{s.name}</Link>
                </th>
                <td>{s.town ?? '—'}</td>
                <td>
                  {s.rosterYears.length === 0
                    ? 'none yet'
                    : s.rosterYears.map((y, i) => (
                        <span key={y}>
                          {i > 0 && ', '}
                          <Link to={`/schools/${s.id}/roster/${y}`}>{schoolYearLabel(y)}</Link>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
