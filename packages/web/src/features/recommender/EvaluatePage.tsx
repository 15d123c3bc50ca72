import { useState, type FormEvent } from 'react';
import { Alert, Button, ErrorMessage, Fieldset, Form, FormGroup, Label, Select, Textarea } from '@trussworks/react-uswds';
import { ApiError, api } from '../../api';
import { jurisdictionToday } from '../../dates';
import { ObservationPicker } from './ObservationPicker';
import { RecommenderPanel } from './RecommenderPanel';
import type { PresentedForecast } from '@nutmeg/api-types';

/** Parses lines "YYYY-MM-DD CVX" (or "CVX YYYY-MM-DD", comma or space separated). */
export function parseDoseLines(text: string): { doses: { date: string; cvx: string }[]; errors: string[] } {
  const doses: { date: string; cvx: string }[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parts = line.split(/[\s,;]+/);
    const date = parts.find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p));
    const cvx = parts.find((p) => /^\d{1,3}$/.test(p));
    if (!date || !cvx) errors.push(`Line ${i + 1} ("${line}"): write a date as YYYY-MM-DD and a CVX code.`);
    else doses.push({ date, cvx });
  });
  return { doses, errors };
}

/** What-if evaluation of a paper record: nothing is saved. */
export function EvaluatePage() {
  const [dob, setDob] = useState('');
  const [sex, setSex] = useState('U');
  const [countryOfBirth, setCountryOfBirth] = useState('');
  const [observations, setObservations] = useState<string[]>([]);
  const [asOf, setAsOf] = useState(jurisdictionToday());
  const [dosesText, setDosesText] = useState('');
  const [result, setResult] = useState<PresentedForecast | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lineErrors, setLineErrors] = useState<string[]>([]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = parseDoseLines(dosesText);
    setLineErrors(parsed.errors);
    if (parsed.errors.length) return;
    try {
      setResult(
        await api.post<PresentedForecast>('/api/recommender/evaluate', {
          dob,
          sex,
          ...(countryOfBirth.trim() ? { countryOfBirth: countryOfBirth.trim() } : {}),
          assessmentDate: asOf,
          doses: parsed.doses,
          observations: observations.map((code) => ({ code })),
        }),
      );
    } catch (err) {
      setResult(null);
      setError(err instanceof ApiError ? err : null);
    }
  }

  return (
    <>
      <h1>Evaluate a paper record</h1>
      <p>Check a history that is not in the registry (for example a record a parent brings in). Nothing is saved.</p>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error.message}
        </Alert>
      )}
      <Form onSubmit={submit} large>
        <Fieldset legend="Patient">
          <Label htmlFor="dob">Date of birth</Label>
          <input className="usa-input" id="dob" name="dob" type="date" value={dob} onChange={(e) => setDob(e.target.value)} required />
          <Label htmlFor="sex">Sex</Label>
          <Select id="sex" name="sex" value={sex} onChange={(e) => setSex(e.target.value)}>
            <option value="F">Female</option>
            <option value="M">Male</option>
            <option value="U">Unknown</option>
          </Select>
          <Label htmlFor="countryOfBirth" hint=" (optional; decides birth-date immunity, e.g. varicella before 1980)">
            Country of birth
          </Label>
          <input
            className="usa-input usa-input--medium"
            id="countryOfBirth"
            name="countryOfBirth"
            value={countryOfBirth}
            onChange={(e) => setCountryOfBirth(e.target.value)}
            placeholder="US"
          />
          <ObservationPicker id="observations" value={observations} onChange={setObservations} />
          <Label htmlFor="asOf">Evaluate as of</Label>
          <input className="usa-input" id="asOf" name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
        </Fieldset>
        <FormGroup error={lineErrors.length > 0}>
          <Label htmlFor="doses">Doses, one per line: date and CVX code (e.g. "2024-03-01 20")</Label>
          {lineErrors.map((m) => (
            <ErrorMessage key={m}>{m}</ErrorMessage>
          ))}
          <Textarea id="doses" name="doses" value={dosesText} onChange={(e) => setDosesText(e.target.value)} />
        </FormGroup>
        <Button type="submit">Evaluate</Button>
      </Form>
      {result && <RecommenderPanel forecast={result} />}
    </>
  );
}
