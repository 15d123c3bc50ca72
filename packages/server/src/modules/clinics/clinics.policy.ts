// Record scope of clinic tools, declared once: a clinic's people see and change only their own clinic (the one
// they are acting for); DPH sees every clinic. Which actions need which permission is the routes' policy.

import { isStatewide, type Actor } from '../access/index.ts';
import { findOrganization, type Organization } from '../organizations/index.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export interface ClinicRef {
  id: string;
  name: string;
  pin: string | null;
}

function ref(o: Organization): ClinicRef {
  return { id: o.id, name: o.name, pin: o.pin };
}

/**
 * The clinic whose records the actor reads: their own, or for DPH the one named. A clinic user naming another
 * clinic gets "not found" (never whether it exists).
 */
export async function clinicToRead(db: Kysely<Database>, actor: Actor, organizationId: string | undefined): Promise<ClinicRef> {
  if (isStatewide(actor)) {
    if (!organizationId) throw invalid('Name the clinic', [{ path: 'organizationId', message: 'Choose a clinic' }]);
    const o = await findOrganization(db, organizationId);
    if (!o || o.kind !== 'clinic') throw notFound('The clinic');
    return ref(o);
  }
  const s = actor.scope;
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  if (organizationId && organizationId !== s.organizationId) throw notFound('The clinic');
  return { id: s.organizationId, name: s.organizationName, pin: s.pin };
}

/** The clinic whose records the actor changes: only the one they act for (DPH reads but does not keep them). */
export function clinicToChange(actor: Actor, dphRefusal = 'The clinic keeps these records; DPH can read them.'): ClinicRef {
  const s = actor.scope;
  if (isStatewide(actor)) throw forbidden(dphRefusal);
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  return { id: s.organizationId, name: s.organizationName, pin: s.pin };
}

/** True when the actor may change the clinic's records (they act for it). */
export function actsFor(actor: Actor, clinicId: string): boolean {
  return !isStatewide(actor) && actor.scope?.organizationKind === 'clinic' && actor.scope.organizationId === clinicId;
}
