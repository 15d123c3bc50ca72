import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Grid } from '@trussworks/react-uswds';
import type { Hl7MessageDetail, Hl7Reprocessed } from '@nutmeg/api-types';
import { ApiError, api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { Link, navigate } from '../../router';
import { MessageStatus } from './status';

/** One message: what was received and what the registry answered, side by side; its issues; reprocess. */
export function MessageDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['hl7-message', id], queryFn: () => api.get<Hl7MessageDetail>(`/api/hl7/messages/${id}`) });
  async function reprocess() {
    setError(null);
    try {
      const r = await api.post<Hl7Reprocessed>(`/api/hl7/messages/${id}/reprocess`);
      await client.invalidateQueries({ queryKey: ['hl7-messages'] });
      navigate(`/hl7/messages/${r.messageId}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  }
  if (q.error)
    return (
      <Alert type="error" headingLevel="h1" heading="Could not load the message">
        {q.error.message}
      </Alert>
    );
  const m = q.data;
  if (!m) return <p>Loading…</p>;
  return (
    <>
      <h1>HL7 message {m.controlId ?? ''}</h1>
      <p>
        <Link to="/hl7/messages">Back to the message log</Link>
      </p>
      <dl className="nutmeg-facts">
        <dt>Received</dt>
        <dd>
          {formatDateTime(m.receivedAt)} by {m.transport} from {m.interfaceName ?? 'an unknown interface'}
        </dd>
        <dt>Type</dt>
        <dd>
          {m.messageType ?? 'unreadable'} {m.processingId === 'T' ? '(test message: validated, not stored)' : ''}
        </dd>
        <dt>Outcome</dt>
        <dd>
          <MessageStatus status={m.status} /> {m.ackCode ? `MSA-1 ${m.ackCode}` : ''}
        </dd>
        {m.patientId && (
          <>
            <dt>Patient</dt>
            <dd>
              <Link to={`/patients/${m.patientId}`}>Open the record</Link>
            </dd>
          </>
        )}
        {m.reprocessOf && (
          <>
            <dt>Reprocessing of</dt>
            <dd>
              <Link to={`/hl7/messages/${m.reprocessOf}`}>the earlier message</Link>
            </dd>
          </>
        )}
      </dl>
      {m.status !== 'accepted' && (
        <p>
          <Button type="button" onClick={() => void reprocess()}>
            Reprocess this message
          </Button>
          {error && <span className="text-secondary-dark"> {error}</span>}
        </p>
      )}
      {m.issues.length > 0 && (
        <StackedTable fullWidth striped headers testId="hl7-issues" caption="What the answer told the sender">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Where</th>
              <th scope="col">What</th>
              <th scope="col">Rule</th>
            </tr>
          </thead>
          <tbody>
            {m.issues.map((i, n) => (
              <tr key={n}>
                <th scope="row">{i.severity === 'E' ? 'Error' : i.severity === 'W' ? 'Warning' : 'Information'}</th>
                <td>{i.location ?? '—'}</td>
                <td>{i.message}</td>
                <td className="nutmeg-break">{i.rule}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          <h2>Received</h2>
          <pre className="nutmeg-hl7" data-testid="hl7-raw">
            {m.raw.replace(/\r\n?/g, '\n')}
          </pre>
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <h2>Answer sent</h2>
          <pre className="nutmeg-hl7" data-testid="hl7-ack">
            {(m.ack ?? '(none yet)').replace(/\r\n?/g, '\n')}
          </pre>
        </Grid>
      </Grid>
    </>
  );
}
