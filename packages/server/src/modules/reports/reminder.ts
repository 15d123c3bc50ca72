// Reminder/recall rules (pure): who is due or overdue in a window, from the stored forecasts, and whether a
// letter would reach them.
import type { ReminderCriteria, ReminderDue, ReminderPhone } from '@nutmeg/api-types';
import { addDays, addMonths } from '../../dates.ts';

export interface StoredDue {
  vaccineGroup: string;
  status: string;
  forecastDoseNumber: number | null;
  recommendedDate: string | null;
  pastDueDate: string | null;
  latestDate: string | null;
}

/**
 * Birth dates of people aged `fromMonths` to `toMonths` whole months on `on`: born on or before `on` minus
 * fromMonths, and after `on` minus (toMonths + 1) months (the day they turn toMonths + 1 they are out).
 */
export function dobRangeForAge(on: string, fromMonths: number, toMonths: number): { dobFrom: string; dobTo: string } {
  return { dobFrom: addDays(addMonths(on, -(toMonths + 1)), 1), dobTo: addMonths(on, -fromMonths) };
}

/**
 * The doses a patient is reminded of. A group counts when its series is not complete and it can still be given
 * (not past its latest date on the window's first day). Overdue: past due on or before the window's end.
 * Due: recommended within the window and not overdue by its end.
 */
export function dueInWindow(
  forecasts: readonly StoredDue[],
  c: Pick<ReminderCriteria, 'status' | 'windowFrom' | 'windowTo'>,
): ReminderDue[] {
  const out: ReminderDue[] = [];
  for (const f of forecasts) {
    if (f.status !== 'Not Complete' || !f.recommendedDate) continue;
    if (f.latestDate && f.latestDate < c.windowFrom) continue;
    const overdue = f.pastDueDate !== null && f.pastDueDate <= c.windowTo;
    const due = !overdue && f.recommendedDate >= c.windowFrom && f.recommendedDate <= c.windowTo;
    const kind = overdue ? 'overdue' : due ? 'due' : null;
    if (!kind || (c.status !== 'both' && c.status !== kind)) continue;
    out.push({
      vaccineGroup: f.vaccineGroup,
      doseNumber: f.forecastDoseNumber,
      recommendedDate: f.recommendedDate,
      pastDueDate: f.pastDueDate,
      status: kind,
    });
  }
  return out;
}

export interface MailingAddress {
  street: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

/** Whether a letter can be addressed: none at all, or a street, city, state or 5-digit ZIP missing. */
export function addressProblem(a: MailingAddress): 'missing' | 'incomplete' | null {
  const filled = [a.street, a.city, a.state, a.zip].filter((v) => v && v.trim());
  if (filled.length === 0) return 'missing';
  if (filled.length < 4 || !/^\d{5}(-\d{4})?$/.test(a.zip!.trim())) return 'incomplete';
  return null;
}

/** The address as printed on a letter or label. */
export function addressLines(a: MailingAddress): string[] {
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter((v) => v && v.trim()).join(', ');
  return [a.street, a.street2, cityLine].filter((v): v is string => !!v && v.trim() !== '');
}

/**
 * The numbers a caller can try: the patient's own (labelled by use), then each guardian's that has one. A guardian's
 * number that is already listed (the household phone) is not listed again: that entry names the guardian too.
 */
export function callPhones(
  p: {
    phones: ReadonlyArray<{ number: string; use: string }>;
    guardians: ReadonlyArray<{ name: string; relationship: string; phone: string | null }>;
  },
  label: (field: 'phoneUse' | 'relationship', code: string) => string | undefined,
): ReminderPhone[] {
  const out: ReminderPhone[] = p.phones.map((ph) => ({ number: ph.number, whose: 'patient', label: label('phoneUse', ph.use) ?? ph.use }));
  const digits = (n: string) => n.replace(/\D/g, '');
  for (const g of p.guardians) {
    if (!g.phone) continue;
    const rel = label('relationship', g.relationship) ?? g.relationship;
    const who = rel ? `${g.name}, ${rel}` : g.name;
    const same = out.find((o) => digits(o.number) === digits(g.phone!));
    if (same) same.label = `${same.label} (${who})`;
    else out.push({ number: g.phone, whose: 'guardian', label: who });
  }
  return out;
}

// How a phone number and an age are written: one implementation for the server and the web UI.
export { ageOn, formatPhone } from '@nutmeg/codes/format';
