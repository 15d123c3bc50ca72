import { Tag } from '@trussworks/react-uswds';
import type { Hl7MessageStatus } from '@nutmeg/api-types';

const LABELS: Record<Hl7MessageStatus, string> = {
  received: 'Received',
  accepted: 'Accepted',
  warnings: 'Accepted with warnings',
  rejected: 'Rejected',
  failed: 'Failed (kept)',
};
const CLASSES: Record<Hl7MessageStatus, string> = {
  received: 'bg-base',
  accepted: 'bg-green',
  warnings: 'bg-gold text-ink',
  rejected: 'bg-secondary-dark',
  failed: 'bg-secondary-darker',
};

export function MessageStatus({ status }: { status: Hl7MessageStatus }) {
  return <Tag className={CLASSES[status]}>{LABELS[status]}</Tag>;
}

export const STATUS_OPTIONS = Object.entries(LABELS) as [Hl7MessageStatus, string][];
