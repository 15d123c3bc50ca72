import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Form, FormGroup, Label, TextInput, ErrorMessage } from '@trussworks/react-uswds';
import type { SessionStageResult } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Link, navigate, useLocation } from '../../router';
import { useSession } from '../../session';

export function LoginPage() {
  const { refresh } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { stage } = await api.post<SessionStageResult>('/api/session', { username, password, ...(otp ? { otp } : {}) });
      await refresh();
      if (stage === 'password_change') navigate('/change-password', { replace: true });
      else if (stage === 'mfa_enroll') navigate('/mfa-setup', { replace: true });
      else navigate(search.get('next') ?? '/', { replace: true });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  // The code is asked for from the start (neutral); the field turns red only when the server refused or missed it.
  const otpError = error?.step === 'otp' ? error.message : undefined;
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        <h1>Sign in to Nutmeg</h1>
        {error && error.step !== 'otp' && (
          <Alert type="error" headingLevel="h2" heading="Sign-in failed" slim>
            {error.message}
          </Alert>
        )}
        <Form onSubmit={submit} large>
          <Fieldset legend="Your account" legendStyle="srOnly">
            <Label htmlFor="username">Username</Label>
            <TextInput
              id="username"
              name="username"
              type="text"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
            />
            <Label htmlFor="password">Password</Label>
            <TextInput
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
            <FormGroup error={!!otpError}>
              <Label htmlFor="otp">Authenticator code</Label>
              <span className="usa-hint" id="otp-hint">
                From your authenticator app. Signing in for the first time? Leave it empty: you will set the app up next.
              </span>
              {otpError && <ErrorMessage id="otp-error">{otpError}</ErrorMessage>}
              <TextInput
                id="otp"
                name="otp"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={otp}
                validationStatus={otpError ? 'error' : undefined}
                onChange={(e) => setOtp(e.target.value.trim())}
                aria-describedby={otpError ? 'otp-hint otp-error' : 'otp-hint'}
              />
            </FormGroup>
            <Button type="submit" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </Fieldset>
        </Form>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p>
          Need access? <Link to="/request-account">Request a user account</Link>.
        </p>
      </div>
    </div>
  );
}
