import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import type { OutboxList, OutboxMessage, OutboxMessageWithBody } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { useSession } from '../../session';
import { formatDateTime } from '../../dates';

/**
 * The outbox: what the system mailed, or would have mailed without SMTP. It lists recipients and
 * subjects only. Without SMTP (development) a body is kept, and an administrator may open it: the
 * server audits every such read, because a body can hold someone's activation link.
 */
export function OutboxPage() {
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['outbox'],
    queryFn: () => api.get<OutboxList>('/api/outbox'),
    refetchInterval: 10_000,
  });
  return (
    <>
      <h1>Outbox</h1>
      {q.data && (
        <p>
          {q.data.smtpConfigured
            ? 'SMTP is configured: messages are delivered, and listed here with their delivery state. Their content is not kept.'
            : 'No SMTP server is configured (development): messages are not delivered. An administrator can open one here; each opening is recorded in the audit log.'}
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
            <strong>{m.subject}</strong> — to {m.to} — {formatDateTime(m.createdAt)}{' '}
            {m.error ? (
              <Tag className="bg-secondary-dark">failed</Tag>
            ) : m.sentAt ? (
              <Tag className="bg-green">sent</Tag>
            ) : (
              <Tag>{m.transport}</Tag>
            )}
            {m.error && <p className="text-secondary-dark">Delivery error: {m.error}</p>}
            {m.hasBody && can('outbox:read-body') && <MessageBody message={m} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function MessageBody({ message }: { message: OutboxMessage }) {
  const [body, setBody] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function open() {
    try {
      setBody((await api.get<OutboxMessageWithBody>(`/api/outbox/${message.id}`)).body);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  if (body !== null)
    return (
      <pre className="font-mono-2xs bg-base-lightest padding-2" style={{ whiteSpace: 'pre-wrap' }}>
        {body}
      </pre>
    );
  return (
    <p>
      <Button type="button" unstyled onClick={() => void open()}>
        Open the message (recorded in the audit log)
      </Button>
      {error && <span className="text-secondary-dark"> {error}</span>}
    </p>
  );
}
