import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { App } from '../../http.ts';
import { resolveActor, SESSION_COOKIE } from './session.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every /api request from its session cookie and enforces the route's declared
 * policy and CSRF token. Authorization is decided here, on the server, for every route.
 */
export function installAuthHooks(app: App, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const policy = req.routeOptions.config.policy;
    if (req.routeOptions.url === undefined) return; // 404s: let the not-found handler answer
    if (!policy)
      throw new AppError('forbidden', `The route ${req.routeOptions.url} declares no access policy and is refused.`, { step: 'policy' });
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await resolveActor(ctx, token, req.ip ?? null) : null;
    if (policy === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('unauthenticated', 'Sign in first (your session may have timed out).');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('forbidden', 'Missing or wrong CSRF token: send the X-CSRF-Token header from GET /api/me.', { step: 'csrf' });
    }
    if (policy === 'session') return;
    if (actor.stage !== 'active') {
      const what = actor.stage === 'password_change' ? 'change your temporary password' : 'set up multi-factor authentication';
      throw new AppError('unauthenticated', `You must ${what} first.`, { step: actor.stage });
    }
    if (policy === 'signed-in') return;
    if (!actor.permissions.has(policy)) {
      throw new AppError('forbidden', `Your access (${actor.scope?.accessType ?? 'none'}) does not allow ${policy}.`, { step: 'policy' });
    }
  });
}
