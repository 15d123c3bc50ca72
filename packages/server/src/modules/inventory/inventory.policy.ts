// Record scope of inventory, declared once: a clinic's coordinators see and move only the stock of the clinic they
// act for; DPH's vaccine-program staff see every clinic's (and decide orders, returns and transfers). Which
// action needs which permission is the routes' policy (inventory:read / inventory:write / inventory:approve).

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { storageUnitById, type StorageUnit } from '../clinics/index.ts';
import { findOrganization } from '../organizations/index.ts';

export interface ClinicRef {
  id: string;
  name: string;
}

/** The clinic whose stock the actor reads: their own, or for DPH the one named. Another clinic's is "not found". */
export async function clinicToRead(db: Kysely<Database>, actor: Actor, organizationId: string | undefined): Promise<ClinicRef> {
  if (isStatewide(actor)) {
    if (!organizationId) throw invalid('Choose a clinic', [{ path: 'organizationId', message: 'Choose a clinic' }]);
    const o = await findOrganization(db, organizationId);
    if (!o || o.kind !== 'clinic') throw notFound('The clinic');
    return { id: o.id, name: o.name };
  }
  const s = actor.scope;
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  if (organizationId && organizationId !== s.organizationId) throw notFound('The clinic');
  return { id: s.organizationId, name: s.organizationName };
}

/** The clinic whose stock the actor moves: only the one they act for (DPH decides, but does not count a clinic's vials). */
export function clinicToChange(actor: Actor, dphRefusal = 'The clinic’s coordinators keep its stock; DPH can read it.'): ClinicRef {
  if (isStatewide(actor)) throw forbidden(dphRefusal);
  const s = actor.scope;
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  return { id: s.organizationId, name: s.organizationName };
}

export function actsFor(actor: Actor, clinicId: string): boolean {
  return !isStatewide(actor) && actor.scope?.organizationKind === 'clinic' && actor.scope.organizationId === clinicId;
}

/** A storage unit of the clinic (404 for another clinic's, never telling it exists); `active` refuses a retired one. */
export async function unitOfClinic(
  db: Kysely<Database>,
  clinicId: string,
  unitId: string,
  opts: { active?: boolean; field?: string } = {},
): Promise<StorageUnit> {
  const unit = await storageUnitById(db, unitId);
  if (!unit || unit.organizationId !== clinicId) throw notFound('The storage unit');
  if (opts.active && !unit.active) {
    const message = 'This storage unit is retired; choose an active one';
    throw invalid(message, [{ path: opts.field ?? 'storageUnitId', message }]);
  }
  return unit;
}

/** A unit whose stock the actor reads: any for DPH, their own clinic's for a coordinator. */
export async function unitToRead(db: Kysely<Database>, actor: Actor, unitId: string): Promise<StorageUnit> {
  if (isStatewide(actor)) {
    const unit = await storageUnitById(db, unitId);
    if (!unit) throw notFound('The storage unit');
    return unit;
  }
  const s = actor.scope;
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  return unitOfClinic(db, s.organizationId, unitId);
}
