// Test helper of the inventory database tests: a server with the clinic's coordinator signed in, a storage unit
// (made through the clinic-tools route, as a coordinator would) and requests as any demo user.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Call = (method: Method, url: string, payload?: object) => Promise<LightMyRequestResponse>;

/** VAQTA (hepatitis A, pediatric), carton of 10 single-dose vials: CDC lists its doses per package. */
export const VAQTA_NDC = '00006-4095-02';

export interface InventoryWorld {
  s: TestServer;
  clinicId: string;
  /** A request as the Primary Vaccine Coordinator of Elm City Pediatrics (CT1001). */
  coord: Call;
  as: (username: string) => Promise<Call>;
  addUnit: (name: string, kind?: 'refrigerator' | 'freezer' | 'ultra_cold') => Promise<string>;
}

/**
 * An approved CVP agreement covering the clinic's year, written straight into the clinics module's table: the
 * signing cycle has its own tests, ordering only needs its outcome.
 */
export async function approveCvpAgreement(w: InventoryWorld, organizationId = w.clinicId, year = 2026): Promise<void> {
  const user = await w.s.ctx.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
  await w.s.ctx.db
    .insertInto('provider_agreements')
    .values({
      organization_id: organizationId,
      program: 'cvp',
      program_year: year,
      revision: 1,
      status: 'approved',
      conditions_version: 'CT-CVP-2026.1',
      conditions_text: 'test',
      valid_from: `${year}-01-01`,
      valid_until: `${year}-12-31`,
      created_by: user.id,
    })
    .execute();
}

/** Reconciles a unit with every lot counted as expected (an empty unit: no lines). */
export async function reconcileAsExpected(w: InventoryWorld, unitId: string): Promise<void> {
  const stock = (await w.coord('GET', `/api/inventory/units/${unitId}/stock`)).json() as {
    lines: Array<{ lotId: string; onHand: number }>;
  };
  const counts = stock.lines.map((l) => ({ lotId: l.lotId, expected: l.onHand, counted: l.onHand }));
  const res = await w.coord('POST', `/api/inventory/units/${unitId}/reconciliations`, { counts });
  expect(res.statusCode, res.body).toBe(201);
}

export async function inventoryWorld(now = '2026-12-07T15:00:00Z'): Promise<InventoryWorld> {
  const s = await createTestServer();
  s.clock.set(new Date(now));
  const clinicId = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
  const as = async (username: string): Promise<Call> => {
    const headers = await s.signIn(username);
    return (method: Method, url: string, payload?: object) => s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  };
  const coord = await as('coordinator');
  const addUnit = async (name: string, kind: 'refrigerator' | 'freezer' | 'ultra_cold' = 'refrigerator') => {
    const res = await coord('POST', '/api/clinic/storage-units', { name, kind });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  return { s, clinicId, coord, as, addUnit };
}

/**
 * An approved order of VAQTA for the clinic: the order set, a current agreement and a counted unit first (the
 * order's preconditions), then placed by the coordinator and approved by DPH. Returns the order id.
 */
export async function approvedOrder(w: InventoryWorld, unitId: string, dph: Call, doses = 30): Promise<string> {
  await w.coord('POST', '/api/inventory/order-set', { ndc: VAQTA_NDC });
  const agreements = await w.s.ctx.db.selectFrom('provider_agreements').select('id').where('organization_id', '=', w.clinicId).execute();
  if (agreements.length === 0) await approveCvpAgreement(w);
  await reconcileAsExpected(w, unitId);
  const placed = await w.coord('POST', '/api/inventory/orders', { lines: [{ ndc: VAQTA_NDC, doses }] });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json() as { id: string; version: number };
  const approved = await dph('POST', `/api/inventory/orders/${order.id}/approve`, { version: order.version });
  expect(approved.statusCode, approved.body).toBe(200);
  return order.id;
}
