import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReconciliation, reconciliationDue, type BalanceAtCount } from './reconciliation.ts';

const A: BalanceAtCount = { lotId: 'a', lotNumber: 'A1', onHand: 10 };
const B: BalanceAtCount = { lotId: 'b', lotNumber: 'B1', onHand: 0 };

describe('planning a reconciliation', () => {
  it('closes with one wasted movement for a broken vial, and nothing for lots that match', () => {
    const plan = planReconciliation([A, B], [{ lotId: 'a', expected: 10, counted: 9, reason: 'broken' }]);
    expect(plan).toEqual({ ok: true, movements: [{ lotId: 'a', kind: 'wasted', quantity: -1, reason: 'broken', note: null }] });
  });

  it('records a surplus or a miscount as a count correction', () => {
    const plan = planReconciliation([A], [{ lotId: 'a', expected: 10, counted: 12, reason: 'found' }]);
    expect(plan).toEqual({ ok: true, movements: [{ lotId: 'a', kind: 'counted', quantity: 2, reason: 'found', note: null }] });
  });

  it('needs every lot with doses counted, and a reason for each difference', () => {
    const missing = planReconciliation([A], []);
    expect(missing).toMatchObject({ ok: false, fields: [{ path: 'counts', message: 'Count lot A1 too (10 on hand)' }] });
    const noReason = planReconciliation([A], [{ lotId: 'a', expected: 10, counted: 8 }]);
    expect(noReason).toMatchObject({ ok: false, fields: [{ path: 'counts.0.reason' }] });
    const wasteUp = planReconciliation([A], [{ lotId: 'a', expected: 10, counted: 11, reason: 'broken' }]);
    expect(wasteUp).toMatchObject({ ok: false, fields: [{ path: 'counts.0.reason' }] });
  });

  it('calls a count stale when the balance moved since it was read', () => {
    expect(planReconciliation([A], [{ lotId: 'a', expected: 11, counted: 11 }])).toMatchObject({ ok: false, stale: ['A1'] });
  });

  it('always brings every counted balance to the count, never below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ onHand: fc.integer({ min: 0, max: 50 }), counted: fc.integer({ min: 0, max: 50 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (lots) => {
          const balances = lots.map((l, i) => ({ lotId: `l${i}`, lotNumber: `L${i}`, onHand: l.onHand }));
          const counts = lots.map((l, i) => ({
            lotId: `l${i}`,
            expected: l.onHand,
            counted: l.counted,
            reason: l.counted < l.onHand ? 'lost' : 'found',
          }));
          const plan = planReconciliation(balances, counts);
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          for (const [i, l] of lots.entries()) {
            const moved = plan.movements.filter((m) => m.lotId === `l${i}`).reduce((a, m) => a + m.quantity, 0);
            expect(l.onHand + moved).toBe(l.counted);
          }
        },
      ),
    );
  });
});

describe('when a unit needs counting', () => {
  it('is due when never counted or counted more than 30 days ago', () => {
    expect(reconciliationDue(undefined, '2026-12-07')).toBe(true);
    expect(reconciliationDue('2026-11-07', '2026-12-07')).toBe(false);
    expect(reconciliationDue('2026-11-06', '2026-12-07')).toBe(true);
    expect(reconciliationDue('2026-12-07', '2026-12-07')).toBe(false);
  });
});
