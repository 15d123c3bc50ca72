// HL7 v2.5.1 composite data types as data: component names in the spec's words, in order. One generic reader and
// one generic writer serve every type; the TypeScript type of a decoded value is derived from the same table.
import type { Delimiters } from './delimiters.ts';
import { rawComponents, rawSubcomponents } from './access.ts';
import { escapeText, unescapeText } from './escape.ts';

export type ComponentSpec = readonly [name: string, type?: Composite];
export interface Composite {
  readonly name: string;
  readonly components: readonly ComponentSpec[];
}

/** The plain object a composite decodes to: every component optional, nested composites as objects. */
export type Decoded<T extends Composite> = {
  -readonly [C in T['components'][number] as C[0]]?: C[1] extends Composite ? Decoded<C[1]> : string;
};

function composite<const C extends readonly ComponentSpec[]>(name: string, components: C): { name: string; components: C } {
  return { name, components };
}

export const HD = composite('HD', [['namespaceId'], ['universalId'], ['universalIdType']]);
export const EI = composite('EI', [['entityIdentifier'], ['namespaceId'], ['universalId'], ['universalIdType']]);
export const TS = composite('TS', [['time'], ['degreeOfPrecision']]);
export const CWE = composite('CWE', [
  ['identifier'],
  ['text'],
  ['nameOfCodingSystem'],
  ['alternateIdentifier'],
  ['alternateText'],
  ['nameOfAlternateCodingSystem'],
  ['codingSystemVersionId'],
  ['alternateCodingSystemVersionId'],
  ['originalText'],
]);
/** CE has the first six components of CWE. */
export const CE = CWE;
export const FN = composite('FN', [
  ['surname'],
  ['ownSurnamePrefix'],
  ['ownSurname'],
  ['surnamePrefixFromPartner'],
  ['surnameFromPartner'],
]);
export const SAD = composite('SAD', [['streetOrMailingAddress'], ['streetName'], ['dwellingNumber']]);
export const CX = composite('CX', [
  ['idNumber'],
  ['checkDigit'],
  ['checkDigitScheme'],
  ['assigningAuthority', HD],
  ['identifierTypeCode'],
  ['assigningFacility', HD],
  ['effectiveDate'],
  ['expirationDate'],
]);
/** The name components XPN and XCN share (XPN.1–6 = XCN.2–7). */
const PERSON_NAME = [
  ['familyName', FN],
  ['givenName'],
  ['secondAndFurtherGivenNamesOrInitialsThereof'],
  ['suffix'],
  ['prefix'],
  ['degree'],
] as const;
export const XPN = composite('XPN', [
  ...PERSON_NAME,
  ['nameTypeCode'],
  ['nameRepresentationCode'],
  ['nameContext', CWE],
  ['nameValidityRange'],
  ['nameAssemblyOrder'],
  ['effectiveDate'],
  ['expirationDate'],
  ['professionalSuffix'],
]);
export const XAD = composite('XAD', [
  ['streetAddress', SAD],
  ['otherDesignation'],
  ['city'],
  ['stateOrProvince'],
  ['zipOrPostalCode'],
  ['country'],
  ['addressType'],
  ['otherGeographicDesignation'],
  ['countyParishCode'],
  ['censusTract'],
  ['addressRepresentationCode'],
  ['addressValidityRange'],
  ['effectiveDate'],
  ['expirationDate'],
]);
export const XTN = composite('XTN', [
  ['telephoneNumber'],
  ['telecommunicationUseCode'],
  ['telecommunicationEquipmentType'],
  ['emailAddress'],
  ['countryCode'],
  ['areaCityCode'],
  ['localNumber'],
  ['extension'],
  ['anyText'],
  ['extensionPrefix'],
  ['speedDialCode'],
  ['unformattedTelephoneNumber'],
]);
export const XCN = composite('XCN', [
  ['idNumber'],
  ...PERSON_NAME,
  ['sourceTable'],
  ['assigningAuthority', HD],
  ['nameTypeCode'],
  ['identifierCheckDigit'],
  ['checkDigitScheme'],
  ['identifierTypeCode'],
  ['assigningFacility', HD],
]);
export const XON = composite('XON', [
  ['organizationName'],
  ['organizationNameTypeCode'],
  ['idNumber'],
  ['checkDigit'],
  ['checkDigitScheme'],
  ['assigningAuthority', HD],
  ['identifierTypeCode'],
  ['assigningFacility', HD],
  ['nameRepresentationCode'],
  ['organizationIdentifier'],
]);
export const MSG = composite('MSG', [['messageCode'], ['triggerEvent'], ['messageStructure']]);
export const PT = composite('PT', [['processingId'], ['processingMode']]);
export const VID = composite('VID', [['versionId'], ['internationalizationCode', CWE], ['internationalVersionId', CWE]]);
export const CQ = composite('CQ', [['quantity'], ['units', CWE]]);
export const ERL = composite('ERL', [
  ['segmentId'],
  ['segmentSequence'],
  ['fieldPosition'],
  ['fieldRepetition'],
  ['componentNumber'],
  ['subComponentNumber'],
]);
export const LA2 = composite('LA2', [
  ['pointOfCare'],
  ['room'],
  ['bed'],
  ['facility', HD],
  ['locationStatus'],
  ['patientLocationType'],
  ['building'],
  ['floor'],
  ['streetAddress'],
  ['otherDesignation'],
  ['city'],
  ['stateOrProvince'],
  ['zipOrPostalCode'],
  ['country'],
]);

type Level = 'component' | 'subcomponent';

/** Decodes one repetition (level 'component') or one component (level 'subcomponent') as a composite. */
export function decodeComposite<T extends Composite>(type: T, raw: string, d: Delimiters, level: Level = 'component'): Decoded<T> {
  const parts = level === 'component' ? rawComponents(raw, d) : rawSubcomponents(raw, d);
  const out: Record<string, unknown> = {};
  type.components.forEach(([name, sub], i) => {
    const part = parts[i];
    if (part === undefined || part === '') return;
    // A composite inside a component is split at subcomponents; one level deeper HL7 has no delimiter left.
    out[name] = sub && level === 'component' ? decodeComposite(sub, part, d, 'subcomponent') : unescapeText(part, d);
  });
  return out as Decoded<T>;
}

/** A value to write: text, or a composite's components by name (nested composites as objects). */
export type WriteValue = string | { readonly [component: string]: WriteValue | undefined | null };

/** Encodes a composite value (or plain text) into raw text, escaping each part and dropping trailing empty parts. */
export function encodeComposite(
  type: Composite | undefined,
  v: WriteValue | undefined | null,
  d: Delimiters,
  level: Level = 'component',
): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return escapeText(v, d);
  if (!type) throw new TypeError('a structured value needs a composite type');
  const sep = level === 'component' ? d.component : (d.subcomponent ?? '');
  const parts = type.components.map(([name, sub]) => {
    const part = v[name];
    if (sub && level === 'component') return encodeComposite(sub, part, d, 'subcomponent');
    return typeof part === 'string' ? escapeText(part, d) : encodeComposite(sub, part, d, 'subcomponent');
  });
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts.join(sep);
}
