// The 158 IZ Gateway hub test cases (../shared/hl7/messages/izgw-hub-testcases.jsonl) as a registry sees them:
// which apply to a registry's CDC SOAP endpoint, what each applicable one must answer, and why the others do
// not apply. The gateway sits between an EHR and a registry; many of its cases test the hub itself (routing to a
// destination, its REST operations API, its mock IIS, DEX uploads, its logs), which no registry implements.
import { readJsonl } from './hl7.testing.ts';

export interface IzgwCase {
  folder: string;
  name: string;
  method: string;
  url: string;
  soap_action: string | null;
  soap_request: string;
  hl7: string | null;
  expected: {
    http_status?: number[];
    response_contains?: string[];
    msa1?: string;
    qak2?: string | null;
    err?: string | null;
    test_names?: string[];
  };
}

export const NOT_APPLICABLE = {
  notWorking: 'in the collection\'s "Not Working" folder (the gateway team\'s own broken or unfinished cases)',
  dex: "DEX: uploads to CDC's Data Exchange through the hub; a registry has no such endpoint",
  hubSmoke: 'hub build id / client IP address checks (build.txt, icanhazip)',
  hubOps: "the hub's operations REST API (refresh, status, health, trust, access and deny lists, docs, submit form)",
  hubLogs: "the hub's transaction logs",
  passwordMock: "password change in the hub's mock (its MessageHeaderInfo table)",
  headerRecords: "the hub's MessageHeaderInfo records",
  maintenance: 'hub maintenance switch for a destination (sequence: set maintenance, send, clear, send)',
  routing:
    'hub routing by HubRequestHeader DestinationId (missing, unknown, invalid, unreachable, down, rejecting destination, circuit breaker)',
  hubHeaderRule: 'the hub refusing its own HubRequestHeader on its CDC WSDL endpoint; a registry ignores SOAP headers it does not know',
  destinationFault: 'the hub relaying what a mock destination answered (its faults, oversize, HTML, invalid XML, PHI in a fault)',
  attackFilter: "the hub's source-attack-pattern filter on the envelope (script elements, javascript attributes or text)",
  acceptHeader: "the hub's Accept header check; a SOAP 1.2 service answers application/soap+xml and the WSDL defines no Accept handling",
  mockLogging: 'the hub mock\'s "unlogged test case" (UnknownTestCase) answer',
  mockNoVxu: 'the hub\'s mock IIS refuses VXU ("Mock does not handle VXU Messages"); a registry accepts VXU',
  mockIdentifierOnly:
    "the hub's mock IIS answers a Z34 by identifier alone; the IG profiles QPD-4 (name) and QPD-6 (date of birth) as required, so a registry answers AE with ERR 101 (as the mock itself does in TC_MOCK_07b/c)",
  mockAddressRule:
    "the hub's mock IIS requires the address to match exactly; a registry's matcher finds the person by name, date of birth and sex and does not lose them over one address part",
} as const;
export type NotApplicable = keyof typeof NOT_APPLICABLE;

/** What an applicable case must answer; `adapt` says how the request is made a registry's (credentials, size). */
export interface Applicable {
  kind: 'connectivity' | 'submit' | 'fault' | 'query' | 'method' | 'wsdl';
  /** The SOAP fault element a registry answers (the hub wraps a destination's fault as its HubClientFault). */
  fault?: 'SecurityFault' | 'MessageTooLargeFault' | 'UnsupportedOperationFault' | 'fault';
  adapt?: 'wrongPassword' | 'tooLarge' | 'interfaceCredentials';
  /** Applies, but not met yet: why (listed as a to-do, and in the report). */
  gap?: string;
  /** MSA-1 a good message gets ("Response is As Expected"); the case's own msa1 wins when it has one. */
  msa1?: string;
}

const BY_NAME: Record<string, NotApplicable | Applicable> = {
  'TC_01a Connectivity Test is Successful to IZGW': { kind: 'connectivity' },
  'TC_01a Connectivity Test is Successful to CDC WSDL': { kind: 'connectivity' },
  'TC_01b Connectivity Test is Successful to IZGW Dev Service': { kind: 'connectivity' },
  'TC_01c Connectivity Test w/ HubRequestHeader is Successful to IZGW': { kind: 'connectivity' },
  'TC_89b Logging Test: Unlogged Message in Dev': 'mockLogging',
  'TC_21D Not Found (Circuit Breaker Thrown)': 'routing',
  'TC_04 after Circuit Breaker Thrown': 'routing',
  'TC_07f Send Hub SOAP Request to the CDC WSDL endpoint resulting in an error': 'hubHeaderRule',
  'TC_08a Send SOAP Request with no DestinationId value': 'routing',
  'TC_08b Send SOAP Request with no DestinationId Element': 'routing',
  'TC_08c Send SOAP Request with no HubHeader': 'routing',
  'TC_11 Request with Invalid Headers Accept: application/json': 'acceptHeader',
  'TC_12a Server Message To Large': { kind: 'fault', fault: 'MessageTooLargeFault', adapt: 'tooLarge' },
  'TC_12b IIS Message To Large for Client': 'destinationFault',
  'TC_12c IIS Message Response Too Large': 'destinationFault',
  'TC_14a Invalid Method: GET': { kind: 'method', fault: 'UnsupportedOperationFault' },
  'TC_14b Invalid Method: PUT': { kind: 'method', fault: 'UnsupportedOperationFault' },
  'TC_14c Invalid Method: DELETE': { kind: 'method', fault: 'UnsupportedOperationFault' },
  'TC_15 Test with invalid characters': { kind: 'fault', fault: 'fault' },
  'TC_20a Send correctly formatted SOAP Request w/ username/password set to endpoint w/o username password configured': {
    kind: 'submit',
    adapt: 'interfaceCredentials',
    msa1: 'AA',
  },
  'TC_23a 2011 Security Fault Testing': { kind: 'fault', fault: 'SecurityFault', adapt: 'wrongPassword' },
  'TC_23a 2011 Security Fault Testing CDC WSDL': { kind: 'fault', fault: 'SecurityFault', adapt: 'wrongPassword' },
  'TC_24a 2014 Security Fault Testing': { kind: 'fault', fault: 'SecurityFault', adapt: 'wrongPassword' },
  'TC_23c 2011 Message Too Large Fault Testing': { kind: 'fault', fault: 'MessageTooLargeFault', adapt: 'tooLarge' },
  'TC_23c 2011 Message Too Large Fault Testing CDC WSDL': { kind: 'fault', fault: 'MessageTooLargeFault', adapt: 'tooLarge' },
  'TC_24c 2014 Message Too Large Fault Testing': { kind: 'fault', fault: 'MessageTooLargeFault', adapt: 'tooLarge' },
  'TC_MOCK_02b: Query for matching patient, by Identifier': 'mockIdentifierOnly',
  'TC_MOCK_04a: Query for matching patient, w/ incorrect DOB, confirm not found with IZ history': { kind: 'query' },
  'TC_MOCK_04c: Query for matching patient, w/ incorrect Name (exceeds limits), confirm NOT found with IZ history': { kind: 'query' },
  'TC_MOCK_03a: - Bad Street Address': 'mockAddressRule',
  'TC_MOCK_03b:- Incorrect City': 'mockAddressRule',
  'TC_MOCK_03c:- Incorrect Zip Code': 'mockAddressRule',
  'TC_MOCK_03d:- Incorrect State': 'mockAddressRule',
  'TC_MOCK_09: Issue VXU for patient, confirm AR returned on message not supported and 200 error code': 'mockNoVxu',
};

/** The verdict on one case: the explicit table first, then the folder or URL it lives in. */
export function verdictOf(c: IzgwCase): NotApplicable | Applicable {
  if (c.folder.startsWith('Not Working')) return 'notWorking';
  const named = BY_NAME[c.name];
  if (named) return named;
  if (c.folder.includes('DEX')) return 'dex';
  if (/build\.txt|icanhazip/.test(c.url)) return 'hubSmoke';
  if (c.folder.includes('Password Change')) return 'passwordMock';
  if (c.folder.includes('Maintenance')) return 'maintenance';
  if (c.folder.includes('Header Methods')) return 'headerRecords';
  if (/\/logs/.test(c.url)) return 'hubLogs';
  if (/\/rest\/|\/swagger\//.test(c.url)) return 'hubOps';
  if (/\?wsdl|\?xsd/.test(c.url)) return { kind: 'wsdl' };
  if (c.folder.includes('Source Attack')) return c.name.includes('Request') ? 'attackFilter' : 'destinationFault';
  if (c.folder.includes('SOAP Faults')) return 'destinationFault';
  const destination = /DestinationId>([^<]*)</.exec(c.soap_request)?.[1];
  if (destination !== undefined && !/^dev$/i.test(destination)) return 'routing';
  if (c.soap_request && !/<urn:HubRequestHeader>|<iis:|urn:cdc:iisb:2011/.test(c.soap_request)) return 'routing';
  if (c.folder.includes('Mock IIS')) return { kind: 'query' };
  if (c.soap_action?.includes('SubmitSingleMessage') || c.soap_action?.includes('submitSingleMessage'))
    return c.hl7?.startsWith('{{GoodMessage') ? { kind: 'submit', msa1: 'AA' } : { kind: 'submit' };
  throw new Error(`unclassified IZ Gateway case: ${c.name}`);
}

export function izgwCases(): Array<{ c: IzgwCase; verdict: NotApplicable | Applicable }> {
  return readJsonl<IzgwCase>('messages/izgw-hub-testcases.jsonl').map((c) => ({ c, verdict: verdictOf(c) }));
}
