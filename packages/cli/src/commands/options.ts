/** Parses --name value and --flag options; positional arguments are returned in `_`. */
export function parseOptions(argv: string[]): { _: string[]; [k: string]: string | boolean | string[] } {
  const out: { _: string[]; [k: string]: string | boolean | string[] } = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) out[name] = inline;
      else if (next !== undefined && !next.startsWith('--')) {
        out[name] = next;
        i++;
      } else out[name] = true;
    } else out._.push(a);
  }
  return out;
}

export function requireString(opts: Record<string, unknown>, name: string): string {
  const v = opts[name];
  if (typeof v !== 'string' || !v) throw new Error(`--${name} is required`);
  return v;
}
