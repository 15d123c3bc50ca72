import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, ErrorMessage, Form, FormGroup, Label, TextInput } from '@trussworks/react-uswds';
import type { MfaSetup } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { navigate } from '../../router';
import { useSession } from '../../session';

export function MfaEnrollPage() {
  const { me, refresh } = useSession();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const stage = me?.stage;

  useEffect(() => {
    if (stage !== 'mfa_enroll') return;
    api.post<MfaSetup>('/api/session/mfa/setup').then(setSetup, (e: unknown) => setError(e instanceof ApiError ? e : null));
  }, [stage]);

  if (!me) {
    navigate('/login', { replace: true });
    return null;
  }
  if (me.stage !== 'mfa_enroll') {
    return <p>Multi-factor authentication is already set up for your account.</p>;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/api/session/mfa/verify', { otp });
      await refresh();
      navigate('/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>Set up multi-factor authentication</h1>
        <p>
          Every account protects patient records with a second factor. Scan this code with an authenticator app (Microsoft Authenticator,
          Google Authenticator, 1Password…), then enter the 6-digit code it shows.
        </p>
        {error && !error.fields.length && (
          <Alert type="error" headingLevel="h2" slim>
            {error.message}
          </Alert>
        )}
        {setup && (
          <>
            <img src={setup.qrDataUrl} alt="QR code to add Nutmeg to your authenticator app" width={200} height={200} />
            <p>
              Cannot scan? Enter this key by hand: <code data-testid="mfa-secret">{setup.secret}</code>
            </p>
          </>
        )}
        <Form onSubmit={submit}>
          <FormGroup error={!!error?.fieldMessage('otp')}>
            <Label htmlFor="otp">6-digit code</Label>
            {error?.fieldMessage('otp') && <ErrorMessage>{error.message}</ErrorMessage>}
            <TextInput
              id="otp"
              name="otp"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={otp}
              onChange={(e) => setOtp(e.target.value.trim())}
              required
            />
          </FormGroup>
          <Button type="submit">Verify and finish</Button>
        </Form>
      </div>
    </div>
  );
}
