// Rows → the API's JSON (packages/api-types/src/hl7.ts): every field that leaves the server is listed here.
import type { Hl7Interface, Hl7MessageDetail, Hl7MessageSummary } from '@nutmeg/api-types';
import type { Organization } from '../organizations/index.ts';
import type { InterfaceClinic, InterfaceRow } from './interface.repo.ts';
import type { MessageRow, MessageSummaryRow } from './message.repo.ts';

export function presentInterface(r: InterfaceRow, clinics: readonly InterfaceClinic[], orgs: Map<string, Organization>): Hl7Interface {
  return {
    id: r.id,
    name: r.name,
    sendingApplication: r.sending_application,
    sendingFacility: r.sending_facility,
    status: r.status,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    username: r.username,
    clinics: clinics.map((c) => ({
      organizationId: c.organizationId,
      name: orgs.get(c.organizationId)?.name ?? '',
      pin: orgs.get(c.organizationId)?.pin ?? null,
      isDefault: c.isDefault,
    })),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function presentMessageSummary(r: MessageSummaryRow, interfaceName: string | null): Hl7MessageSummary {
  return {
    id: r.id,
    interfaceId: r.interface_id,
    interfaceName,
    receivedAt: r.received_at.toISOString(),
    transport: r.transport,
    messageType: r.message_type,
    controlId: r.control_id,
    processingId: r.processing_id,
    status: r.status,
    ackCode: r.ack_code,
    patientId: r.patient_id,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    processedAt: r.processed_at?.toISOString() ?? null,
    attempts: r.attempts,
    reprocessOf: r.reprocess_of,
  };
}

export function presentMessageDetail(r: MessageRow, interfaceName: string | null): Hl7MessageDetail {
  return {
    ...presentMessageSummary(r, interfaceName),
    raw: r.raw,
    ack: r.ack,
    issues: r.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      location: i.location,
      hl7Code: i.hl7Code,
      applicationCode: i.applicationCode,
      message: i.message,
    })),
  };
}
