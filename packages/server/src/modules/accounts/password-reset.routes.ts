import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { originOf, type App } from '../../http.ts';
import * as resets from './password-reset.service.ts';

const ResetBody = z.object({ usernameOrEmail: z.string().trim().min(1, 'Enter your username or e-mail').max(254) });
const CompleteBody = z.object({
  token: z.string().min(20, 'The link is incomplete').max(200),
  newPassword: z.string().min(1, 'Enter a new password').max(200),
});

export function registerPasswordResetRoutes(app: App, ctx: AppContext): void {
  const publicLimit = { max: Math.max(5, Math.floor(ctx.config.RATE_LIMIT_PER_MINUTE / 60)), timeWindow: '1 minute' };

  app.post(
    '/api/password-reset',
    {
      config: { policy: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Mail a password reset link (same answer whether or not the account exists)',
        body: ResetBody,
      },
    },
    async (req) => resets.requestPasswordReset(ctx, req.body.usernameOrEmail, originOf(req)),
  );

  app.post(
    '/api/password-reset/complete',
    {
      config: { policy: 'public', rateLimit: publicLimit },
      schema: { tags: ['accounts'], summary: 'Set a new password with the token from the reset link', body: CompleteBody },
    },
    async (req) => resets.completePasswordReset(ctx, req.body.token, req.body.newPassword, originOf(req)),
  );
}
