// Data-quality rules as data: the MQE detections (assets/hl7/mqe-detections.csv, from ../shared/hl7/dq-rules) with
// their default severities, and the jurisdiction's overrides. A check names a detection; the detection's severity
// (ERROR / WARN / INFO / ACCEPT) decides whether it rejects (E), warns (W), informs (I) or is not reported.
import fs from 'node:fs';
import path from 'node:path';
import type { Hl7IssueRow } from '@nutmeg/db';
import type { ApplicationErrorCode, Hl7ErrorCode } from '@nutmeg/hl7v2';

export type Severity = 'E' | 'W' | 'I' | null;

interface Detection {
  type: string;
  severity: Severity;
}

const FILE = path.resolve(import.meta.dirname, '../../../assets/hl7/mqe-detections.csv');
const SEVERITY: Record<string, Severity> = { ERROR: 'E', WARN: 'W', INFO: 'I', ACCEPT: null };

/**
 * Connecticut's overrides of the MQE defaults, and the checks MQE has no detection for. Nutmeg never loses a
 * dose: a missing RXA-21 is read as "add" (MQE would reject the dose), and a message without PID or RXA is
 * rejected (nothing can be recorded from it).
 */
export const JURISDICTION_OVERRIDES: Readonly<Record<string, Detection>> = {
  VaccinationActionCodeIsMissing: { type: 'MISSING', severity: null },
  PatientObjectIsMissing: { type: 'MISSING', severity: 'E' },
  VaccinationObjectIsMissing: { type: 'MISSING', severity: 'E' },
  PatientGenderIsMissing: { type: 'MISSING', severity: 'I' },
  VaccinationLotNumberIsMissing: { type: 'MISSING', severity: 'W' },
  VaccinationFinancialEligibilityCodeIsMissing: { type: 'MISSING', severity: 'W' },
  VaccinationFinancialEligibilityCodeIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  VaccinationFundingSourceCodeIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  VaccinationRefusalReasonIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  PatientImmunityCodeIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  PatientAliasIsInvalid: { type: 'INVALID', severity: 'W' },
  PatientMotherMaidenNameIsInvalid: { type: 'INVALID', severity: 'W' },
  PatientSubmitterIdTypeCodeIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  MessageSenderDoesNotMatchInterface: { type: 'INVALID', severity: 'W' },
  MessageControlIdWasAlreadyAccepted: { type: 'DUPLICATE', severity: 'I' },
  PatientPossibleDuplicateCreated: { type: 'POSSIBLE_DUPLICATE', severity: 'I' },
  // A U or D naming a dose this sender never reported is refused (nothing written): read as an add, an update
  // whose date changed would double the dose.
  VaccinationUpdateTargetNotFound: { type: 'NOT_FOUND', severity: 'E' },
  VaccinationDeleteTargetNotFound: { type: 'NOT_FOUND', severity: 'E' },
  VaccinationProviderNameIsInvalid: { type: 'INVALID', severity: 'W' },
  VaccinationIsRejectedByRegistry: { type: 'INVALID', severity: 'E' },
  VaccinationLotNotInInventory: { type: 'NOT_FOUND', severity: 'W' },
  VaccinationInventoryNotDecremented: { type: 'INVALID', severity: 'W' },
  // A VIS that cannot be recorded on the dose is worth telling the sender (MQE only informs).
  VaccinationVisDocumentTypeIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  VaccinationVisCvxIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  VaccinationVisIsMissing: { type: 'MISSING', severity: 'W' },
  VaccinationVisPublishedDateIsMissing: { type: 'MISSING', severity: 'W' },
  VaccinationVisPublishedDateIsInvalid: { type: 'INVALID', severity: 'W' },
  VaccinationVisPresentedDateIsMissing: { type: 'MISSING', severity: 'W' },
  VaccinationVisPresentedDateIsInvalid: { type: 'INVALID', severity: 'W' },
  // A registry id (PID-3 SR) that names no record the sender may update: matched by demographics, and said so.
  PatientRegistryIdIsUnrecognized: { type: 'UNRECOGNIZED', severity: 'W' },
  // A reported death that is not recorded (dated before the birth) is worth telling the sender (MQE accepts it).
  PatientDeathDateIsBeforeBirth: { type: 'BEFORE_BIRTH', severity: 'W' },
};

function load(): Map<string, Detection> {
  const out = new Map<string, Detection>();
  const lines = fs.readFileSync(FILE, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [detection, , type, severity] = line.split(',');
    if (detection && type && severity && severity in SEVERITY) out.set(detection, { type, severity: SEVERITY[severity]! });
  }
  for (const [k, v] of Object.entries(JURISDICTION_OVERRIDES)) out.set(k, v);
  return out;
}

let rules: Map<string, Detection> | undefined;
export function dqRules(): Map<string, Detection> {
  rules ??= load();
  return rules;
}

/** ERR-3 (0357) and ERR-5 (0533) for a detection, from its type. */
function codesOf(type: string, isDate: boolean): { hl7Code: Hl7ErrorCode; applicationCode: ApplicationErrorCode | null } {
  if (type === 'MISSING') return { hl7Code: '101', applicationCode: null };
  if (type === 'UNRECOGNIZED' || type === 'DEPRECATED') return { hl7Code: '103', applicationCode: '5' };
  if (type === 'INVALID') return { hl7Code: '102', applicationCode: isDate ? '2' : '4' };
  if (type.startsWith('AFTER') || type.startsWith('BEFORE')) return { hl7Code: '102', applicationCode: '1' };
  return { hl7Code: '0', applicationCode: '3' };
}

/** DPH's severity per rule where it changed the default (null: ignored), kept current by severity.service. */
let settings: ReadonlyMap<string, Severity> = new Map();
export function useSeveritySettings(m: ReadonlyMap<string, Severity>): void {
  settings = m;
}

/** The issue a detection raises at a location, or null when the jurisdiction does not report it. */
export function detect(detection: string, location: string | null, message: string): Hl7IssueRow | null {
  const d = dqRules().get(detection);
  if (!d) throw new Error(`Unknown data-quality detection ${detection}`);
  const severity = settings.has(detection) ? settings.get(detection)! : d.severity;
  if (!severity) return null;
  return { rule: detection, severity, location, ...codesOf(d.type, /Date/.test(detection)), message };
}
