import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, TextInput } from '@trussworks/react-uswds';
import { api, toApiError, type ApiError } from '../../api';

/**
 * DPH's decision on one request of stock (a return, a transfer): approve, or deny with a reason, at the version
 * shown (the server refuses a decision on a request that changed meanwhile).
 */
export function DphDecision(props: {
  /** The request's address, e.g. /api/inventory/returns/<id>; the actions are …/approve and …/deny. */
  url: string;
  id: string;
  version: number;
  /** What is decided, for the reason field's label: "the return of lot X12". */
  subject: string;
  onError: (e: ApiError) => void;
}) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  async function post(action: 'approve' | 'deny', body: object) {
    try {
      await api.post<unknown>(`${props.url}/${action}`, body);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
    } catch (err) {
      props.onError(toApiError(err));
    }
  }
  return (
    <>
      <Button type="button" onClick={() => void post('approve', { version: props.version })}>
        Approve
      </Button>
      <TextInput
        id={`deny-${props.id}`}
        name="reason"
        type="text"
        aria-label={`Reason to deny ${props.subject}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button type="button" secondary onClick={() => void post('deny', { version: props.version, reason })}>
        Deny
      </Button>
    </>
  );
}
