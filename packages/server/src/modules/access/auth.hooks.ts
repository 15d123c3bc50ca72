import type {} from '@fastify/cookie'; // its types give req.cookies and reply.setCookie wherever this module is compiled
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { App, RouteInfo } from '../../http.ts';
import { resolveActor, SESSION_COOKIE } from './session.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Request bodies are small by default; a route that uploads declares its own `bodyLimit`. */
export const DEFAULT_BODY_LIMIT = 128 * 1024;
/** Routes reachable without a session (sign-in, request an account) need less still. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

/** Marks a plugin scope whose routes are public content (API docs, the web UI's files). */
const PUBLIC_CONTENT = 'nutmegPublicContent';

function sameToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Every route the server has goes through here, /api or not. Its policy is read from the route the
 * router matched (never from the raw URL, which can be spelled many ways: /%61pi/…, //api/…), and a
 * route without a policy is refused. Authentication, the session stage, CSRF and the permission
 * are all decided in onRequest, so nothing of the body is parsed for a caller who is refused.
 */
export function installAuthHooks(app: App, ctx: AppContext): void {
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.decorateRequest('actor', null);

  app.addHook('onRoute', function (this: FastifyInstance, r) {
    if (r.config?.policy === undefined && PUBLIC_CONTENT in this) r.config = { ...r.config, policy: 'public' };
    if (r.bodyLimit === undefined && r.config?.policy === 'public') r.bodyLimit = PUBLIC_BODY_LIMIT;
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, policy: r.config?.policy, schema: r.schema });
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (req.routeOptions.url === undefined) {
      // No route matched: reads go to the not-found handler (the web UI's pages); anything else
      // is answered here, before its body is read.
      if (SAFE_METHODS.has(req.method)) return;
      throw new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    }
    const policy = req.routeOptions.config.policy;
    if (!policy)
      throw new AppError('forbidden', `The route ${req.routeOptions.url} declares no access policy and is refused.`, { step: 'policy' });
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await resolveActor(ctx, token, req.ip ?? null) : null;
    if (policy === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('unauthenticated', 'Sign in first (your session may have timed out).');
    if (!SAFE_METHODS.has(req.method) && !sameToken(req.headers['x-csrf-token'], actor.csrfToken)) {
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

/** Registers plugins (API docs, static files) whose every route is public, in a scope that says so. */
export async function registerPublicContent(app: App, register: (scope: App) => Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.decorate(PUBLIC_CONTENT, true);
    await register(scope);
  });
}
