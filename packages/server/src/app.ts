import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { describeDatabaseFailure } from '@nutmeg/db';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { AppError, type FieldError } from './errors.ts';
import { sendProblem, type App } from './http.ts';
import { logSerializers } from './log-redaction.ts';
import { parseQueryString, refuseUnsafeText } from './input-guard.ts';
import { DEFAULT_BODY_LIMIT, installAuthHooks, registerPublicContent, registerSessionRoutes } from './modules/access/index.ts';
import { registerAccountsRoutes } from './modules/accounts/index.ts';
import { auditRefusal, registerAuditRoutes } from './modules/audit/index.ts';
import { registerClinicsRoutes } from './modules/clinics/index.ts';
import { registerCodesRoutes } from './modules/codes/index.ts';
import { registerHealthRoutes } from './modules/health/index.ts';
import { registerHl7Routes } from './modules/hl7/index.ts';
import { registerImmunizationsRoutes } from './modules/immunizations/index.ts';
import { registerInventoryRoutes } from './modules/inventory/index.ts';
import { registerOutboxRoutes } from './modules/mail/index.ts';
import { registerMergesRoutes } from './modules/merges/index.ts';
import { registerPatientsRoutes } from './modules/patients/index.ts';
import { registerRecommenderRoutes } from './modules/recommender/index.ts';
import { registerReportsRoutes } from './modules/reports/index.ts';
import { registerSchoolsRoutes } from './modules/schools/index.ts';

export const VERSION = '0.1.0';

function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

export interface BuildAppOptions {
  engine: string;
  /** Where log lines go (default stdout); tests capture them to prove no PHI is written. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP app: plugins, the auth hook, every module's routes in one block, one error handler. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger:
      ctx.config.LOG_LEVEL === 'silent'
        ? false
        : { level: ctx.config.LOG_LEVEL, serializers: logSerializers, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // X-Forwarded-For only from the proxies named in TRUST_PROXY (none by default).
    trustProxy: ctx.config.TRUST_PROXY.length ? ctx.config.TRUST_PROXY : false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Slow first starts on a busy machine must not fail plugin registration.
    pluginTimeout: 60_000,
    routerOptions: { querystringParser: parseQueryString },
    frameworkErrors: (err, _req, reply) => {
      // A path whose percent-encoding is not UTF-8 cannot be routed, so no parameter can be named: the path is.
      const field = err.code === 'FST_ERR_BAD_URL' ? 'path' : 'request';
      return sendProblem(
        reply,
        new AppError('invalid', `The ${field} is not valid: ${err.message}`, { fields: [{ path: field, message: err.message }] }),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(rateLimit, { max: ctx.config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: { info: { title: 'Nutmeg IIS API', version: VERSION }, servers: [] },
    transform: jsonSchemaTransform,
  });
  installAuthHooks(app, ctx);
  await registerPublicContent(app, async (scope) => {
    await scope.register(swaggerUi, { routePrefix: '/docs/api' });
    if (fs.existsSync(ctx.config.WEB_DIST)) {
      await scope.register(fastifyStatic, { root: path.resolve(ctx.config.WEB_DIST), wildcard: false });
    }
  });
  app.addHook('preValidation', refuseUnsafeText);
  // API answers carry PHI: no browser or proxy may keep them (back button on a shared clinic computer, caches).
  app.addHook('onSend', async (req, reply) => {
    if ((req.routeOptions.url ?? req.url).startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err, req, reply) => handleError(ctx, err, req, reply));

  // Every module's routes, in one readable block.
  registerAccountsRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerClinicsRoutes(app, ctx);
  registerCodesRoutes(app, ctx);
  registerHealthRoutes(app, ctx, { engine: opts.engine, version: VERSION });
  registerHl7Routes(app, ctx);
  registerImmunizationsRoutes(app, ctx);
  registerInventoryRoutes(app, ctx);
  registerMergesRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerPatientsRoutes(app, ctx);
  registerRecommenderRoutes(app, ctx);
  registerReportsRoutes(app, ctx);
  registerSchoolsRoutes(app, ctx);
  registerSessionRoutes(app, ctx);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return sendProblem(reply, new AppError('not_found', `No API route ${req.method} ${req.url.split('?')[0]}`));
    const index = path.join(ctx.config.WEB_DIST, 'index.html');
    if (req.method === 'GET' && fs.existsSync(index)) return reply.type('text/html').send(fs.createReadStream(index));
    return reply.status(404).send('Not found');
  });
  return app;
}

/** Every error a route throws becomes a problem document: the caller's mistakes a 4xx naming what is wrong, a
 *  database that cannot answer a 503, anything else a logged 500 that discloses nothing. */
async function handleError(ctx: AppContext, err: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    await auditRefusal(ctx, req, err).catch((e: unknown) => req.log.error({ err: e }, 'could not audit a refused request'));
    return sendProblem(reply, err);
  }
  const e = err as {
    validation?: { instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } }[];
    validationContext?: string;
    statusCode?: number;
    message: string;
  };
  if (e.validation) {
    const fields: FieldError[] = e.validation.map((v) => ({
      path: v.params?.issue?.path?.map(String).join('.') || (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'Invalid value',
    }));
    const where = e.validationContext ?? 'request';
    return sendProblem(
      reply,
      new AppError(
        'invalid',
        `The ${where} has ${fields.length} problem${fields.length > 1 ? 's' : ''}: ${fields.map((f) => `${f.path || where}: ${f.message}`).join('; ')}`,
        { fields },
      ),
    );
  }
  if (e.statusCode === 429) return sendProblem(reply, new AppError('rate_limited', 'Too many requests; wait a minute and try again.'));
  // PostgreSQL's data exceptions (class 22: a value it cannot store or read) are the caller's input, not a fault.
  // Schemas and the input guard should have named the field first; this keeps any they miss from being a 500.
  if (isDataException(err)) {
    req.log.warn({ err }, 'a value reached the database that the request schema did not refuse');
    return sendProblem(reply, new AppError('invalid', 'A value in the request is not valid for its field.'));
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.status(e.statusCode).type('application/problem+json').send({ error: 'invalid', title: e.message, status: e.statusCode });
  }
  const unavailable = describeDatabaseFailure(err);
  if (unavailable) {
    req.log.warn(`database unavailable: ${e.message}`);
    return sendProblem(reply, new AppError('unavailable', unavailable));
  }
  req.log.error({ err }, 'unhandled error');
  return reply
    .status(500)
    .type('application/problem+json')
    .send({ error: 'internal', title: 'Something went wrong on the server; it has been logged.', status: 500 });
}
