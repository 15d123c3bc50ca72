// PID, PD1 and NK1 of a VXU → the patient record the UI's services take (PatientBody), with the data-quality
// issues found on the way. Pure. Identifying data that is missing or unreadable (PID-3, PID-5, PID-7) rejects
// the message; anything else that does not fit is dropped from the record with a warning, never the record.
import type { Hl7IssueRow } from '@nutmeg/db';
import { firstSegment, NK1, PD1, PID, readSegment, segmentsNamed, type Message, type PidView } from '@nutmeg/hl7v2';
import { PatientBody } from '../patients/index.ts';
import { detect } from './dq-rules.ts';
import { hl7Date } from './hl7-dates.ts';

export interface ReportedPatient {
  body: PatientBody;
  /** PID-3 identifiers: the sender's MRN and, when sent, the registry's own id (SR). */
  mrn?: string;
  iisId?: string;
  /** PD1-12 'Y': the family asked that the record not be shared. */
  protectionRequested: boolean;
}

export interface PatientRead {
  patient?: ReportedPatient;
  issues: Hl7IssueRow[];
}

type Raw = Record<string, unknown> & { name: { first?: string; last?: string; middle?: string; suffix?: string } };

function phoneOf(t: PidView['phoneNumberHome'][number]) {
  const digits = `${t.areaCityCode ?? ''}${t.localNumber ?? ''}` || (t.telephoneNumber ?? '');
  const use = t.telecommunicationEquipmentType === 'CP' ? 'CP' : (t.telecommunicationUseCode ?? 'PRN');
  return { number: digits, use };
}

function identifiersOf(pid: PidView) {
  const out: { mrn?: string; iisId?: string; others: { type: string; value: string; assigner?: string }[] } = { others: [] };
  for (const cx of pid.patientIdentifierList) {
    if (!cx.idNumber) continue;
    const type = cx.identifierTypeCode ?? 'MR';
    if (type === 'SR') out.iisId = cx.idNumber;
    else if (type === 'MR' || type === 'PI' || type === 'PT') {
      out.mrn ??= cx.idNumber;
      out.others.push({ type: 'MR', value: cx.idNumber, assigner: cx.assigningAuthority?.namespaceId });
    } else if (type === 'MA') out.others.push({ type: 'MA', value: cx.idNumber, assigner: cx.assigningAuthority?.namespaceId });
  }
  return out;
}

function rawPatient(message: Message, pid: PidView, today: string) {
  const d = message.delimiters;
  const legal = pid.patientName.find((n) => n.nameTypeCode === 'L') ?? pid.patientName[0];
  const ids = identifiersOf(pid);
  const dob = hl7Date(pid.dateTimeOfBirth?.time);
  const guardians = segmentsNamed(message, 'NK1').map((s) => {
    const nk1 = readSegment(NK1, s, d);
    const n = nk1.name[0];
    const phone = nk1.phoneNumber[0] ? phoneOf(nk1.phoneNumber[0]).number : undefined;
    return {
      name: { first: n?.givenName ?? '', last: n?.familyName?.surname ?? '' },
      relationship: nk1.relationship?.identifier ?? '',
      phone,
    };
  });
  const raw: Raw = {
    name: {
      first: legal?.givenName,
      last: legal?.familyName?.surname,
      middle: legal?.secondAndFurtherGivenNamesOrInitialsThereof,
      suffix: legal?.suffix,
    },
    aliases: pid.patientName
      .filter((n) => n !== legal && n.givenName && n.familyName?.surname)
      .map((n) => ({ first: n.givenName, last: n.familyName?.surname, type: n.nameTypeCode === 'M' ? 'M' : 'A' })),
    dob: dob.ok ? dob.date : undefined,
    sex: pid.administrativeSex ?? 'U',
    multipleBirth: pid.multipleBirthIndicator === 'Y',
    birthOrder: pid.birthOrder && /^\d$/.test(pid.birthOrder) && pid.birthOrder !== '0' ? Number(pid.birthOrder) : undefined,
    mothersMaidenName: pid.mothersMaidenName[0]?.familyName?.surname,
    race: pid.race[0]?.identifier,
    ethnicity: pid.ethnicGroup[0]?.identifier,
    addresses: pid.patientAddress.map((a) => ({
      street: a.streetAddress?.streetOrMailingAddress,
      street2: a.otherDesignation,
      city: a.city,
      state: a.stateOrProvince,
      zip: a.zipOrPostalCode,
      county: a.countyParishCode,
      type: ['H', 'M', 'BA', 'BR'].includes(a.addressType ?? '') ? a.addressType : 'H',
    })),
    phones: pid.phoneNumberHome.map(phoneOf).filter((p) => p.number),
    guardians,
    identifiers: ids.others,
  };
  return { raw, dob, ids, today };
}

/** Where a PatientBody path is in the message, and the detection that reports it. */
const FIELD_OF: Record<string, [location: string, detection: string]> = {
  sex: ['PID-8', 'PatientGenderIsUnrecognized'],
  race: ['PID-10', 'PatientRaceIsUnrecognized'],
  ethnicity: ['PID-22', 'PatientEthnicityIsUnrecognized'],
  addresses: ['PID-11', 'PatientAddressIsInvalid'],
  phones: ['PID-13', 'PatientPhoneIsInvalid'],
  guardians: ['NK1', 'NextOfKinRelationshipIsInvalid'],
  aliases: ['PID-5', 'PatientAliasIsInvalid'],
  mothersMaidenName: ['PID-6', 'PatientMotherMaidenNameIsInvalid'],
  identifiers: ['PID-3', 'PatientSubmitterIdTypeCodeIsUnrecognized'],
  birthOrder: ['PID-25', 'PatientBirthIndicatorIsInvalid'],
};

function push(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

/** Drops what does not validate (optional parts) until the record does; the identifying parts reject instead. */
function validated(raw: Raw, issues: Hl7IssueRow[]): PatientBody | undefined {
  for (let attempt = 0; attempt < 40; attempt++) {
    const parsed = PatientBody.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const [field, index] = issue.path as [string, number | string | undefined];
    const known = FIELD_OF[field];
    if (!known) {
      push(issues, detect('PatientNameLastIsInvalid', 'PID-5', `The patient's ${String(field)} cannot be read: ${issue.message}`));
      return undefined;
    }
    if (field === 'sex') raw.sex = 'U';
    else if (Array.isArray(raw[field]) && typeof index === 'number') (raw[field] as unknown[]).splice(index, 1);
    else delete raw[field];
    const what = index === undefined ? field : `${field} ${Number(index) + 1}`;
    push(issues, detect(known[1], known[0], `Ignored the patient's ${what}: ${issue.message}`));
  }
  return undefined;
}

export function readPatient(message: Message, today: string): PatientRead {
  const issues: Hl7IssueRow[] = [];
  const segment = firstSegment(message, 'PID');
  if (!segment) {
    push(issues, detect('PatientObjectIsMissing', 'PID', 'The message has no PID segment: there is no patient to record'));
    return { issues };
  }
  const pid = readSegment(PID, segment, message.delimiters);
  const { raw, dob, ids } = rawPatient(message, pid, today);
  if (!ids.mrn && !ids.iisId && ids.others.length === 0)
    push(issues, detect('PatientSubmitterIdIsMissing', 'PID-3', 'The patient identifier (PID-3) is missing'));
  if (!raw.name.last) push(issues, detect('PatientNameLastIsMissing', 'PID-5.1', 'The patient’s last name (PID-5.1) is missing'));
  if (!raw.name.first) push(issues, detect('PatientNameFirstIsMissing', 'PID-5.2', 'The patient’s first name (PID-5.2) is missing'));
  if (!dob.ok && dob.missing) push(issues, detect('PatientBirthDateIsMissing', 'PID-7', 'The date of birth (PID-7) is missing'));
  else if (!dob.ok) push(issues, detect('PatientBirthDateIsInvalid', 'PID-7', 'The date of birth (PID-7) is not a valid date'));
  else if (dob.date > today)
    push(issues, detect('PatientBirthDateIsAfterSubmission', 'PID-7', 'The date of birth (PID-7) is in the future'));
  if (issues.some((i) => i.severity === 'E')) return { issues };
  const body = validated(raw, issues);
  if (!body) return { issues };
  const pd1 = firstSegment(message, 'PD1');
  const protectionRequested = pd1 ? readSegment(PD1, pd1, message.delimiters).protectionIndicator === 'Y' : false;
  return {
    patient: { body, ...(ids.mrn ? { mrn: ids.mrn } : {}), ...(ids.iisId ? { iisId: ids.iisId } : {}), protectionRequested },
    issues,
  };
}
