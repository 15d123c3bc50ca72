import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import type { Actor, Permission } from './modules/access/index.ts';

/**
 * Every route declares one policy in its config (API docs and the web UI's files are registered
 * through registerPublicContent, which declares 'public' for them); the auth hook enforces it on
 * the matched route, and a route without one is refused at runtime and fails the route-matrix test.
 * - 'public': no sign-in (health, login, request an account)
 * - 'session': any session, including one that must still change its password or enrol MFA
 * - 'signed-in': a fully signed-in user, whatever their modules
 * - a Permission: a signed-in user whose active scope grants it
 */
export type RoutePolicy = 'public' | 'session' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route (HEAD aside) with its declared policy, for the route-matrix test and the attack battery. */
    routeTable: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
  /** The route's zod schemas (body, querystring, params), for tests generated from the route table. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in actor of a route whose policy is not 'public' (the hook guarantees it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return req.actor;
}

export function originOf(req: FastifyRequest): { ip: string | null; userAgent: string | null } {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({ type: `urn:nutmeg:error:${err.kind}`, error: err.kind, title: err.message, status: err.status, ...err.details });
}

/** A file to download (CSV, PDF): its type and name, never kept by a browser or proxy cache (reports carry PHI). */
export function sendDownload(reply: FastifyReply, type: string, filename: string, body: string | Uint8Array): FastifyReply {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(typeof body === 'string' ? body : Buffer.from(body));
}
