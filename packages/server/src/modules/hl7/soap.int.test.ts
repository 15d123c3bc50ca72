import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage, valueAt } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { readJsonl, registerInterface, type TestInterface } from './hl7.testing.ts';

const BASELINE = readJsonl<{ text: string }>('messages/derived-aart-not-accepted.jsonl')[0]!.text;
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;');

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header/><soap:Body>${body}</soap:Body></soap:Envelope>`;
}
const submit2014 = (u: string, p: string, hl7: string) =>
  envelope(
    `<iis:SubmitSingleMessageRequest xmlns:iis="urn:cdc:iisb:2014"><iis:Username>${u}</iis:Username><iis:Password>${p}</iis:Password><iis:FacilityID>X68</iis:FacilityID><iis:Hl7Message>${xmlText(hl7)}</iis:Hl7Message></iis:SubmitSingleMessageRequest>`,
  );
const submit2011 = (u: string, p: string, hl7: string) =>
  envelope(
    `<iis:submitSingleMessage xmlns:iis="urn:cdc:iisb:2011"><iis:username>${u}</iis:username><iis:password>${p}</iis:password><iis:facilityID>X68</iis:facilityID><iis:hl7Message><![CDATA[${hl7}]]></iis:hl7Message></iis:submitSingleMessage>`,
  );

function unxml(s: string): string {
  return s.replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the CDC IIS SOAP web service', () => {
  let s: TestServer;
  let iface: TestInterface;
  beforeAll(async () => {
    s = await createTestServer();
    iface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
  });
  afterAll(async () => {
    await s.shutdown();
  });
  const post = (xml: string) =>
    s.app.inject({ method: 'POST', url: '/api/hl7/soap', headers: { 'content-type': 'application/soap+xml' }, payload: xml });

  it('answers connectivityTest in both namespaces by echoing', async () => {
    const r14 = await post(
      envelope(
        '<iis:ConnectivityTestRequest xmlns:iis="urn:cdc:iisb:2014"><iis:EchoBack>ping &amp; pong</iis:EchoBack></iis:ConnectivityTestRequest>',
      ),
    );
    expect(r14.statusCode).toBe(200);
    expect(r14.body).toContain('<iis:ConnectivityTestResponse xmlns:iis="urn:cdc:iisb:2014"><iis:EchoBack>ping &amp; pong</iis:EchoBack>');
    const r11 = await post(
      envelope('<iis:connectivityTest xmlns:iis="urn:cdc:iisb:2011"><iis:echoBack>hello</iis:echoBack></iis:connectivityTest>'),
    );
    expect(r11.body).toContain('<iis:return>hello</iis:return>');
  });

  it('submitSingleMessage (2014, CR as &#13;) answers the ACK the HTTP transport gives', async () => {
    const res = await post(submit2014(iface.username, iface.secret, BASELINE));
    expect(res.statusCode).toBe(200);
    const hl7 = unxml(/<iis:Hl7Message>([\s\S]*)<\/iis:Hl7Message>/.exec(res.body)![1]!);
    const ack = parseMessage(hl7);
    expect(valueAt(ack, 'MSA-1')).toBe('AA');
    expect(valueAt(ack, 'MSA-2')).toBe('NIST-IZ-001.00');
  });

  it('submitSingleMessage (2011, CDATA) answers in the 2011 namespace', async () => {
    const res = await post(submit2011(iface.username, iface.secret, BASELINE));
    expect(res.body).toContain('<iis:submitSingleMessageResponse xmlns:iis="urn:cdc:iisb:2011"><iis:return>MSH|');
  });

  it('answers bad credentials with a SecurityFault (HTTP 500, nothing stored)', async () => {
    const before = await s.ctx.db
      .selectFrom('hl7_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(submit2014(iface.username, 'wrong', BASELINE));
    expect(res.statusCode).toBe(500);
    expect(res.body).toMatch(/<soap:Fault>.*<iis:SecurityFault xmlns:iis="urn:cdc:iisb:2014">/);
    const after = await s.ctx.db
      .selectFrom('hl7_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers an unknown operation with UnsupportedOperationFault, and a message over the limit with MessageTooLargeFault', async () => {
    const unknown = await post(envelope('<iis:SubmitBatchRequest xmlns:iis="urn:cdc:iisb:2014"/>'));
    expect(unknown.body).toContain('UnsupportedOperationFault');
    const big = BASELINE + `\rNTE|1||${'x'.repeat(4 * 1024 * 1024)}`;
    const res = await post(submit2014(iface.username, iface.secret, big));
    expect(res.statusCode).toBe(500);
    expect(res.body).toMatch(/MessageTooLargeFault.*<iis:MaxSize>4194304<\/iis:MaxSize>/);
  });

  it('never expands entities: a DOCTYPE (XXE, billion laughs) is refused with a fault', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${envelope('<iis:ConnectivityTestRequest xmlns:iis="urn:cdc:iisb:2014"><iis:EchoBack>&e;&b;</iis:EchoBack></iis:ConnectivityTestRequest>').replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    const res = await post(xxe);
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('soap:Fault');
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('aaaaaaaaaa');
  });

  it('publishes the WSDL with the configured public address, never a forged Host header', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/hl7/soap?wsdl', headers: { host: 'evil.example:666' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('evil.example');
    const base = s.ctx.config.PUBLIC_URL.replace(/\/$/, '');
    expect(res.body).toContain(`<soap12:address location="${base}/api/hl7/soap"`);
    expect(res.body).toContain(`schemaLocation="${base}/api/hl7/soap?xsd=cdc-iis.xsd"`);
  });

  it('answers a control character written as a character reference (&#x0B;) with the same fault as a raw one', async () => {
    const res = await post(
      envelope(
        '<iis:ConnectivityTestRequest xmlns:iis="urn:cdc:iisb:2014"><iis:EchoBack>a&#x0B;b</iis:EchoBack></iis:ConnectivityTestRequest>',
      ),
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('U+000B is not allowed in XML');
    expect(res.body).not.toContain('ConnectivityTestResponse');
  });
});
