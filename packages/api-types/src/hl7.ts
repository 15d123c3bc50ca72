// HL7 v2 exchange: interfaces (EHR senders) and the message log.

export type Hl7InterfaceStatus = 'onboarding' | 'testing' | 'production' | 'inactive';
export type Hl7MessageStatus = 'received' | 'accepted' | 'warnings' | 'rejected' | 'failed';

export interface Hl7InterfaceClinic {
  organizationId: string;
  name: string;
  pin: string | null;
  /** Doses are recorded for this clinic when a message names none of the interface's clinics. */
  isDefault: boolean;
}

export interface Hl7Interface {
  id: string;
  name: string;
  /** MSH-3.1 and MSH-4.1 of its messages. */
  sendingApplication: string;
  sendingFacility: string;
  status: Hl7InterfaceStatus;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** The user name of its credential (HTTP Basic, SOAP Username). */
  username: string;
  clinics: Hl7InterfaceClinic[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Hl7InterfaceList {
  interfaces: Hl7Interface[];
}

/** Returned once, when the interface is created or its secret replaced: the secret is not kept. */
export interface Hl7InterfaceCredential {
  interface: Hl7Interface;
  username: string;
  secret: string;
}

export interface Hl7Issue {
  rule: string;
  severity: 'E' | 'W' | 'I';
  location: string | null;
  hl7Code: string;
  applicationCode: string | null;
  message: string;
}

export interface Hl7MessageSummary {
  id: string;
  interfaceId: string | null;
  interfaceName: string | null;
  receivedAt: string;
  transport: string;
  messageType: string | null;
  controlId: string | null;
  processingId: string | null;
  status: Hl7MessageStatus;
  ackCode: string | null;
  patientId: string | null;
  errorCount: number;
  warningCount: number;
  processedAt: string | null;
  attempts: number;
  reprocessOf: string | null;
}

export interface Hl7MessageList {
  messages: Hl7MessageSummary[];
}

/** One message with the text received and the answer sent, side by side. */
export interface Hl7MessageDetail extends Hl7MessageSummary {
  raw: string;
  ack: string | null;
  issues: Hl7Issue[];
}

export interface Hl7QualityCount {
  interfaceId: string | null;
  day: string;
  messages: number;
  warnings: number;
  errors: number;
}

export interface Hl7QualityReport {
  counts: Hl7QualityCount[];
}

/** The outcome of running a stored message through processing again (a new log entry). */
export interface Hl7Reprocessed {
  messageId: string;
  ackCode: 'AA' | 'AE' | 'AR';
  status: Hl7MessageStatus;
}

/** GET /api/hl7/quality/rules: one interface's data-quality issues per rule, week or month. */
export interface Hl7RuleQuality {
  interfaceId: string;
  period: 'week' | 'month';
  /** Period starts (YYYY-MM-DD, a Monday or the 1st), oldest first; every period of the range, empty ones too. */
  periods: string[];
  /** Messages received in each period (same order as `periods`). */
  messages: number[];
  /** Every rule raised in the range, most frequent first, with its count per period. */
  rules: Array<{ rule: string; severity: 'E' | 'W' | 'I'; counts: number[]; total: number }>;
}

/** A data-quality rule with its default severity and the jurisdiction's (DPH's) setting. */
export interface Hl7SeverityRule {
  rule: string;
  /** MQE detection type (MISSING, INVALID, UNRECOGNIZED…). */
  type: string;
  defaultSeverity: 'E' | 'W' | 'I' | 'ignore';
  severity: 'E' | 'W' | 'I' | 'ignore';
  /** Send it back when changing the severity (0: never changed); a stale one is refused with 409. */
  version: number;
  changedAt: string | null;
}

/** GET /api/hl7/severities */
export interface Hl7SeverityList {
  rules: Hl7SeverityRule[];
}
