// Storage units: the refrigerators and freezers where a clinic keeps vaccine (VFC: each with a digital data
// logger). Kept by the clinic's coordinators and signers, read by DPH; inventory reads them through index.ts.

import type { Kysely } from 'kysely';
import type { Database, StorageUnitKind } from '@nutmeg/db';
import type { StorageUnitList, StorageUnitView } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { actsFor, clinicToChange, clinicToRead } from './clinics.policy.ts';
import * as repo from './storage-unit.repo.ts';
import { presentStorageUnit } from './storage-unit.present.ts';

type Db = Kysely<Database>;

/** What other modules (inventory) know about a unit. */
export interface StorageUnit {
  id: string;
  organizationId: string;
  name: string;
  kind: StorageUnitKind;
  make: string | null;
  model: string | null;
  dataLoggerId: string | null;
  active: boolean;
}

/** What other modules see of a unit: the presented shape without the edit bookkeeping. */
function toUnit(r: repo.StorageUnitRow): StorageUnit {
  const { version: _version, updatedAt: _updatedAt, ...unit } = presentStorageUnit(r);
  return unit;
}

/** The clinic's units, retired ones included (active first). */
export async function storageUnitsOf(db: Db, organizationId: string): Promise<StorageUnit[]> {
  return (await repo.unitsOf(db, organizationId)).map(toUnit);
}

export async function storageUnitById(db: Db, id: string): Promise<StorageUnit | undefined> {
  const r = await repo.unitById(db, id);
  return r && toUnit(r);
}

/** Several units at once (a statewide list naming each row's unit), by id. */
export async function storageUnitsByIds(db: Db, ids: readonly string[]): Promise<Map<string, StorageUnit>> {
  return new Map((await repo.unitsByIds(db, [...new Set(ids)])).map((r) => [r.id, toUnit(r)]));
}

export interface StorageUnitInput {
  name: string;
  kind: StorageUnitKind;
  make?: string | null | undefined;
  model?: string | null | undefined;
  dataLoggerId?: string | null | undefined;
}

const DPH_REFUSAL = 'The clinic keeps its own storage units; DPH can read them.';

export async function listStorageUnits(ctx: AppContext, actor: Actor, organizationId?: string): Promise<StorageUnitList> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const rows = await repo.unitsOf(ctx.db, clinic.id);
  return { clinic, units: rows.map(presentStorageUnit), canEdit: actsFor(actor, clinic.id) };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
const nameTaken = (name: string) =>
  invalid('Another unit of the clinic has that name', [{ path: 'name', message: `The clinic already has a unit named “${name}”` }]);

export async function addStorageUnit(ctx: AppContext, actor: Actor, input: StorageUnitInput): Promise<StorageUnitView> {
  const clinic = clinicToChange(actor, DPH_REFUSAL);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.insertUnit(trx, {
        organization_id: clinic.id,
        name: input.name,
        kind: input.kind,
        make: input.make ?? null,
        model: input.model ?? null,
        data_logger_id: input.dataLoggerId ?? null,
        created_at: now,
        updated_at: now,
      });
      await appendActorAudit(
        trx,
        actor,
        {
          organizationId: clinic.id,
          action: 'storage-unit.add',
          entityType: 'storage_unit',
          entityId: row.id,
          detail: { name: row.name, kind: row.kind },
        },
        now,
      );
      return presentStorageUnit(row);
    });
  } catch (err) {
    // Two active units of a clinic never share a name: the unique index decides, even for concurrent adds.
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

export async function updateStorageUnit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: StorageUnitInput & { active: boolean; version: number },
): Promise<StorageUnitView> {
  const clinic = clinicToChange(actor, DPH_REFUSAL);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const before = await repo.unitById(trx, id);
      if (!before || before.organization_id !== clinic.id) throw notFound('The storage unit');
      const after = await repo.updateUnit(
        trx,
        { id, organizationId: clinic.id, version: input.version },
        {
          name: input.name,
          kind: input.kind,
          make: input.make ?? null,
          model: input.model ?? null,
          data_logger_id: input.dataLoggerId ?? null,
          active: input.active,
        },
        now,
      );
      if (!after)
        throw conflict('Someone changed this unit since you opened it; reload and edit again.', { currentVersion: before.version });
      await appendActorAudit(
        trx,
        actor,
        {
          organizationId: clinic.id,
          action: after.active === before.active ? 'storage-unit.edit' : after.active ? 'storage-unit.reactivate' : 'storage-unit.retire',
          entityType: 'storage_unit',
          entityId: id,
          detail: { changed: changedFields(before, after) },
        },
        now,
      );
      return presentStorageUnit(after);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

const COMPARED = ['name', 'kind', 'make', 'model', 'data_logger_id', 'active'] as const;

/** Which fields an edit changed, each with its value before and after (units hold no patient data). */
function changedFields(before: repo.StorageUnitRow, after: repo.StorageUnitRow): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of COMPARED) if (before[k] !== after[k]) out[k] = { from: before[k], to: after[k] };
  return out;
}
