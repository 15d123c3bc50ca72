import { useState, type FormEvent } from 'react';
import { Alert, Button, Form, Table, TextInput } from '@trussworks/react-uswds';
import type { CertificateVerification } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { describedBy, ErrorSummary, Field } from '../accounts/form-fields';

const KIND = { full: 'Certificate of Immunization', covid: 'COVID-19 vaccination record' } as const;

function usDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/**
 * Public (no sign-in): a school, camp or employer checks the code printed on a certificate. The answer shows
 * only what the paper shows, so the reader compares the two; every check is audited and rate-limited.
 */
export function VerifyCertificatePage() {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CertificateVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<CertificateVerification>('/api/certificate-verifications', { code }));
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>Verify a certificate</h1>
        <p>Enter the verification code printed at the bottom of a Certificate of Immunization to check it against the registry.</p>
        <ErrorSummary error={error} />
        <Form onSubmit={submit} large>
          <Field
            id="code"
            label="Verification code"
            hint="10 letters and digits, like 7K3MQ-9XD2P"
            error={error?.fieldMessage('code')}
            required
          >
            <TextInput
              id="code"
              name="code"
              type="text"
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-describedby={describedBy('code', error?.fieldMessage('code'))}
            />
          </Field>
          <Button type="submit">Verify</Button>
        </Form>
        {result?.status === 'valid' && (
          <section aria-labelledby="verified" data-testid="certificate-valid">
            <Alert type="success" headingLevel="h2" heading="This certificate matches the registry" id="verified">
              {KIND[result.kind]} for <strong>{result.name}</strong>, born {usDate(result.dob)}, printed {usDate(result.printedOn)} by{' '}
              {result.printedBy}. Check that the doses on the paper are these:
            </Alert>
            <Table bordered={false} compact caption="Doses on the certificate">
              <thead>
                <tr>
                  <th scope="col">Vaccine group</th>
                  <th scope="col">Date given</th>
                </tr>
              </thead>
              <tbody>
                {result.doses.map((d, i) => (
                  <tr key={i}>
                    <td>{d.group}</td>
                    <td>{usDate(d.date)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        )}
        {result?.status === 'superseded' && (
          <Alert type="warning" headingLevel="h2" heading="This certificate is out of date" data-testid="certificate-superseded">
            It was printed by {result.printedBy} on {usDate(result.printedOn)}, but the record has changed since. Ask for a newly printed
            certificate.
          </Alert>
        )}
        {result?.status === 'unknown' && (
          <Alert type="error" headingLevel="h2" heading="This code cannot be confirmed" data-testid="certificate-unknown">
            The registry has no current certificate with this code. Check the code for typing mistakes.
          </Alert>
        )}
      </div>
    </div>
  );
}
