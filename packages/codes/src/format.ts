// @nutmeg/codes/format: how Nutmeg writes a phone number and a child's age, the same on the server (call lists,
// CSV) and in the web UI. Pure and free of code data, so the web may import it (like @nutmeg/codes/tables).

/** 8605550134 → (860) 555-0134; other lengths as stored. */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : digits;
}

/** Age on `on` (both 'YYYY-MM-DD') as staff say it on the phone: "11 months", "2 years 3 months". */
export function ageOn(dob: string, on: string): string {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const m = `${rest} month${rest === 1 ? '' : 's'}`;
  if (years === 0) return m;
  return `${years} year${years === 1 ? '' : 's'}${rest ? ` ${m}` : ''}`;
}
