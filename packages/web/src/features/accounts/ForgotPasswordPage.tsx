import { useState, type FormEvent } from 'react';
import { Alert, Button, Form, TextInput } from '@trussworks/react-uswds';
import type { PasswordResetRequested } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Link } from '../../router';
import { describedBy, ErrorSummary, Field } from './form-fields';

export function ForgotPasswordPage() {
  const [login, setLogin] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.post<PasswordResetRequested>('/api/password-reset', { usernameOrEmail: login });
      setDone(res.message);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        <h1>Reset your password</h1>
        {done ? (
          <Alert type="success" headingLevel="h2" heading="Check your e-mail" data-testid="reset-requested">
            {done}
          </Alert>
        ) : (
          <>
            <p>Enter your username or the e-mail address of your account. We will e-mail you a link to choose a new password.</p>
            <ErrorSummary error={error} />
            <Form onSubmit={submit} large>
              <Field id="usernameOrEmail" label="Username or e-mail" error={error?.fieldMessage('usernameOrEmail')} required>
                <TextInput
                  id="usernameOrEmail"
                  name="usernameOrEmail"
                  type="text"
                  autoComplete="username"
                  value={login}
                  onChange={(e) => setLogin(e.target.value)}
                  aria-describedby={describedBy('usernameOrEmail', error?.fieldMessage('usernameOrEmail'))}
                />
              </Field>
              <Button type="submit">Send reset link</Button>
            </Form>
          </>
        )}
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </div>
    </div>
  );
}
