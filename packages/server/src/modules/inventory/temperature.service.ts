// The temperature log of a storage unit: readings entered by hand or uploaded from a data logger (current, min,
// max). A reading outside the unit's safe range opens an excursion that holds every lot of the unit "do not use"
// (no dose can be given from it) until the coordinator records the manufacturer's decision: usable again, or
// wasted (ledger 'wasted', spoiled_temperature). DPH reads every clinic's excursions.

import type { ExcursionView, TemperatureLog } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { parseCsv } from '../../csv.ts';
import { conflict, invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { storageUnitsByIds } from '../clinics/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { actsFor, clinicToChange, unitOfClinic, unitToRead } from './inventory.policy.ts';
import { moveStock } from './ledger.service.ts';
import { stockLine, type Db } from './stock.repo.ts';
import { outOfRange, SAFE_RANGE, type Reading } from './temperature.ts';
import * as repo from './temperature.repo.ts';
import type { ExcursionDecisionBody, LoggerUploadBody, ReadingBody } from './temperature.schemas.ts';

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Excursions as the API shows them: clinic and unit named, min/max and duration from the unit's readings. */
export async function presentExcursions(
  db: Db,
  actor: Actor,
  rows: Awaited<ReturnType<typeof repo.excursionsOf>>,
): Promise<ExcursionView[]> {
  const ids = rows.map((r) => r.id);
  const [lots, facts, names, units] = await Promise.all([
    repo.excursionLots(db, ids),
    repo.excursionReadings(db, ids),
    organizationNames(
      db,
      rows.map((r) => r.organization_id),
    ),
    storageUnitsByIds(
      db,
      rows.map((r) => r.storage_unit_id),
    ),
  ]);
  const factsOf = new Map(facts.map((f) => [f.id, f]));
  // The lots grouped once by excursion (the list may hold a thousand excursions).
  const lotsOf = new Map<string, ExcursionView['lots']>();
  for (const l of lots) {
    const list = lotsOf.get(l.excursion_id) ?? lotsOf.set(l.excursion_id, []).get(l.excursion_id)!;
    list.push({ lotId: l.lot_id, lotNumber: l.lot_number, tradeName: l.trade_name });
  }
  return rows.map((r) => {
    const f = factsOf.get(r.id);
    const end = f?.ends_at ?? f?.last_out_at ?? r.first_read_at;
    return {
      id: r.id,
      clinic: { id: r.organization_id, name: names.get(r.organization_id) ?? '' },
      storageUnitId: r.storage_unit_id,
      unitName: units.get(r.storage_unit_id)?.name ?? '',
      firstReadAt: r.first_read_at.toISOString(),
      shipmentId: r.shipment_id,
      worstC: num(r.worst_c),
      minC: num(f?.min_c ?? null),
      maxC: num(f?.max_c ?? null),
      backInRangeAt: f?.back_in_range_at?.toISOString() ?? null,
      durationMinutes: Math.max(0, Math.round((end.getTime() - r.first_read_at.getTime()) / 60_000)),
      status: r.status,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decisionNote: r.decision_note,
      lots: lotsOf.get(r.id) ?? [],
      canDecide: r.status === 'open' && actsFor(actor, r.organization_id),
    };
  });
}

export async function temperatureLog(ctx: AppContext, actor: Actor, unitId: string): Promise<TemperatureLog> {
  const unit = await unitToRead(ctx.db, actor, unitId);
  const [readings, excursions] = await Promise.all([repo.readingsOf(ctx.db, unitId), repo.excursionsOf(ctx.db, { unitId })]);
  return {
    range: SAFE_RANGE[unit.kind],
    readings: readings.map((r) => ({
      id: r.id,
      readAt: r.read_at.toISOString(),
      currentC: Number(r.current_c),
      minC: num(r.min_c),
      maxC: num(r.max_c),
      source: r.source,
      outOfRange: r.out_of_range,
    })),
    excursions: await presentExcursions(ctx.db, actor, excursions),
    canRecord: actsFor(actor, unit.organizationId),
  };
}

/** Records readings of one unit; any outside its range opens one excursion (the unit's lots held) or joins the open one. */
async function recordReadings(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  readings: ReadonlyArray<Reading & { readAt: Date }>,
  source: 'manual' | 'logger',
): Promise<TemperatureLog> {
  const clinic = clinicToChange(actor, 'A clinic’s coordinators keep its temperature log.');
  const unit = await unitOfClinic(ctx.db, clinic.id, unitId, { active: true });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const checked = readings.map((r) => ({ ...r, bad: outOfRange(unit.kind, r) }));
    await repo.insertReadings(
      trx,
      checked.map((r) => ({
        organization_id: clinic.id,
        storage_unit_id: unitId,
        read_at: r.readAt,
        current_c: r.currentC,
        min_c: r.minC ?? null,
        max_c: r.maxC ?? null,
        source,
        out_of_range: r.bad.length > 0,
        recorded_by: actor.userId,
        recorded_at: now,
      })),
    );
    const bad = checked.filter((r) => r.bad.length > 0);
    if (bad.length === 0) return;
    const worst = bad.map((r) => r.bad[0]!).sort((a, b) => Math.abs(b) - Math.abs(a))[0]!;
    const first = bad.map((r) => r.readAt).sort((a, b) => a.getTime() - b.getTime())[0]!;
    // A unit still out of range keeps one excursion: its readings join the open one instead of opening another.
    const going = await repo.openExcursionAt(trx, unitId, first);
    const e = { organizationId: clinic.id, unitId, firstReadAt: first, worstC: worst, at: now };
    if (going) await repo.extendExcursion(trx, { ...e, id: going });
    const id = going ?? (await repo.openExcursion(trx, e));
    await appendActorAudit(
      trx,
      actor,
      {
        action: going ? 'inventory.excursion.extend' : 'inventory.excursion.open',
        entityType: 'storage_unit',
        entityId: unitId,
        detail: { excursionId: id, worstC: worst },
      },
      now,
    );
  });
  return temperatureLog(ctx, actor, unitId);
}

export function recordReading(ctx: AppContext, actor: Actor, unitId: string, body: ReadingBody): Promise<TemperatureLog> {
  return recordReadings(ctx, actor, unitId, [{ ...body, readAt: new Date(body.readAt) }], 'manual');
}

/** A data logger's CSV (header: time, current, min, max); a bad row is named by its line and nothing is recorded. */
export function readingsFromCsv(text: string): Array<Reading & { readAt: Date }> {
  const [header, ...rows] = parseCsv(text);
  const names = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const col = (n: string) => names.indexOf(n);
  if (col('time') < 0 || col('current') < 0)
    throw invalid('The file’s header needs the columns time, current, min, max', [
      { path: 'csv', message: 'The header needs time and current (and min, max)' },
    ]);
  if (rows.length === 0 || rows.length > 5000)
    throw invalid('The file needs 1 to 5000 readings', [{ path: 'csv', message: 'The file needs 1 to 5000 readings' }]);
  return rows.map((r) => {
    const cell = (n: string) => (col(n) >= 0 ? (r.cells[col(n)] ?? '').trim() : '');
    const value = (n: string) => (cell(n) === '' ? null : Number(cell(n)));
    const readAt = new Date(cell('time'));
    const reading = { readAt, currentC: value('current'), minC: value('min'), maxC: value('max') };
    const bad = [reading.currentC, reading.minC, reading.maxC].some((v) => v !== null && (!Number.isFinite(v) || v < -120 || v > 60));
    if (Number.isNaN(readAt.getTime()) || reading.currentC === null || bad) {
      const message = `Line ${r.line}: a time (ISO 8601 with its offset) and temperatures in °C`;
      throw invalid(message, [{ path: 'csv', message }]);
    }
    return { ...reading, currentC: reading.currentC };
  });
}

export function uploadLogger(ctx: AppContext, actor: Actor, unitId: string, body: LoggerUploadBody): Promise<TemperatureLog> {
  return recordReadings(ctx, actor, unitId, readingsFromCsv(body.csv), 'logger');
}

/** The manufacturer's decision on an excursion, recorded once: the held lots are usable again or wasted. */
export async function decideExcursion(ctx: AppContext, actor: Actor, id: string, body: ExcursionDecisionBody): Promise<TemperatureLog> {
  const clinic = clinicToChange(actor, 'The clinic’s coordinators record the manufacturer’s decision.');
  const now = ctx.clock.now();
  const unitId = await ctx.db.transaction().execute(async (trx) => {
    const status = body.decision;
    const row = await repo.decideExcursion(trx, {
      id,
      organizationId: clinic.id,
      status,
      by: actor.userId,
      at: now,
      note: body.note?.trim() || null,
    });
    if (!row) throw conflict('This excursion was decided already (or is not your clinic’s)', { step: 'status' });
    const lotIds = (await repo.excursionLots(trx, [id])).map((l) => l.lot_id);
    if (status === 'wasted')
      for (const lotId of lotIds) {
        const line = await stockLine(trx, lotId, row.storage_unit_id);
        if (line && line.on_hand > 0)
          await moveStock(trx, {
            organizationId: clinic.id,
            lotId,
            storageUnitId: row.storage_unit_id,
            kind: 'wasted',
            quantity: -line.on_hand,
            reason: 'spoiled_temperature',
            note: body.note?.trim() || 'temperature excursion: manufacturer advised not to use',
            referenceKind: 'excursion',
            referenceId: id,
            recordedBy: actor.userId,
            at: now,
          });
      }
    await repo.releaseHold(trx, row.storage_unit_id, lotIds, now);
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.excursion.decide',
        entityType: 'storage_unit',
        entityId: row.storage_unit_id,
        detail: { excursionId: id, decision: status },
      },
      now,
    );
    return row.storage_unit_id;
  });
  return temperatureLog(ctx, actor, unitId);
}
