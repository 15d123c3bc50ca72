// HL7 DTM/TS values ('YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ]') to the ISO dates Nutmeg stores. Pure.

export type DateRead = { ok: true; date: string } | { ok: false; missing: boolean };

/** The calendar date of an HL7 time stamp, or why there is none (missing, or not a real date). */
export function hl7Date(ts: string | undefined): DateRead {
  if (!ts || ts.trim() === '') return { ok: false, missing: true };
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2}(\d{2}(\d{2}(\.\d{1,4})?)?)?)?([+-]\d{4})?$/.exec(ts.trim());
  if (!m) return { ok: false, missing: false };
  const [, y, mo, d] = m;
  const iso = `${y}-${mo}-${d}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso || Number(y) < 1850) return { ok: false, missing: false };
  return { ok: true, date: iso };
}

/** '2026-12-07' → '20261207'. */
export function toHl7Date(iso: string): string {
  return iso.replaceAll('-', '');
}

/** An instant as an HL7 time stamp in the jurisdiction's zone with its offset: '20261207101500-0500'. */
export function hl7TimeStamp(at: Date, timeZone = 'America/New_York'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(get('timeZoneName'));
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : '+0000';
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}${zone}`;
}
