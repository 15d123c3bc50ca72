import { useQuery } from '@tanstack/react-query';
import { Alert, Tag } from '@trussworks/react-uswds';
import { api } from '../../api';
import { formatDateTime } from '../accounts/form-fields';

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  transport: string;
  sentAt: string | null;
  error: string | null;
}

/** The dev outbox: what the system mailed, or would have mailed without SMTP. */
export function OutboxPage() {
  const q = useQuery({
    queryKey: ['outbox'],
    queryFn: () => api.get<{ smtpConfigured: boolean; messages: OutboxMessage[] }>('/api/outbox'),
    refetchInterval: 10_000,
  });
  return (
    <>
      <h1>Outbox</h1>
      {q.data && (
        <p>
          {q.data.smtpConfigured
            ? 'SMTP is configured: messages are delivered, and listed here with their delivery state.'
            : 'No SMTP server is configured: messages are not delivered; this page is where they go.'}
        </p>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the outbox">
          {q.error.message}
        </Alert>
      )}
      {q.data?.messages.length === 0 && <p>No messages yet.</p>}
      <ul className="usa-list usa-list--unstyled" data-testid="outbox">
        {q.data?.messages.map((m) => (
          <li key={m.id} className="border-bottom-1px border-base-lighter padding-y-1">
            <details>
              <summary>
                <strong>{m.subject}</strong> — to {m.to} — {formatDateTime(m.createdAt)}{' '}
                {m.error ? (
                  <Tag className="bg-secondary-dark">failed</Tag>
                ) : m.sentAt ? (
                  <Tag className="bg-green">sent</Tag>
                ) : (
                  <Tag>{m.transport}</Tag>
                )}
              </summary>
              <pre className="font-mono-2xs bg-base-lightest padding-2" style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </pre>
              {m.error && <p className="text-secondary-dark">Delivery error: {m.error}</p>}
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
