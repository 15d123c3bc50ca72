// Refusals are disclosures too: a 403 says the caller tried, and a 404 that hides an existing patient (out of
// scope, opted out) says whose record they went for. The error handler records both, after the request's
// transaction has rolled back, so the entry is never lost with the refused change.

import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { AppError } from '../../errors.ts';
import { appendActorAudit, appendAudit, type AuditEntry } from './audit.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient a request was about: the :id of every /api/patients/:id… route. */
function patientOf(req: FastifyRequest): string | null {
  const id = (req.params as Record<string, unknown> | undefined)?.id;
  return req.routeOptions.url?.startsWith('/api/patients/:id') && typeof id === 'string' && UUID.test(id) ? id : null;
}

export async function auditRefusal(ctx: AppContext, req: FastifyRequest, err: AppError): Promise<void> {
  const denial = err.denial;
  if (err.status !== 403 && !denial) return;
  const patientId = denial?.patientId ?? patientOf(req);
  const entry: Omit<AuditEntry, 'actorUserId' | 'actorUsername' | 'ip'> = {
    action: denial ? 'patient.access.denied' : 'access.denied',
    outcome: 'denied',
    entityType: patientId ? 'patient' : null,
    entityId: patientId,
    patientId,
    detail: {
      method: req.method,
      route: req.routeOptions.url ?? null,
      status: err.status,
      ...(denial ? { reason: denial.reason } : { step: err.details.step ?? null, message: err.message }),
    },
  };
  const now = ctx.clock.now();
  if (req.actor) await appendActorAudit(ctx.db, req.actor, entry, now);
  else await appendAudit(ctx.db, { ...entry, ip: req.ip ?? null }, now);
}
