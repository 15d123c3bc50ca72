// Counts the database round trips of this process (every pg client query: statements, BEGIN/COMMIT,
// savepoints) and the time spent waiting for them, grouped by the statement's opening words, for the
// benchmarks' --profile. It wraps pg's Client.query once; a benchmark reads and resets the tally.
import pg from 'pg';

interface Tally {
  count: number;
  ms: number;
}

const byStatement = new Map<string, Tally>();
let installed = false;

/** The statement's kind and main table, e.g. `insert into "doses"`, `select … from "patients"`. */
function keyOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const head = t.split(' ').slice(0, 3).join(' ');
  const table = /\b(?:from|into|update)\s+("?[a-z_]+"?)/i.exec(t)?.[1] ?? '';
  return `${head.slice(0, 40)}${table ? ` … ${table}` : ''}`.toLowerCase();
}

export function installQueryProfile(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const started = performance.now();
    const out = original.apply(this, args);
    const tally = (): void => {
      const key = keyOf(text);
      const t = byStatement.get(key) ?? { count: 0, ms: 0 };
      t.count++;
      t.ms += performance.now() - started;
      byStatement.set(key, t);
    };
    if (out && typeof (out as Promise<unknown>).then === 'function') void (out as Promise<unknown>).then(tally, tally);
    else tally();
    return out;
  };
}

export function resetQueryProfile(): void {
  byStatement.clear();
}

/** Total round trips and time, and the statements most run, per `per` units of work (messages). */
export function queryProfileReport(per: number, top = 25): string {
  const rows = [...byStatement.entries()].sort((a, b) => b[1].count - a[1].count);
  const total = rows.reduce((s, [, t]) => s + t.count, 0);
  const ms = rows.reduce((s, [, t]) => s + t.ms, 0);
  const lines = rows
    .slice(0, top)
    .map(([k, t]) => `  ${(t.count / per).toFixed(2).padStart(7)}  ${(t.ms / per).toFixed(2).padStart(7)} ms  ${k}`);
  return [
    `Queries: ${(total / per).toFixed(1)} per message, ${(ms / per).toFixed(1)} ms of database time per message`,
    '  per msg  time/msg  statement',
    ...lines,
  ].join('\n');
}
