// SQL for doses added but not administered (inventory_pending_doses).
import type { PendingDoseStatus } from '@nutmeg/db';
import type { Db } from './stock.repo.ts';

export async function insertPendingDose(
  db: Db,
  p: { organizationId: string; lotId: string; unitId: string; patientId: string; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('inventory_pending_doses')
    .values({
      organization_id: p.organizationId,
      lot_id: p.lotId,
      storage_unit_id: p.unitId,
      patient_id: p.patientId,
      created_by: p.by,
      created_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Resolves an open pending dose of the clinic, once: the WHERE clause makes two resolutions of one pull race to a
 * single winner (the loser gets undefined).
 */
export function resolvePendingDose(
  db: Db,
  r: { id: string; organizationId: string; status: Exclude<PendingDoseStatus, 'pending'>; by: string; at: Date; reason: string | null },
) {
  return db
    .updateTable('inventory_pending_doses')
    .set({ status: r.status, resolved_by: r.by, resolved_at: r.at, resolution_reason: r.reason })
    .where('id', '=', r.id)
    .where('organization_id', '=', r.organizationId)
    .where('status', '=', 'pending')
    .returning(['id', 'lot_id', 'storage_unit_id', 'patient_id'])
    .executeTakeFirst();
}
