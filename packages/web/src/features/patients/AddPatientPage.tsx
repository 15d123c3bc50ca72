import { useState } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { PatientForm, bodyFromForm, emptyForm } from './PatientForm';
import type { DuplicateCandidates, PatientCreated, PatientSearchResult } from '@nutmeg/api-types';
import { fullName } from './types';

/**
 * Add a patient — reached only from a search (search before add). On save the server checks for likely
 * duplicates; they are shown here to open instead, or the user confirms this is a new person.
 */
export function AddPatientPage() {
  const { search } = useLocation();
  const [form, setForm] = useState(() =>
    emptyForm({
      first: search.get('firstName') ?? '',
      last: search.get('lastName') ?? '',
      dob: search.get('dob') ?? '',
      sex: search.get('sex') ?? '',
      mothersMaidenName: search.get('mothersMaidenName') ?? '',
      phone: search.get('phone') ?? '',
      zip: search.get('zip') ?? '',
    }),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [candidates, setCandidates] = useState<PatientSearchResult[] | null>(null);
  const searched = [...search.keys()].length > 0;

  async function save(confirmNew: boolean) {
    setError(null);
    try {
      const created = await api.post<PatientCreated>('/api/patients', { ...bodyFromForm(form), confirmNew });
      navigate(`/patients/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && Array.isArray(e.body.candidates)) {
        setCandidates((e.body as Partial<DuplicateCandidates>).candidates ?? []);
        window.scrollTo(0, 0);
      } else setError(e instanceof ApiError ? e : null);
    }
  }

  if (!searched) {
    return (
      <>
        <h1>Add a patient</h1>
        <Alert type="warning" headingLevel="h2" heading="Search first">
          To avoid duplicate records, <Link to="/patients">search for the patient</Link> before adding them.
        </Alert>
      </>
    );
  }

  return (
    <>
      <h1>Add a patient</h1>
      {candidates && (
        <Alert type="warning" headingLevel="h2" heading="This person may already be in the registry" data-testid="duplicate-candidates">
          <p>Open the matching record instead of creating a duplicate:</p>
          <StackedTable bordered fullWidth compact headers>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Date of birth</th>
                <th scope="col">IIS id</th>
                <th scope="col">Match</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/patients/${c.id}`}>{fullName(c.name)}</Link>
                  </th>
                  <td className="nutmeg-date">{c.dob}</td>
                  <td>{c.iisId}</td>
                  <td>
                    {c.score} — {c.reasons.join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          <Button type="button" secondary onClick={() => save(true)} data-testid="confirm-new">
            None of these — this is a new person
          </Button>
        </Alert>
      )}
      <PatientForm value={form} onChange={setForm} onSubmit={() => save(false)} error={error} submitLabel="Add patient" />
    </>
  );
}
