import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, CardFooter, CardGroup, CardHeader } from '@trussworks/react-uswds';
import type { MatchReviewView, RosterEntryView } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { Link, navigate } from '../../router';
import { gradeLabel } from './school-api';

/** The student as the school sent it beside each candidate registry record (score, reasons): pick one or none. */
export function ReviewPage({ params }: { params: Record<string, string> }) {
  const { schoolId, entryId } = params as { schoolId: string; entryId: string };
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['schools', schoolId, 'review', entryId],
    queryFn: () => api.get<MatchReviewView>(`/api/schools/${schoolId}/roster/entries/${entryId}/review`),
  });
  const [error, setError] = useState<string | null>(null);
  async function decide(patientId: string | null) {
    setError(null);
    try {
      const e = await api.put<RosterEntryView>(`/api/schools/${schoolId}/roster/entries/${entryId}/review`, { patientId });
      await qc.invalidateQueries({ queryKey: ['schools'] });
      navigate(`/schools/${schoolId}/roster/${e.schoolYear}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  const d = q.data;
  return (
    <>
      <h1>Review a match</h1>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the student">
          {q.error.message}
        </Alert>
      )}
      {error && (
        <Alert type="error" headingLevel="h2" heading="That did not work" role="alert">
          {error}
        </Alert>
      )}
      {d && (
        <>
          <p>
            {d.entry.matchReason}. Compare the student with each record; link the one that is this child, or leave the student unmatched.
          </p>
          <CardGroup>
            <Card gridLayout={{ tablet: { col: 4 } }} data-testid="review-student">
              <CardHeader>
                <h2 className="usa-card__heading">The school’s student</h2>
              </CardHeader>
              <CardBody>
                <dl>
                  <dt>Name</dt>
                  <dd>
                    {d.entry.firstName} {d.entry.middleName ?? ''} {d.entry.lastName}
                  </dd>
                  <dt>Date of birth</dt>
                  <dd className="nutmeg-date">{d.entry.dob}</dd>
                  <dt>Sex</dt>
                  <dd>{d.entry.sex}</dd>
                  <dt>Grade, student id</dt>
                  <dd>
                    {gradeLabel(d.entry.grade)}, {d.entry.studentId}
                  </dd>
                  <dt>Guardian</dt>
                  <dd>{d.entry.guardian ?? '—'}</dd>
                </dl>
              </CardBody>
              <CardFooter>
                <Button type="button" outline onClick={() => void decide(null)} data-testid="leave-unmatched">
                  None of these: leave unmatched
                </Button>
              </CardFooter>
            </Card>
            {d.candidates.map((c) => (
              <Card key={c.patientId} gridLayout={{ tablet: { col: 4 } }} data-testid="review-candidate">
                <CardHeader>
                  <h2 className="usa-card__heading">
                    Registry record {c.iisId} (score {c.score})
                  </h2>
                </CardHeader>
                <CardBody>
                  <dl>
                    <dt>Name</dt>
                    <dd>
                      {c.name.first} {c.name.middle ?? ''} {c.name.last}
                    </dd>
                    <dt>Date of birth</dt>
                    <dd className="nutmeg-date">{c.dob}</dd>
                    <dt>Sex</dt>
                    <dd>{c.sex}</dd>
                    <dt>Town</dt>
                    <dd>{c.town ?? '—'}</dd>
                    <dt>Guardians</dt>
                    <dd>{c.guardians.join(', ') || '—'}</dd>
                    <dt>Why it may be the student</dt>
                    <dd>
                      <ul className="margin-0 padding-left-2">
                        {c.reasons.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    </dd>
                  </dl>
                </CardBody>
                <CardFooter>
                  <Button type="button" onClick={() => void decide(c.patientId)} data-testid="pick-candidate">
                    This is the student
                  </Button>
                </CardFooter>
              </Card>
            ))}
          </CardGroup>
          <p>
            <Link to={`/schools/${schoolId}/roster/${d.entry.schoolYear}`}>Back to the roster</Link>
          </p>
        </>
      )}
    </>
  );
}
