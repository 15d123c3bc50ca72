import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerKind } from '@nutmeg/db';
import {
  LEDGER_KINDS,
  directionOf,
  expirationOf,
  expiryWindow,
  fundingFitsEligibility,
  isUsable,
  ledgerSum,
  movementProblem,
  nextBalance,
} from './ledger.ts';

/** A ledger applied movement by movement, as the repo does: a movement that would go negative is refused. */
function replay(ops: ReadonlyArray<{ kind: LedgerKind; quantity: number }>) {
  let balance = 0;
  const accepted: number[] = [];
  let refused = 0;
  for (const op of ops) {
    if (movementProblem(op.kind, op.quantity, 'broken') !== null) continue;
    const next = nextBalance(balance, op.quantity);
    if (next === null) {
      refused++;
      continue;
    }
    balance = next;
    accepted.push(op.quantity);
  }
  return { balance, accepted, refused };
}

const movement = fc.record({
  kind: fc.constantFrom(...LEDGER_KINDS),
  quantity: fc.integer({ min: -40, max: 40 }),
});

describe('the ledger invariants', () => {
  it('never lets on-hand go negative, and the balance always equals the sum of the accepted movements', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 200 }), (ops) => {
        const { balance, accepted } = replay(ops);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(balance).toBe(ledgerSum(accepted));
        // Every prefix of the accepted ledger is non-negative too (no dose was ever lent).
        let running = 0;
        for (const q of accepted) {
          running += q;
          expect(running).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('accepts exactly as many single-dose decrements as there were doses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 120 }), (stock, tries) => {
        const ops = [
          { kind: 'received' as const, quantity: stock },
          ...Array.from({ length: tries }, () => ({ kind: 'administered' as const, quantity: -1 })),
        ];
        const { balance, refused } = replay(ops);
        expect(balance).toBe(Math.max(0, stock - tries));
        expect(refused).toBe(Math.max(0, tries - stock));
      }),
    );
  });

  it('refuses a movement against its kind’s direction, a zero or fractional quantity, and wastage without a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEDGER_KINDS), fc.integer({ min: 1, max: 1000 }), (kind, n) => {
        const dir = directionOf(kind);
        const reason = kind === 'wasted' ? 'broken' : 'count differs';
        if (dir === 'in') expect(movementProblem(kind, -n, reason)).not.toBeNull();
        if (dir === 'out') expect(movementProblem(kind, n, reason)).not.toBeNull();
        expect(movementProblem(kind, 0, reason)).not.toBeNull();
        expect(movementProblem(kind, n + 0.5, reason)).not.toBeNull();
      }),
    );
    expect(movementProblem('wasted', -1, null)).toBe('Wastage needs a reason');
    expect(movementProblem('wasted', -1, 'melted')).toBe('Wastage needs a reason');
    expect(movementProblem('adjusted', 2, ' ')).toBe('An adjustment needs a reason');
    expect(movementProblem('wasted', -1, 'broken')).toBeNull();
  });
});

describe('expiration dates', () => {
  it('reads a month-only expiry as the last day of that month, leap years included', () => {
    expect(expirationOf('2027-03')).toBe('2027-03-31');
    expect(expirationOf('2028-02')).toBe('2028-02-29');
    expect(expirationOf('2027-02')).toBe('2027-02-28');
    expect(expirationOf('2027-04')).toBe('2027-04-30');
    expect(expirationOf('2027-04-15')).toBe('2027-04-15');
  });

  it('refuses impossible dates and other spellings', () => {
    for (const bad of ['2027-02-30', '2027-13', '2027-00', '03/2027', '2027-3', '', 'soon']) expect(expirationOf(bad)).toBeNull();
  });

  it('always gives a real date in the labelled month, never earlier than a full date in it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const e = expirationOf(month)!;
        expect(e.startsWith(month)).toBe(true);
        expect(new Date(`${e}T00:00:00Z`).toISOString().slice(0, 10)).toBe(e);
        const next = new Date(Date.UTC(y, m - 1, Number(e.slice(8)) + 1));
        expect(next.getUTCMonth()).not.toBe(m - 1);
      }),
    );
  });

  it('puts a lot in the dashboard window of 30, 60 or 90 days, or expired', () => {
    expect(expiryWindow('2026-12-06', '2026-12-07')).toBe('expired');
    expect(expiryWindow('2026-12-07', '2026-12-07')).toBe(30);
    expect(expiryWindow('2027-01-06', '2026-12-07')).toBe(30);
    expect(expiryWindow('2027-01-07', '2026-12-07')).toBe(60);
    expect(expiryWindow('2027-03-07', '2026-12-07')).toBe(90);
    expect(expiryWindow('2027-03-08', '2026-12-07')).toBeNull();
  });
});

describe('which stock a dose may come from', () => {
  it('is usable only when unexpired, not held, and with a dose on hand', () => {
    const ok = { expirationDate: '2026-12-07', doNotUse: false, onHand: 1 };
    expect(isUsable(ok, '2026-12-07')).toBe(true);
    expect(isUsable(ok, '2026-12-08')).toBe(false);
    expect(isUsable({ ...ok, doNotUse: true }, '2026-12-01')).toBe(false);
    expect(isUsable({ ...ok, onHand: 0 }, '2026-12-01')).toBe(false);
  });

  it('gives public stock only to VFC-eligible patients and private stock only to V01', () => {
    for (const v of ['V02', 'V03', 'V04', 'V05']) {
      expect(fundingFitsEligibility('vfc', v)).toBe(true);
      expect(fundingFitsEligibility('private', v)).toBe(false);
    }
    expect(fundingFitsEligibility('vfc', 'V01')).toBe(false);
    expect(fundingFitsEligibility('317', 'V01')).toBe(false);
    expect(fundingFitsEligibility('state', 'V01')).toBe(false);
    expect(fundingFitsEligibility('vfc', 'V07')).toBe(false);
    expect(fundingFitsEligibility('state', 'V07')).toBe(true);
    expect(fundingFitsEligibility('private', 'V01')).toBe(true);
  });
});
