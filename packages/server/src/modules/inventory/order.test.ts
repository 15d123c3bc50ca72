import { describe, expect, it } from 'vitest';
import { orderRefusals, quantityProblem, suggestedDoses } from './order.ts';

describe('the suggested order quantity', () => {
  it('covers 60 days at the last 90 days’ rate, minus what is on hand, in whole packages', () => {
    // 90 doses in 90 days = 1 a day → 60 needed, 15 on hand → 45 → 5 packages of 10.
    expect(suggestedDoses({ onHand: 15, administered30: 20, administered90: 90, dosesPerPackage: 10 })).toBe(50);
  });
  it('follows the last 30 days when use has risen (flu season)', () => {
    // 60 in 30 days = 2 a day → 120 needed.
    expect(suggestedDoses({ onHand: 0, administered30: 60, administered90: 90, dosesPerPackage: 10 })).toBe(120);
  });
  it('suggests nothing when the stock on hand covers the period or nothing was used', () => {
    expect(suggestedDoses({ onHand: 100, administered30: 10, administered90: 30, dosesPerPackage: 10 })).toBe(0);
    expect(suggestedDoses({ onHand: 0, administered30: 0, administered90: 0, dosesPerPackage: 10 })).toBe(0);
  });
});

describe('whether a clinic may order', () => {
  const today = '2026-12-07';
  it('refuses without a current agreement and names each unit not counted in 30 days', () => {
    const r = orderRefusals({
      today,
      hasAgreement: false,
      units: [
        { name: 'Fridge A', lastReconciledOn: '2026-11-07' },
        { name: 'Fridge B', lastReconciledOn: '2026-11-06' },
        { name: 'Freezer', lastReconciledOn: null },
      ],
    });
    expect(r).toHaveLength(3);
    expect(r[0]).toMatch(/provider agreement/);
    expect(r[1]).toMatch(/Reconcile Fridge B first.*last counted 2026-11-06/);
    expect(r[2]).toMatch(/Reconcile Freezer first.*never counted/);
  });
  it('allows an order with an agreement and every unit counted within 30 days', () => {
    expect(orderRefusals({ today, hasAgreement: true, units: [{ name: 'A', lastReconciledOn: today }] })).toEqual([]);
  });
  it('refuses a clinic with no storage unit', () => {
    expect(orderRefusals({ today, hasAgreement: true, units: [] })).toEqual([expect.stringMatching(/no active storage unit/)]);
  });
});

describe('order quantities', () => {
  it('takes whole packages only', () => {
    expect(quantityProblem(20, 10)).toBeNull();
    expect(quantityProblem(0, 10)).toBeNull();
    expect(quantityProblem(15, 10)).toMatch(/multiple of 10/);
    expect(quantityProblem(-10, 10)).toMatch(/whole number/);
  });
});
