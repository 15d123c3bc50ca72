import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import type { RosterUploadResult } from '@nutmeg/api-types';
import { ApiError, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { ErrorSummary } from '../accounts/form-fields';
import { schoolYearLabel, uploadRoster } from './school-api';

const COLUMNS: [string, string][] = [
  ['last_name', 'Family name (required)'],
  ['first_name', 'Given name (required)'],
  ['middle_name', 'Middle name or initial'],
  ['dob', 'Date of birth, YYYY-MM-DD or MM/DD/YYYY (required)'],
  ['sex', 'F, M or U (required)'],
  ['grade', 'PK, K or 1 to 12 (required)'],
  ['student_id', 'The school’s student id, unique in the file (required)'],
  ['guardian', 'Parent or guardian, “First Last”'],
  ['address', 'Home address'],
];

/** Upload a roster file: the format, the template, a progress bar while rows are matched, then the counts and bad rows. */
export function RosterUpload({ schoolId, year }: { schoolId: string; year: number }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<RosterUploadResult | null>(null);
  const [result, setResult] = useState<RosterUploadResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      const r = await uploadRoster(schoolId, year, file.name, await file.text(), setProgress);
      setResult(r);
      await qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a roster for {schoolYearLabel(year)}</h2>
      <details>
        <summary>File format</summary>
        <p>
          A CSV file (comma-separated, first row the column names, any order), up to 5,000 students. Each student is matched to a registry
          record; nobody is added to the registry. Uploading the same file again changes nothing; a changed row updates that student.
        </p>
        <ul>
          {COLUMNS.map(([c, d]) => (
            <li key={c}>
              <code>{c}</code>: {d}
            </li>
          ))}
        </ul>
      </details>
      <p>
        <a href="/api/schools/roster-template.csv" download data-testid="roster-template">
          Download the template
        </a>
      </p>
      <ErrorSummary error={error} />
      <Form onSubmit={submit} className="maxw-none" aria-label="Upload a roster">
        <label className="usa-label" htmlFor="roster-file">
          Roster file (CSV)
        </label>
        <input
          className="usa-file-input"
          id="roster-file"
          name="roster-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="roster-file"
        />
        <Button type="submit" disabled={!file || busy} data-testid="upload-roster">
          Upload
        </Button>
      </Form>
      {progress && (busy || result) && (
        <div className="margin-y-2">
          <label htmlFor="upload-progress">
            {progress.processed} of {progress.rowsInFile} rows processed
          </label>
          <progress id="upload-progress" className="width-full" max={progress.rowsInFile || 1} value={progress.processed} />
        </div>
      )}
      {result && <UploadSummary result={result} />}
    </section>
  );
}

function UploadSummary({ result }: { result: RosterUploadResult }) {
  const c = result.counts;
  return (
    <Alert
      type={c.errors ? 'warning' : 'success'}
      headingLevel="h3"
      heading={`${result.fileName}: ${c.rows} rows read`}
      data-testid="upload-summary"
    >
      <p className="margin-top-0">
        {c.linked} linked, {c.review} to review, {c.unmatched} unmatched, {c.unchanged} unchanged, {c.errors} with errors.
      </p>
      {result.errors.length > 0 && (
        <StackedTable caption="Rows not loaded" testId="upload-errors">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{e.field}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </Alert>
  );
}
