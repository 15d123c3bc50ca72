// Vaccine delivery hours: a weekly grid of windows when the clinic can receive a shipment. Pure.
import type { DeliveryHours, DeliveryWindow, Weekday } from '@nutmeg/api-types';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const BUSINESS_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** VFC: the clinic must be able to receive vaccine during at least one 4-hour window on a weekday. */
export const VFC_MINIMUM_MINUTES = 4 * 60;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The grid with every day present (a day missing from stored data has no window). */
export function fullWeek(hours: Partial<Record<string, DeliveryWindow[]>>): DeliveryHours {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, [...(hours[d] ?? [])].sort((a, b) => minutesOf(a.from) - minutesOf(b.from))]),
  ) as DeliveryHours;
}

/**
 * What is wrong with a grid, as field messages: a window that ends before it starts, windows of a day that
 * overlap, and no weekday window of at least four hours (the VFC rule).
 */
export function deliveryHoursProblems(hours: DeliveryHours): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  for (const day of WEEKDAYS) {
    const windows = hours[day];
    windows.forEach((w, i) => {
      if (minutesOf(w.to) <= minutesOf(w.from))
        problems.push({ path: `deliveryHours.${day}.${i}.to`, message: 'The window must end after it starts' });
    });
    const sorted = [...windows].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    for (let i = 1; i < sorted.length; i++)
      if (minutesOf(sorted[i]!.from) < minutesOf(sorted[i - 1]!.to))
        problems.push({ path: `deliveryHours.${day}`, message: 'Two windows of the day overlap' });
  }
  const vfcWindow = BUSINESS_DAYS.some((d) => hours[d].some((w) => minutesOf(w.to) - minutesOf(w.from) >= VFC_MINIMUM_MINUTES));
  if (!vfcWindow)
    problems.push({
      path: 'deliveryHours',
      message: 'Give at least one weekday window of 4 hours or more when vaccine can be delivered (VFC rule)',
    });
  return problems;
}
