import { useState, type FormEvent } from 'react';
import { Alert, Button, ErrorMessage, Form, FormGroup, Label, TextInput } from '@trussworks/react-uswds';
import type { SessionStageResult } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { navigate } from '../../router';
import { useSession } from '../../session';

export function ChangePasswordPage() {
  const { me, refresh } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);

  if (!me) {
    navigate('/login', { replace: true });
    return null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(newPassword !== confirm);
    if (newPassword !== confirm) return;
    try {
      const { stage } = await api.post<SessionStageResult>('/api/session/password', { currentPassword, newPassword });
      await refresh();
      navigate(stage === 'mfa_enroll' ? '/mfa-setup' : '/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  const fieldError = (p: string) => error?.fieldMessage(p);
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        <h1>Change your password</h1>
        {me.stage === 'password_change' && <p>Your password is temporary. Choose your own before you continue.</p>}
        <p className="usa-hint">
          Use at least 8 characters; a few unrelated words are easy to remember and hard to guess. Common or breached passwords are refused.
        </p>
        {error && !error.fields.length && (
          <Alert type="error" headingLevel="h2" slim>
            {error.message}
          </Alert>
        )}
        <Form onSubmit={submit} large>
          <FormGroup error={!!fieldError('currentPassword')}>
            <Label htmlFor="currentPassword">Current (temporary) password</Label>
            {fieldError('currentPassword') && <ErrorMessage>{fieldError('currentPassword')}</ErrorMessage>}
            <TextInput
              id="currentPassword"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
          </FormGroup>
          <FormGroup error={!!fieldError('newPassword')}>
            <Label htmlFor="newPassword">New password</Label>
            {error?.fields
              .filter((f) => f.path === 'newPassword')
              .map((f) => (
                <ErrorMessage key={f.message}>{f.message}</ErrorMessage>
              ))}
            <TextInput
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              required
            />
          </FormGroup>
          <FormGroup error={mismatch}>
            <Label htmlFor="confirmPassword">Type the new password again</Label>
            {mismatch && <ErrorMessage>The two passwords differ.</ErrorMessage>}
            <TextInput
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              required
            />
          </FormGroup>
          <Button type="submit">Change password</Button>
        </Form>
      </div>
    </div>
  );
}
