// Deterministic randomness and day-number dates for the synthetic population (no Math.random, no Date
// parsing in the hot loop: dates are integers, days since 1970-01-01 (the forecast engine's day numbers),
// formatted through a cache).
import { civilFromDays } from '@nutmeg/forecast';

/** mulberry32: tiny, fast 32-bit PRNG; the same seed always yields the same sequence. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi] inclusive. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Pick skewed toward the start of the list (popular names first). */
  pickSkewed<T>(items: readonly T[], skew = 1.7): T {
    return items[Math.floor(Math.pow(this.next(), skew) * items.length)]!;
  }
}

/** Mix two integers into a 32-bit seed (splitmix-style), for independent per-household streams. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const ISO_OFFSET = 40_000; // 1860-06-… … 2079-…: a dense array (a sparse one falls into slow dictionary mode)
const isoCache: string[] = new Array<string>(80_000).fill('');

/** 'YYYY-MM-DD' for a day number (cached: the generator formats the same few tens of thousands of days). */
export function isoDay(days: number): string {
  const k = days + ISO_OFFSET;
  const hit = isoCache[k];
  if (hit) return hit;
  const [y, m, d] = civilFromDays(days);
  const s = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  if (k >= 0 && k < isoCache.length) isoCache[k] = s;
  return s;
}
