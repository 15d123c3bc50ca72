import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { verifyCertificate } from './certificate.service.ts';

const VerifyBody = z.object({ code: z.string().trim().min(1, 'Enter the code printed on the certificate').max(20) });

export function registerCertificateRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/certificate-verifications',
    {
      config: {
        policy: 'public',
        // Per client address, far below the API-wide limit: each answer is a guess at a 50-bit code.
        rateLimit: { max: ctx.config.CERTIFICATE_VERIFY_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['certificates'],
        summary: 'Check the code printed on a Certificate of Immunization (no sign-in; rate-limited; audited)',
        body: VerifyBody,
      },
    },
    async (req) => verifyCertificate(ctx, req.body.code, req.ip ?? null),
  );
}
