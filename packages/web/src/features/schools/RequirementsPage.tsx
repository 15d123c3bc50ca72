import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { RequirementCopyResult, RequirementRuleView, RequirementYearView } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link } from '../../router';
import { RequirementForm } from './RequirementForm';
import { gradeLabel, schoolYearLabel } from './school-api';

function GradeTable({
  view,
  grade,
  onEdit,
  onRemove,
}: {
  view: RequirementYearView;
  grade: RequirementYearView['grades'][number];
  onEdit: (r: RequirementRuleView) => void;
  onRemove: (r: RequirementRuleView) => void;
}) {
  const own = grade.fromSchoolYear === view.schoolYear;
  return (
    <StackedTable fullWidth headers caption={`${gradeLabel(grade.grade)}`} testId={`requirements-${grade.grade}`}>
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          <th scope="col">Vaccine group (antigen)</th>
          <th scope="col">Rule</th>
          {own && <th scope="col">Change</th>}
        </tr>
      </thead>
      <tbody>
        {grade.requirements.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>
              {r.vaccineGroup} ({r.antigen})
            </td>
            <td>{r.rule}</td>
            {own && (
              <td>
                <Button type="button" unstyled onClick={() => onEdit(r)} aria-label={`Edit ${r.label} (${gradeLabel(r.grade)})`}>
                  Edit
                </Button>{' '}
                ·{' '}
                <Button type="button" unstyled onClick={() => onRemove(r)} aria-label={`Remove ${r.label} (${gradeLabel(r.grade)})`}>
                  Remove
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}

/** DPH: the school-entry requirements of a school year per grade; add, edit, remove, copy to the next year; history. */
export function RequirementsPage({ params }: { params: Record<string, string> }) {
  const year = Number(params.year);
  const qc = useQueryClient();
  const [editing, setEditing] = useState<RequirementRuleView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['school-requirements', year],
    queryFn: () => api.get<RequirementYearView>(`/api/school-requirements/${year}`),
  });
  const v = q.data;

  async function done(message: string) {
    setEditing(null);
    setError(null);
    setNotice(message);
    await qc.invalidateQueries({ queryKey: ['school-requirements'] });
  }
  async function run(action: () => Promise<string>) {
    setNotice(null);
    try {
      await done(await action());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  const remove = (r: RequirementRuleView) =>
    run(async () => {
      await api.delete(`/api/school-requirements/${year}/requirements/${r.grade}/${encodeURIComponent(r.label)}?version=${v!.version}`);
      return `${r.label} removed from ${gradeLabel(r.grade)}.`;
    });
  const copy = () =>
    run(async () => {
      const c = await api.post<RequirementCopyResult>(`/api/school-requirements/${year}/copy`, { version: v!.nextYearVersion });
      return `Copied to ${schoolYearLabel(c.toYear)}: ${c.copied.map(gradeLabel).join(', ')}.`;
    });

  const inherited = v?.grades.filter((g) => g.fromSchoolYear !== null && g.fromSchoolYear !== year) ?? [];
  return (
    <>
      <h1>School-entry requirements {schoolYearLabel(year)}</h1>
      <p>
        <Link to={`/school-requirements/${year - 1}`}>{schoolYearLabel(year - 1)}</Link> ·{' '}
        <Link to={`/school-requirements/${year + 1}`}>{schoolYearLabel(year + 1)}</Link>
      </p>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the requirements">
          {q.error.message}
        </Alert>
      )}
      {notice && (
        <Alert type="success" headingLevel="h2" heading="Saved" slim role="status" data-testid="requirements-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert type="error" headingLevel="h2" heading="That did not work" slim role="alert">
          {error}
        </Alert>
      )}
      {v && (
        <>
          {inherited.length > 0 && (
            <p data-testid="requirements-inherited">
              {inherited.map((g) => `${gradeLabel(g.grade)} uses the requirements of ${schoolYearLabel(g.fromSchoolYear!)}`).join('; ')}: to
              change them for {schoolYearLabel(year)}, copy {schoolYearLabel(year - 1)} to this year from its page.
            </p>
          )}
          {v.canEdit && (
            <p>
              <Button type="button" onClick={() => setEditing('new')} data-testid="add-requirement">
                Add a requirement
              </Button>
              <Button type="button" outline onClick={() => void copy()} data-testid="copy-year">
                Copy to {schoolYearLabel(year + 1)}
              </Button>
            </p>
          )}
          {editing && (
            <section aria-labelledby="requirement-form-heading">
              <h2 id="requirement-form-heading">
                {editing === 'new' ? 'Add a requirement' : `Edit ${editing.label} (${gradeLabel(editing.grade)})`}
              </h2>
              <RequirementForm
                key={editing === 'new' ? 'new' : `${editing.grade}/${editing.label}`}
                view={v}
                editing={editing === 'new' ? null : editing}
                onDone={done}
              />
              <Button type="button" unstyled onClick={() => setEditing(null)}>
                Cancel
              </Button>
            </section>
          )}
          <h2>Requirements by grade</h2>
          {v.grades
            .filter((g) => g.requirements.length > 0)
            .map((g) => (
              <GradeTable key={g.grade} view={v} grade={g} onEdit={setEditing} onRemove={(r) => void remove(r)} />
            ))}
          <h2>Changes to {schoolYearLabel(year)}</h2>
          {v.history.length === 0 ? (
            <p>No change yet.</p>
          ) : (
            <ul data-testid="requirements-history">
              {v.history.map((h) => (
                <li key={h.id}>
                  <span className="nutmeg-date">{formatDateTime(h.changedAt)}</span>, {h.changedBy}: {h.action}
                  {h.label && ` ${h.label}`}
                  {h.grade && ` (${gradeLabel(h.grade)})`} — version {h.version}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
