import type { Done, Me, SessionStageResult } from '@nutmeg/api-types';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, originOf, type App } from '../../http.ts';
import { login } from './login.service.ts';
import { presentMe } from './session.present.ts';
import * as sessions from './session.service.ts';

const LoginBody = z.object({
  username: z.string().min(1, 'Enter your username').max(100),
  password: z.string().min(1, 'Enter your password').max(200),
  otp: z
    .string()
    .regex(/^\d{6}$/, 'The code has 6 digits')
    .optional(),
});
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
const OtpBody = z.object({ otp: z.string().regex(/^\d{6}$/, 'The code has 6 digits') });
const ScopeBody = z.object({ membershipId: z.string().uuid() });

export function registerSessionRoutes(app: App, ctx: AppContext): void {
  const secure = ctx.config.PUBLIC_URL.startsWith('https:');
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };

  app.post(
    '/api/session',
    {
      config: { policy: 'public' },
      schema: { tags: ['session'], summary: 'Sign in with username, password and TOTP code', body: LoginBody },
    },
    async (req, reply): Promise<SessionStageResult> => {
      const { token, stage } = await login(ctx, req.body, originOf(req));
      reply.setCookie(sessions.SESSION_COOKIE, token, cookieOptions);
      return { stage };
    },
  );

  app.delete(
    '/api/session',
    { config: { policy: 'session' }, schema: { tags: ['session'], summary: 'Sign out' } },
    async (req, reply): Promise<Done> => {
      await sessions.logout(ctx, actorOf(req));
      reply.clearCookie(sessions.SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/me',
    {
      config: { policy: 'session' },
      schema: { tags: ['session'], summary: 'The signed-in user, memberships, active scope and permissions' },
    },
    async (req): Promise<Me> => {
      const actor = actorOf(req);
      return presentMe(actor, await sessions.listMemberships(ctx, actor.userId));
    },
  );

  app.put(
    '/api/session/scope',
    {
      config: { policy: 'signed-in' },
      schema: { tags: ['session'], summary: 'Choose the clinic/organization you are acting for', body: ScopeBody },
    },
    async (req): Promise<Done> => {
      await sessions.switchScope(ctx, actorOf(req), req.body.membershipId);
      return { ok: true };
    },
  );

  registerCredentialRoutes(app, ctx);
}

/** The signed-in user's own credentials: password change and TOTP enrolment. */
function registerCredentialRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/session/password',
    { config: { policy: 'session' }, schema: { tags: ['session'], summary: 'Change your password', body: PasswordBody } },
    async (req) => {
      return sessions.changePassword(ctx, actorOf(req), req.body.currentPassword, req.body.newPassword);
    },
  );

  app.post(
    '/api/session/mfa/setup',
    { config: { policy: 'session' }, schema: { tags: ['session'], summary: 'Start TOTP enrolment: secret and QR code' } },
    async (req) => {
      return sessions.beginMfaEnrollment(ctx, actorOf(req));
    },
  );

  app.post(
    '/api/session/mfa/verify',
    { config: { policy: 'session' }, schema: { tags: ['session'], summary: 'Finish TOTP enrolment with a code', body: OtpBody } },
    async (req) => {
      return sessions.completeMfaEnrollment(ctx, actorOf(req), req.body.otp);
    },
  );
}
