// Typed views of the segments immunization messaging uses, with the spec's field names (HL7 v2.5.1 as profiled by
// the CDC IG R1.5). A view is read from a segment, and a segment is written from a view, by one table per segment.
import { rawRepetitions } from './access.ts';
import {
  CQ,
  CWE,
  CX,
  type Composite,
  type Decoded,
  decodeComposite,
  EI,
  ERL,
  HD,
  LA2,
  MSG,
  PT,
  TS,
  VID,
  XAD,
  XCN,
  XON,
  XPN,
  XTN,
} from './datatypes.ts';
import type { Delimiters } from './delimiters.ts';
import { unescapeText } from './escape.ts';
import type { Segment } from './message.ts';

/** [position, name, type (absent: text), '*' when the field repeats] */
export type FieldSpec = readonly [position: number, name: string, type?: Composite, repeats?: '*'];
export interface SegmentSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

type FieldValue<F extends FieldSpec> = F[2] extends Composite ? Decoded<F[2]> : string;
/** The plain object a segment reads to: a repeating field is an array ([] when empty), others are optional. */
export type View<S extends SegmentSpec> = {
  -readonly [F in S['fields'][number] as F[3] extends '*' ? F[1] : never]: FieldValue<F>[];
} & {
  -readonly [F in S['fields'][number] as F[3] extends '*' ? never : F[1]]?: FieldValue<F>;
};

function spec<const F extends readonly FieldSpec[]>(name: string, fields: F): { name: string; fields: F } {
  return { name, fields };
}

export const MSH = spec('MSH', [
  [1, 'fieldSeparator'],
  [2, 'encodingCharacters'],
  [3, 'sendingApplication', HD],
  [4, 'sendingFacility', HD],
  [5, 'receivingApplication', HD],
  [6, 'receivingFacility', HD],
  [7, 'dateTimeOfMessage', TS],
  [8, 'security'],
  [9, 'messageType', MSG],
  [10, 'messageControlId'],
  [11, 'processingId', PT],
  [12, 'versionId', VID],
  [13, 'sequenceNumber'],
  [14, 'continuationPointer'],
  [15, 'acceptAcknowledgmentType'],
  [16, 'applicationAcknowledgmentType'],
  [17, 'countryCode'],
  [18, 'characterSet', undefined, '*'],
  [19, 'principalLanguageOfMessage', CWE],
  [20, 'alternateCharacterSetHandlingScheme'],
  [21, 'messageProfileIdentifier', EI, '*'],
  [22, 'sendingResponsibleOrganization', XON],
  [23, 'receivingResponsibleOrganization', XON],
]);

export const PID = spec('PID', [
  [1, 'setId'],
  [3, 'patientIdentifierList', CX, '*'],
  [5, 'patientName', XPN, '*'],
  [6, 'mothersMaidenName', XPN, '*'],
  [7, 'dateTimeOfBirth', TS],
  [8, 'administrativeSex'],
  [10, 'race', CWE, '*'],
  [11, 'patientAddress', XAD, '*'],
  [13, 'phoneNumberHome', XTN, '*'],
  [14, 'phoneNumberBusiness', XTN, '*'],
  [15, 'primaryLanguage', CWE],
  [22, 'ethnicGroup', CWE, '*'],
  [24, 'multipleBirthIndicator'],
  [25, 'birthOrder'],
  [29, 'patientDeathDateAndTime', TS],
  [30, 'patientDeathIndicator'],
  [33, 'lastUpdateDateTime', TS],
  [34, 'lastUpdateFacility', HD],
]);

export const PD1 = spec('PD1', [
  [3, 'patientPrimaryFacility', XON, '*'],
  [4, 'patientPrimaryCareProviderNameAndIdNo', XCN, '*'],
  [11, 'publicityCode', CWE],
  [12, 'protectionIndicator'],
  [13, 'protectionIndicatorEffectiveDate'],
  [16, 'immunizationRegistryStatus'],
  [17, 'immunizationRegistryStatusEffectiveDate'],
  [18, 'publicityCodeEffectiveDate'],
]);

export const NK1 = spec('NK1', [
  [1, 'setId'],
  [2, 'name', XPN, '*'],
  [3, 'relationship', CWE],
  [4, 'address', XAD, '*'],
  [5, 'phoneNumber', XTN, '*'],
  [6, 'businessPhoneNumber', XTN, '*'],
  [7, 'contactRole', CWE],
  [8, 'startDate'],
  [9, 'endDate'],
]);

export const ORC = spec('ORC', [
  [1, 'orderControl'],
  [2, 'placerOrderNumber', EI],
  [3, 'fillerOrderNumber', EI],
  [10, 'enteredBy', XCN, '*'],
  [12, 'orderingProvider', XCN, '*'],
  [17, 'enteringOrganization', CWE],
  [21, 'orderingFacilityName', XON, '*'],
]);

export const RXA = spec('RXA', [
  [1, 'giveSubIdCounter'],
  [2, 'administrationSubIdCounter'],
  [3, 'dateTimeStartOfAdministration', TS],
  [4, 'dateTimeEndOfAdministration', TS],
  [5, 'administeredCode', CWE],
  [6, 'administeredAmount'],
  [7, 'administeredUnits', CWE],
  [8, 'administeredDosageForm', CWE],
  [9, 'administrationNotes', CWE, '*'],
  [10, 'administeringProvider', XCN, '*'],
  [11, 'administeredAtLocation', LA2],
  [15, 'substanceLotNumber', undefined, '*'],
  [16, 'substanceExpirationDate', TS, '*'],
  [17, 'substanceManufacturerName', CWE, '*'],
  [18, 'substanceTreatmentRefusalReason', CWE, '*'],
  [19, 'indication', CWE, '*'],
  [20, 'completionStatus'],
  [21, 'actionCode'],
  [22, 'systemEntryDateTime', TS],
]);

export const RXR = spec('RXR', [
  [1, 'route', CWE],
  [2, 'administrationSite', CWE],
]);

/** OBX-5 is of the type OBX-2 names: the view gives its text (see obxValue() for coded values). */
export const OBX = spec('OBX', [
  [1, 'setId'],
  [2, 'valueType'],
  [3, 'observationIdentifier', CWE],
  [4, 'observationSubId'],
  [5, 'observationValue', undefined, '*'],
  [6, 'units', CWE],
  [7, 'referencesRange'],
  [8, 'abnormalFlags', undefined, '*'],
  [11, 'observationResultStatus'],
  [14, 'dateTimeOfTheObservation', TS],
  [17, 'observationMethod', CWE, '*'],
]);

/** QPD as the IG's Z34 and Z44 queries define QPD-3 onwards (the same parameters for both). */
export const QPD = spec('QPD', [
  [1, 'messageQueryName', CWE],
  [2, 'queryTag'],
  [3, 'patientList', CX, '*'],
  [4, 'patientName', XPN, '*'],
  [5, 'patientMotherMaidenName', XPN, '*'],
  [6, 'patientDateOfBirth', TS],
  [7, 'patientSex'],
  [8, 'patientAddress', XAD, '*'],
  [9, 'patientHomePhone', XTN, '*'],
  [10, 'patientMultipleBirthIndicator'],
  [11, 'patientBirthOrder'],
  [12, 'clientLastUpdateDate', TS],
  [13, 'clientLastUpdateFacility', HD],
]);

export const RCP = spec('RCP', [
  [1, 'queryPriority'],
  [2, 'quantityLimitedRequest', CQ],
  [3, 'responseModality', CWE],
]);

export const MSA = spec('MSA', [
  [1, 'acknowledgmentCode'],
  [2, 'messageControlId'],
  [3, 'textMessage'],
  [4, 'expectedSequenceNumber'],
  [5, 'delayedAcknowledgmentType'],
  [6, 'errorCondition', CWE],
]);

export const ERR = spec('ERR', [
  [1, 'errorCodeAndLocation', undefined, '*'],
  [2, 'errorLocation', ERL, '*'],
  [3, 'hl7ErrorCode', CWE],
  [4, 'severity'],
  [5, 'applicationErrorCode', CWE],
  [6, 'applicationErrorParameter', undefined, '*'],
  [7, 'diagnosticInformation'],
  [8, 'userMessage'],
  [9, 'informPersonIndicator', undefined, '*'],
  [10, 'overrideType', CWE],
  [11, 'overrideReasonCode', CWE, '*'],
  [12, 'helpDeskContactPoint', XTN, '*'],
]);

export const QAK = spec('QAK', [
  [1, 'queryTag'],
  [2, 'queryResponseStatus'],
  [3, 'messageQueryName', CWE],
  [4, 'hitCount'],
  [5, 'thisPayload'],
  [6, 'hitsRemaining'],
]);

export type MshView = View<typeof MSH>;
export type PidView = View<typeof PID>;
export type Pd1View = View<typeof PD1>;
export type Nk1View = View<typeof NK1>;
export type OrcView = View<typeof ORC>;
export type RxaView = View<typeof RXA>;
export type RxrView = View<typeof RXR>;
export type ObxView = View<typeof OBX>;
export type QpdView = View<typeof QPD>;
export type RcpView = View<typeof RCP>;
export type MsaView = View<typeof MSA>;
export type ErrView = View<typeof ERR>;
export type QakView = View<typeof QAK>;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

/** Reads a segment through its spec. Throws nothing: absent fields are undefined (or [] when repeating). */
export function readSegment<S extends SegmentSpec>(s: S, segment: Segment, d: Delimiters): View<S> {
  const out: Record<string, unknown> = {};
  for (const [position, name, type, repeats] of s.fields) {
    const reps = rawRepetitions(segment, position, d).map((raw) => {
      if (position <= 2 && segment.name === 'MSH') return raw; // MSH-1, MSH-2: the delimiters themselves
      return type ? decodeComposite(type, raw, d) : unescapeText(raw, d);
    });
    if (repeats) out[name] = reps.filter((r) => !isEmpty(r));
    else if (!isEmpty(reps[0])) out[name] = reps[0];
  }
  return out as View<S>;
}

/** OBX-5 decoded as a coded value (for OBX-2 CE or CWE, e.g. 64994-7 VFC eligibility, 30963-3 funding source). */
export function obxCodedValues(segment: Segment, d: Delimiters): Decoded<typeof CWE>[] {
  return rawRepetitions(segment, 5, d)
    .map((raw) => decodeComposite(CWE, raw, d))
    .filter((v) => !isEmpty(v));
}
