// The pure rules of the temperature log: each unit type's safe range (CDC storage and handling: refrigerator
// 2–8 °C, freezer −50 to −15 °C, ultra-cold −90 to −60 °C) and whether a reading leaves it.

export type UnitKind = 'refrigerator' | 'freezer' | 'ultra_cold';

export const SAFE_RANGE: Record<UnitKind, { min: number; max: number }> = {
  refrigerator: { min: 2, max: 8 },
  freezer: { min: -50, max: -15 },
  ultra_cold: { min: -90, max: -60 },
};

export interface Reading {
  currentC: number;
  minC?: number | null | undefined;
  maxC?: number | null | undefined;
}

/** The temperatures of a reading outside the unit's range (current, min and max all count), worst first. */
export function outOfRange(kind: UnitKind, r: Reading): number[] {
  const { min, max } = SAFE_RANGE[kind];
  const values = [r.currentC, r.minC, r.maxC].filter((v): v is number => typeof v === 'number');
  const mid = (min + max) / 2;
  return values.filter((v) => v < min || v > max).sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
}
