// Dates and times as the jurisdiction reads them, whatever the browser's own time zone: "today" is Connecticut's
// (a dose given at 20:00 in Hartford is not dated tomorrow, as the UTC date would), and an instant is shown on
// Connecticut's clock. Every date the web fills in or shows goes through here.

/** The jurisdiction's time zone (Connecticut). */
export const JURISDICTION_TIME_ZONE = 'America/New_York';

/** Today in the jurisdiction, 'YYYY-MM-DD': never the UTC date nor the browser's zone. */
export function jurisdictionToday(now: Date = new Date(), timeZone = JURISDICTION_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant (ISO 8601) on the jurisdiction's clock: 'Dec 7, 2026, 7:30 PM'; '—' for none. */
export function formatDateTime(iso: string | null | undefined, timeZone = JURISDICTION_TIME_ZONE): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
}
