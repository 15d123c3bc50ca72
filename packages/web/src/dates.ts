/** Today in the jurisdiction ('YYYY-MM-DD'; Connecticut: America/New_York), not the UTC date nor the browser's zone. */
export function jurisdictionToday(timeZone = 'America/New_York'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
