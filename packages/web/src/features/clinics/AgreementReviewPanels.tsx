import { useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Form, Textarea, TextInput } from '@trussworks/react-uswds';
import type { AgreementDetail } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';

/** The officer signs: their password and a fresh authenticator code again (the server re-authenticates). */
export function SignPanel({ a, onDone }: { a: AgreementDetail; onDone: (updated: AgreementDetail) => void }) {
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const msg = (f: string) => error?.fieldMessage(f);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onDone(await api.post<AgreementDetail>(`/api/clinic/agreements/${a.id}/sign`, { password, otp, version: a.version }));
    } catch (err) {
      setError(toApiError(err));
      setOtp('');
    }
  }
  return (
    <Form onSubmit={submit} aria-label="Sign the agreement">
      <h2>Sign</h2>
      <p>
        By signing you agree to the conditions above on behalf of the clinic. Your signature records the time, your address and the SHA-256
        of exactly this text and data.
      </p>
      <ErrorSummary error={error} fieldIds={{ password: 'sign-password', otp: 'sign-otp' }} />
      <Field id="sign-password" label="Your password" error={msg('password')} required>
        <TextInput
          id="sign-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={describedBy('sign-password', msg('password'))}
          required
        />
      </Field>
      <Field id="sign-otp" label="Authenticator code" error={msg('otp')} required>
        <TextInput
          id="sign-otp"
          name="otp"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={otp}
          onChange={(e) => setOtp(e.target.value)}
          aria-describedby={describedBy('sign-otp', msg('otp'))}
          required
        />
      </Field>
      <Button type="submit">Sign the agreement</Button>
    </Form>
  );
}

/** DPH's vaccine program approver: approve, or return to the clinic with comments. */
export function ReviewPanel({ a, onDone }: { a: AgreementDetail; onDone: (updated: AgreementDetail) => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function act(kind: 'approve' | 'return') {
    setError(null);
    try {
      onDone(await api.post<AgreementDetail>(`/api/clinic/agreements/${a.id}/${kind}`, kind === 'return' ? { comment } : {}));
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-label="Review the agreement" className="maxw-tablet">
      <h2>DPH review</h2>
      {a.contentHash !== a.signedHash && (
        <Alert type="error" headingLevel="h3" slim>
          The stored text or data no longer matches the signed hash.
        </Alert>
      )}
      <ErrorSummary error={error} fieldIds={{ comment: 'review-comment' }} />
      <Field id="review-comment" label="Comments for the clinic (needed to return it)" error={error?.fieldMessage('comment')}>
        <Textarea
          id="review-comment"
          name="comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-describedby={describedBy('review-comment', error?.fieldMessage('comment'))}
        />
      </Field>
      <ButtonGroup>
        <Button type="button" onClick={() => void act('approve')}>
          Approve
        </Button>
        <Button type="button" secondary onClick={() => void act('return')}>
          Return with comments
        </Button>
      </ButtonGroup>
    </Form>
  );
}
