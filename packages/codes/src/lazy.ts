// Small helpers for indexes built on first use.

/** A value computed once, on first call. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string | readonly string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) for (const k of [key(t)].flat()) m.set(k, [...(m.get(k) ?? []), t]);
  return m;
}
