// POST /api/hl7/soap: the CDC IIS SOAP Web Service (2011 and 2014 namespaces). connectivityTest echoes;
// submitSingleMessage takes the interface's user name and secret (the request's Username/Password, or HTTP
// Basic) and answers with the same ACK or RSP as the HTTP transport. Faults as the WSDL defines them (HTTP 500,
// SOAP 1.2 Fault with the fault element in Detail).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { authenticateInterface, interfaceFromAuthorization } from './interface.service.ts';
import { receiveMessage } from './receive.service.ts';
import { readSoapRequest, soapFault, soapResponse, SoapReadError } from './soap.ts';

/** The largest HL7 message a SOAP request may carry (MessageTooLargeFault above it). */
export const SOAP_MAX_MESSAGE = 4 * 1024 * 1024;
const SOAP_BODY_LIMIT = 2 * SOAP_MAX_MESSAGE;
const SOAP_TYPES = ['application/soap+xml', 'text/xml', 'application/xml'];
// The CDC's 2014 WSDL and its schema (../shared/hl7/wsdl, the *.local variant that imports the sibling XSD).
const WSDL_DIR = path.resolve(import.meta.dirname, '../../../assets/hl7/wsdl');
const PublishedQuery = z.object({ wsdl: z.string().max(0).optional(), xsd: z.enum(['cdc-iis.xsd', '/cdc-iis.xsd']).optional() });

/**
 * The WSDL with the configured public address and schema location, and the schema, read once. The address comes
 * from PUBLIC_URL, never from the request's Host header (a forged one would be published to the client).
 */
function publishedDocuments(ctx: AppContext): { wsdl: string; xsd: string } {
  const origin = ctx.config.PUBLIC_URL.replace(/\/$/, '');
  // Replacer functions: a replacement string would expand `$&` and the like found in the address.
  const wsdl = fs
    .readFileSync(path.join(WSDL_DIR, 'cdc-iis.wsdl'), 'utf8')
    .replace('schemaLocation="cdc-iis.xsd"', () => `schemaLocation="${origin}/api/hl7/soap?xsd=cdc-iis.xsd"`)
    .replace(/<soap12:address location="[^"]*"/, () => `<soap12:address location="${origin}/api/hl7/soap"`);
  return { wsdl, xsd: fs.readFileSync(path.join(WSDL_DIR, 'cdc-iis.xsd'), 'utf8') };
}

/** The WSDL or the schema asked for; undefined for anything else. */
function published(q: z.infer<typeof PublishedQuery>, docs: { wsdl: string; xsd: string }): string | undefined {
  if (q.xsd) return docs.xsd;
  return q.wsdl === undefined ? undefined : docs.wsdl;
}

export function registerSoapRoutes(app: App, ctx: AppContext): void {
  const docs = publishedDocuments(ctx);
  void app.register(async (scope) => {
    scope.addContentTypeParser(SOAP_TYPES, { parseAs: 'string', bodyLimit: SOAP_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/hl7/soap',
      {
        config: { policy: 'public', rateLimit: false },
        bodyLimit: SOAP_BODY_LIMIT,
        schema: { tags: ['hl7'], summary: 'CDC IIS SOAP Web Service: submitSingleMessage, connectivityTest (urn:cdc:iisb:2011 and 2014)' },
      },
      async (req, reply) => {
        const send = (status: number, xml: string) => reply.status(status).type('application/soap+xml; charset=utf-8').send(xml);
        let request;
        try {
          request = readSoapRequest(typeof req.body === 'string' ? req.body : '');
        } catch (e) {
          if (e instanceof SoapReadError) return send(500, soapFault(null, 'UnknownFault', e.message));
          throw e;
        }
        if (request.operation === 'unsupported')
          return send(
            500,
            soapFault(request.version, 'UnsupportedOperationFault', `Operation ${request.name.slice(0, 80)} is not supported`),
          );
        if (request.operation === 'connectivityTest') return send(200, soapResponse(request.version, 'connectivityTest', request.echoBack));
        const sender =
          request.username && request.password
            ? await authenticateInterface(ctx.db, request.username, request.password)
            : await interfaceFromAuthorization(ctx.db, req.headers.authorization);
        if (!sender) return send(500, soapFault(request.version, 'SecurityFault', 'Unknown user name or wrong password'));
        const size = Buffer.byteLength(request.hl7Message, 'utf8');
        if (size > SOAP_MAX_MESSAGE)
          return send(
            500,
            soapFault(request.version, 'MessageTooLargeFault', 'The message is too large', { size, maxSize: SOAP_MAX_MESSAGE }),
          );
        const answer = await receiveMessage(ctx, { raw: request.hl7Message, transport: 'soap', sender, ip: req.ip ?? null });
        if (answer.failure) req.log.warn(`hl7 message ${answer.messageId} failed: ${answer.failure}`);
        return send(200, soapResponse(request.version, 'submitSingleMessage', answer.response));
      },
    );
    const unsupported = (method: string) =>
      soapFault(null, 'UnsupportedOperationFault', `HTTP ${method} is not supported: POST a SOAP 1.2 envelope`);
    // GET ?wsdl and ?xsd=cdc-iis.xsd publish the service's description; any other GET, and the other methods,
    // are answered as the WSDL's unsupported operation, not a 404.
    scope.get(
      '/api/hl7/soap',
      {
        config: { policy: 'public', rateLimit: false },
        schema: { querystring: PublishedQuery, tags: ['hl7'], summary: 'The CDC IIS WSDL (?wsdl) and schema (?xsd=cdc-iis.xsd)' },
      },
      async (req, reply) => {
        const doc = published(PublishedQuery.parse(req.query), docs);
        if (doc !== undefined) return reply.type('text/xml; charset=utf-8').send(doc);
        return reply.status(500).type('application/soap+xml; charset=utf-8').send(unsupported('GET'));
      },
    );
    scope.route({
      method: ['PUT', 'DELETE', 'PATCH'],
      url: '/api/hl7/soap',
      config: { policy: 'public', rateLimit: false },
      schema: { tags: ['hl7'], summary: 'Any method but POST and GET: UnsupportedOperationFault' },
      handler: async (req, reply) => reply.status(500).type('application/soap+xml; charset=utf-8').send(unsupported(req.method)),
    });
  });
}
