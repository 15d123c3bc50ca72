import { useState, type FormEvent } from 'react';
import { Alert, Button, Form, TextInput } from '@trussworks/react-uswds';
import type { PasswordChosen } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { Link, useLocation } from '../../router';
import { describedBy, ErrorSummary, Field } from './form-fields';

const TEXT = {
  reset: {
    title: 'Choose a new password',
    done: 'Your password is changed',
    next: 'with the new password and your authenticator code',
    incomplete: 'Open the link from the e-mail again, or',
  },
  activate: {
    title: 'Activate your account',
    done: 'Your account is ready',
    next: 'with this password; you will then set up an authenticator app on your phone',
    incomplete: 'Open the link from the approval e-mail again, or',
  },
} as const;

/** A new account's activation link (from the approval mail, or a reset by DPH) leads here. */
export function ActivatePage() {
  return <ChoosePassword purpose="activate" />;
}

/** The link of a reset the user asked for leads here. */
export function ResetPasswordPage() {
  return <ChoosePassword purpose="reset" />;
}

/** Both links carry a single-use token; the owner chooses the password here, nobody else ever sees it. */
function ChoosePassword({ purpose }: { purpose: keyof typeof TEXT }) {
  const text = TEXT[purpose];
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(newPassword !== confirm);
    if (newPassword !== confirm) return;
    try {
      const res = await api.post<PasswordChosen>('/api/password-reset/complete', { token, newPassword });
      setDone(res.username);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const newErrors = error?.fields
    .filter((f) => f.path === 'newPassword')
    .map((f) => f.message)
    .join(' ');
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        <h1>{text.title}</h1>
        {done ? (
          <Alert type="success" headingLevel="h2" heading={text.done} data-testid="reset-done">
            Sign in as <strong>{done}</strong> {text.next}. <Link to="/login">Sign in</Link>
          </Alert>
        ) : !token ? (
          <Alert type="error" headingLevel="h2" heading="This link is incomplete">
            {text.incomplete} <Link to="/forgot-password">ask for a new one</Link>.
          </Alert>
        ) : (
          <>
            <p className="usa-hint">
              Use at least 8 characters; a few unrelated words are easy to remember and hard to guess. Common or breached passwords are
              refused.
            </p>
            <ErrorSummary error={error} fieldIds={{ token: 'newPassword' }} />
            {error?.fieldMessage('token') && (
              <p>
                <Link to="/forgot-password">Ask for a new link</Link>
              </p>
            )}
            <Form onSubmit={submit} large>
              <Field id="newPassword" label="New password" error={newErrors || undefined} required>
                <TextInput
                  id="newPassword"
                  name="newPassword"
                  type="password"
                  autoComplete="new-password"
                  value={newPassword}
                  onChange={(e) => setNew(e.target.value)}
                  aria-describedby={describedBy('newPassword', newErrors)}
                />
              </Field>
              <Field
                id="confirmPassword"
                label="Type the new password again"
                error={mismatch ? 'The two passwords differ.' : undefined}
                required
              >
                <TextInput
                  id="confirmPassword"
                  name="confirmPassword"
                  type="password"
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                  aria-describedby={describedBy('confirmPassword', mismatch ? 'x' : undefined)}
                />
              </Field>
              <Button type="submit">Set new password</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
