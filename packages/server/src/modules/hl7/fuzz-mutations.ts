// Mutations of real corpus messages for the fuzz runs (the CI test's few hundred and `nutmeg bench hl7-fuzz`'s
// 10,000): truncated, binary bytes, wrong delimiters, bad dates, line ends, long fields, missing segments, a
// repeated control id, a 3 MB message. A seeded generator (mulberry32) makes every run the same run; pure.

/** A small deterministic generator: the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const REPEATED_CONTROL_ID = 'FUZZ-REPEATED';

export const MUTATIONS: ReadonlyArray<{ name: string; apply: (text: string, r: () => number) => string }> = [
  { name: 'truncated', apply: (t, r) => t.slice(0, Math.floor(r() * t.length)) },
  {
    name: 'binary',
    apply: (t, r) => {
      const at = Math.floor(r() * t.length);
      const bytes = Array.from({ length: 1 + Math.floor(r() * 8) }, () => String.fromCharCode(1 + Math.floor(r() * 254))).join('');
      return t.slice(0, at) + bytes + t.slice(at);
    },
  },
  { name: 'encoding characters', apply: (t) => t.replace('MSH|^~\\&|', 'MSH|#~\\&|') },
  { name: 'field separator', apply: (t) => t.replace(/^MSH\|/, 'MSH!').replaceAll('|', '!') },
  { name: 'bad dates', apply: (t, r) => t.replace(/\b(19|20)\d{6}\b/g, () => (r() < 0.5 ? '20261399' : '29991231')) },
  { name: 'LF segments', apply: (t) => t.replaceAll('\r', '\n') },
  { name: 'long field', apply: (t, r) => t.replace(/\|[^|\r]*\|/, () => `|${'x'.repeat(Math.floor(r() * 500))}|`) },
  { name: 'no PID', apply: (t) => t.replace(/\rPID\|[^\r]*/, '') },
  { name: 'shifted RXA', apply: (t) => t.replace(/\rRXA\|/g, '\rRXA|||') },
  {
    name: 'repeated control id',
    apply: (t) => {
      const [msh, ...rest] = t.split('\r');
      const f = msh!.split('|');
      if (f.length > 9) f[9] = REPEATED_CONTROL_ID;
      return [f.join('|'), ...rest].join('\r');
    },
  },
];

/** A 3 MB message: the corpus message with a 3 MB NTE segment. */
export function threeMegabyteMessage(text: string): string {
  return `${text.replace(/\r$/, '')}\rNTE|1||${'z'.repeat(3 * 1024 * 1024)}\r`;
}

/** The i-th message of a run: a corpus message through one mutation (every 2,000th: the 3 MB one). */
export function mutatedMessage(corpus: readonly string[], r: () => number, i: number): { text: string; mutation: string } {
  const base = corpus[Math.floor(r() * corpus.length)]!;
  const m = MUTATIONS[Math.floor(r() * MUTATIONS.length)]!;
  if (i % 2000 === 1999) return { text: threeMegabyteMessage(base), mutation: '3 MB' };
  return { text: m.apply(base, r), mutation: m.name };
}
