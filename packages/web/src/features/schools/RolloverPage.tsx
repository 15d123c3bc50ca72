import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select } from '@trussworks/react-uswds';
import type { RolloverPlan, RolloverStudent } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { GRADES, gradeLabel, schoolYearLabel } from './school-api';

function Students({ caption, rows, testId }: { caption: string; rows: RolloverStudent[]; testId: string }) {
  if (rows.length === 0) return <p>{caption}: none.</p>;
  return (
    <StackedTable fullWidth headers caption={`${caption} (${rows.length})`} testId={testId}>
      <thead>
        <tr>
          <th scope="col">Student</th>
          <th scope="col">Student id</th>
          <th scope="col">Grade now</th>
          <th scope="col">Next year</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.studentId}>
            <th scope="row">{s.name}</th>
            <td>{s.studentId}</td>
            <td>{gradeLabel(s.grade)}</td>
            <td>{s.nextGrade ? gradeLabel(s.nextGrade) : 'Leaves the school'}</td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}

/** Preview of the move to the next school year, then running it. */
export function RolloverPage({ params }: { params: Record<string, string> }) {
  const schoolId = params.schoolId!;
  const from = Number(params.year);
  const qc = useQueryClient();
  const [topGrade, setTopGrade] = useState('');
  const [done, setDone] = useState<RolloverPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['schools', schoolId, 'rollover', from, topGrade],
    queryFn: () => api.get<RolloverPlan>(`/api/schools/${schoolId}/rollover?from=${from}${topGrade ? `&topGrade=${topGrade}` : ''}`),
  });
  async function run() {
    setError(null);
    try {
      setDone(await api.post<RolloverPlan>(`/api/schools/${schoolId}/rollover`, { from, ...(topGrade ? { topGrade } : {}) }));
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  const p = done ?? q.data;
  return (
    <>
      <h1>Roll over to {schoolYearLabel(from + 1)}</h1>
      <p>
        Every student moves up one grade on the {schoolYearLabel(from + 1)} roster, keeping the registry match; the top grade leaves.
        Medical exemptions expired by July 1 are cleared. The {schoolYearLabel(from)} roster stays as it is.
      </p>
      {(q.error || error) && (
        <Alert type="error" headingLevel="h2" heading="Could not roll over">
          {q.error?.message ?? error}
        </Alert>
      )}
      {p && (
        <>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor="top-grade">
              Top grade (leaves the school)
            </label>
            <Select
              id="top-grade"
              name="topGrade"
              value={topGrade || p.topGrade}
              onChange={(e) => setTopGrade(e.target.value)}
              disabled={!!done}
            >
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {gradeLabel(g)}
                </option>
              ))}
            </Select>
          </div>
          {done && (
            <Alert type="success" headingLevel="h2" heading="Rollover done" data-testid="rollover-done">
              {done.advancing.length} students moved to {schoolYearLabel(done.toYear)};{' '}
              <Link to={`/schools/${schoolId}/roster/${done.toYear}`}>open the {schoolYearLabel(done.toYear)} roster</Link>.
            </Alert>
          )}
          <Students caption="Moving up" rows={p.advancing} testId="rollover-advancing" />
          <Students caption="Leaving (top grade)" rows={p.leaving} testId="rollover-leaving" />
          <Students caption="Already on next year’s roster" rows={p.alreadyThere} testId="rollover-already" />
          <h2>Expired medical exemptions to clear</h2>
          {p.expiredExemptions.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul data-testid="rollover-exemptions">
              {p.expiredExemptions.map((x) => (
                <li key={x.id}>
                  Student {x.studentId}: expired <span className="nutmeg-date">{x.expiresOn}</span>
                </li>
              ))}
            </ul>
          )}
          {!done && (
            <Button type="button" onClick={() => void run()} data-testid="run-rollover">
              Roll over to {schoolYearLabel(from + 1)}
            </Button>
          )}
        </>
      )}
    </>
  );
}
