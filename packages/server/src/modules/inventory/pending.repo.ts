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

/**
 * Marks a pull given, once, when the dose form records it for the same patient, lot and unit: two recordings of
 * one pull race to a single winner (the loser gets undefined).
 */
export function givePendingDose(
  db: Db,
  g: { id: string; organizationId: string; patientId: string; lotId: string; unitId: string; by: string | null; at: Date },
) {
  return db
    .updateTable('inventory_pending_doses')
    .set({ status: 'administered', resolved_by: g.by, resolved_at: g.at, resolution_reason: 'recorded on the patient record' })
    .where('id', '=', g.id)
    .where('organization_id', '=', g.organizationId)
    .where('patient_id', '=', g.patientId)
    .where('lot_id', '=', g.lotId)
    .where('storage_unit_id', '=', g.unitId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/**
 * The patient's open pulls of a vaccine at the clinic that can be given on `onDate` (lot not held do-not-use, not
 * expired), with their lot, for the dose form. On-hand is not asked: a pulled dose has already left the stock.
 */
export function openPullsOfPatient(db: Db, organizationId: string, patientId: string, cvx: string, onDate: string) {
  return db
    .selectFrom('inventory_pending_doses as p')
    .innerJoin('inventory_lots as l', 'l.id', 'p.lot_id')
    .innerJoin('inventory_stock as s', (j) => j.onRef('s.lot_id', '=', 'p.lot_id').onRef('s.storage_unit_id', '=', 'p.storage_unit_id'))
    .select([
      'p.id',
      'p.lot_id',
      'p.storage_unit_id',
      's.on_hand',
      'l.ndc',
      'l.mvx',
      'l.trade_name',
      'l.lot_number',
      'l.expiration_date',
      'l.funding_source',
    ])
    .where('p.organization_id', '=', organizationId)
    .where('p.patient_id', '=', patientId)
    .where('p.status', '=', 'pending')
    .where('l.cvx', '=', cvx)
    .where('s.do_not_use', '=', false)
    .where('l.expiration_date', '>=', onDate)
    .orderBy('p.created_at')
    .execute();
}
