// POST /api/hl7/v2: one HL7 message as the body (text), the interface's credentials in the Authorization header
// (HTTP Basic user:secret, or Bearer secret). The answer is the ACK (or RSP) as text, status 200 whatever MSA-1
// says; 401 only when the credentials are missing or wrong (nothing is stored then: the sender is unknown).
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { interfaceFromAuthorization } from './interface.service.ts';
import { receiveMessage } from './receive.service.ts';

/** The largest message accepted (a 3 MB message with its envelope). */
export const HL7_BODY_LIMIT = 4 * 1024 * 1024;
const HL7_TYPES = ['text/plain', 'application/hl7-v2', 'x-application/hl7-v2+er7', 'application/edi-hl7'];

export function registerTransportRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(HL7_TYPES, { parseAs: 'string', bodyLimit: HL7_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/hl7/v2',
      {
        config: { policy: 'public', rateLimit: false },
        bodyLimit: HL7_BODY_LIMIT,
        schema: { tags: ['hl7'], summary: 'Submit one HL7 v2 message (VXU, QBP); Basic or Bearer credentials of an interface' },
      },
      async (req, reply) => {
        const sender = await interfaceFromAuthorization(ctx.db, req.headers.authorization);
        if (!sender) {
          return reply
            .status(401)
            .header('www-authenticate', 'Basic realm="Nutmeg HL7", charset="UTF-8"')
            .type('application/problem+json')
            .send({ error: 'unauthenticated', title: 'Send the interface’s credentials (HTTP Basic or Bearer).', status: 401 });
        }
        const raw = typeof req.body === 'string' ? req.body : '';
        const answer = await receiveMessage(ctx, { raw, transport: 'http', sender, ip: req.ip ?? null });
        if (answer.failure) req.log.warn(`hl7 message ${answer.messageId} failed: ${answer.failure}`);
        return reply.type('application/hl7-v2; charset=utf-8').send(answer.response);
      },
    );
  });
}
