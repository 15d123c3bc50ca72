// The CDC IIS SOAP Web Service envelope (../shared/hl7/wsdl: urn:cdc:iisb:2011 and urn:cdc:iisb:2014, SOAP 1.2):
// reading a request and writing a response or a fault. XML is read with fast-xml-parser (already a dependency,
// pure JavaScript, maintained) with entity processing OFF and any DOCTYPE refused, so no entity can be declared
// or expanded (no XXE, no billion laughs); the five predefined entities and character references (&#13; is how
// a segment separator travels) are decoded here by hand.
import { XMLParser } from 'fast-xml-parser';

export type SoapVersion = '2011' | '2014';
export type SoapRequest =
  | { version: SoapVersion; operation: 'connectivityTest'; echoBack: string }
  | {
      version: SoapVersion;
      operation: 'submitSingleMessage';
      username?: string;
      password?: string;
      facilityId?: string;
      hl7Message: string;
    }
  | { version: SoapVersion | null; operation: 'unsupported'; name: string };

const NS: Record<SoapVersion, string> = { '2011': 'urn:cdc:iisb:2011', '2014': 'urn:cdc:iisb:2014' };
const SOAP_ENV = 'http://www.w3.org/2003/05/soap-envelope';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

export class SoapReadError extends Error {}

const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    // A reference must name an XML Char too: `&#x0B;` is the same framing bug as a raw VT, and the same fault.
    if (!isXmlChar(code)) throw new SoapReadError(`Character U+${code.toString(16).padStart(4, '0').toUpperCase()} is not allowed in XML`);
    return String.fromCodePoint(code);
  });
}

/** XML 1.0's Char production: tab, LF, CR, and the planes less the surrogates, U+FFFE and U+FFFF. */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return decodeXmlText(node);
  if (typeof node === 'object' && '#text' in (node as Record<string, unknown>))
    return decodeXmlText(String((node as Record<string, unknown>)['#text']));
  return '';
}

/** Reads a SOAP 1.2 request. Throws SoapReadError for what is not a SOAP envelope (or declares a DOCTYPE). */
export function readSoapRequest(xml: string): SoapRequest {
  if (/<!DOCTYPE/i.test(xml)) throw new SoapReadError('A DOCTYPE is not accepted');
  // XML 1.0 allows no C0 control character but tab, LF and CR (an MLLP frame's VT/FS in the message, say):
  // such a request is not XML, and answering it as if it were would hide the sender's framing bug.
  const illegal = XML_ILLEGAL.exec(xml);
  if (illegal)
    throw new SoapReadError(`Character U+${illegal[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} is not allowed in XML`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new SoapReadError(`Not well-formed XML: ${(e as Error).message.slice(0, 120)}`);
  }
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') throw new SoapReadError('No SOAP Envelope/Body');
  const [name, payload] = Object.entries(body).find(([k]) => !k.startsWith('#')) ?? [];
  if (!name) throw new SoapReadError('The SOAP Body is empty');
  const p = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  switch (name) {
    case 'connectivityTest':
      return { version: '2011', operation: 'connectivityTest', echoBack: text(p.echoBack) ?? '' };
    case 'ConnectivityTestRequest':
      return { version: '2014', operation: 'connectivityTest', echoBack: text(p.EchoBack) ?? '' };
    case 'submitSingleMessage':
    case 'SubmitSingleMessageRequest': {
      const v2011 = name === 'submitSingleMessage';
      const get = (k2011: string, k2014: string) => text(p[v2011 ? k2011 : k2014]);
      const out = {
        version: (v2011 ? '2011' : '2014') as SoapVersion,
        operation: 'submitSingleMessage' as const,
        hl7Message: get('hl7Message', 'Hl7Message') ?? '',
      };
      const username = get('username', 'Username');
      const password = get('password', 'Password');
      const facilityId = get('facilityID', 'FacilityID');
      return { ...out, ...(username ? { username } : {}), ...(password ? { password } : {}), ...(facilityId ? { facilityId } : {}) };
    }
    default:
      return { version: name.match(/^[a-z]/) ? '2011' : name.match(/^[A-Z]/) ? '2014' : null, operation: 'unsupported', name };
  }
}

function escapeXml(s: string): string {
  // CR is written as a character reference: XML parsers normalise a literal CR to LF.
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export function soapResponse(version: SoapVersion, operation: 'connectivityTest' | 'submitSingleMessage', value: string): string {
  const ns = NS[version];
  if (version === '2011') {
    const el = operation === 'connectivityTest' ? 'connectivityTestResponse' : 'submitSingleMessageResponse';
    return envelope(`<iis:${el} xmlns:iis="${ns}"><iis:return>${escapeXml(value)}</iis:return></iis:${el}>`);
  }
  const el = operation === 'connectivityTest' ? 'ConnectivityTestResponse' : 'SubmitSingleMessageResponse';
  const child = operation === 'connectivityTest' ? 'EchoBack' : 'Hl7Message';
  return envelope(`<iis:${el} xmlns:iis="${ns}"><iis:${child}>${escapeXml(value)}</iis:${child}></iis:${el}>`);
}

export type FaultKind = 'SecurityFault' | 'MessageTooLargeFault' | 'UnsupportedOperationFault' | 'UnknownFault';

/** A SOAP 1.2 fault with the WSDL's fault element as its detail (Code, Reason, Detail; Size/MaxSize when too large). */
export function soapFault(
  version: SoapVersion | null,
  kind: FaultKind,
  reason: string,
  extra: { size?: number; maxSize?: number } = {},
): string {
  const ns = NS[version ?? '2014'];
  const code = kind === 'UnknownFault' ? 'soap:Receiver' : 'soap:Sender';
  const sizes =
    kind === 'MessageTooLargeFault' && version === '2014'
      ? `<iis:Size>${extra.size ?? 0}</iis:Size><iis:MaxSize>${extra.maxSize ?? 0}</iis:MaxSize>`
      : '';
  const detail =
    kind === 'UnknownFault'
      ? `<iis:fault xmlns:iis="${ns}"><iis:Code>0</iis:Code><iis:Reason>${escapeXml(reason)}</iis:Reason></iis:fault>`
      : `<iis:${kind} xmlns:iis="${ns}"><iis:Code>${FAULT_CODES[kind]}</iis:Code><iis:Reason>${escapeXml(kind)}</iis:Reason><iis:Detail>${escapeXml(reason)}</iis:Detail>${sizes}</iis:${kind}>`;
  return envelope(
    `<soap:Fault><soap:Code><soap:Value>${code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${escapeXml(reason)}</soap:Text></soap:Reason><soap:Detail>${detail}</soap:Detail></soap:Fault>`,
  );
}

const FAULT_CODES: Record<Exclude<FaultKind, 'UnknownFault'>, number> = {
  SecurityFault: 10,
  MessageTooLargeFault: 20,
  UnsupportedOperationFault: 30,
};
