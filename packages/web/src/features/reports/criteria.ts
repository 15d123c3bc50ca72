// Reminder/recall criteria in the URL (bookmarkable) and back; the API takes the same query string.
import type { ReminderCriteria } from '@nutmeg/api-types';
import { qs } from '../../api';
import { jurisdictionToday } from '../../dates';

export interface CriteriaForm {
  ageFromMonths: string;
  ageToMonths: string;
  vaccineGroups: string[];
  status: ReminderCriteria['status'];
  population: ReminderCriteria['population'];
  windowFrom: string;
  windowTo: string;
  /** DPH picks the clinic whose patients to list; a clinic user's is the clinic they act for. */
  organizationId?: string;
}

function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${iso.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Defaults: toddlers 19–35 months, due or overdue this month. */
export function defaultCriteria(): CriteriaForm {
  const today = jurisdictionToday();
  return {
    ageFromMonths: '19',
    ageToMonths: '35',
    vaccineGroups: ['DTaP/Tdap/Td', 'Polio', 'MMR', 'Hib', 'HepB', 'Varicella', 'Pneumococcal'],
    status: 'both',
    population: 'owned_or_active',
    windowFrom: today,
    windowTo: monthEnd(today),
  };
}

export function criteriaFromSearch(search: URLSearchParams): CriteriaForm | null {
  if (!search.get('vaccineGroups')) return null;
  const d = defaultCriteria();
  const status = search.get('status');
  return {
    ageFromMonths: search.get('ageFromMonths') ?? d.ageFromMonths,
    ageToMonths: search.get('ageToMonths') ?? d.ageToMonths,
    vaccineGroups: search.get('vaccineGroups')!.split(',').filter(Boolean),
    status: status === 'due' || status === 'overdue' ? status : 'both',
    population: search.get('population') === 'owned' ? 'owned' : 'owned_or_active',
    windowFrom: search.get('windowFrom') ?? d.windowFrom,
    windowTo: search.get('windowTo') ?? d.windowTo,
    ...(search.get('organizationId') ? { organizationId: search.get('organizationId')! } : {}),
  };
}

export function criteriaQuery(c: CriteriaForm, extra: Record<string, string> = {}): string {
  return qs({ ...c, vaccineGroups: c.vaccineGroups.join(','), ...extra });
}

export function formFromSaved(c: ReminderCriteria): CriteriaForm {
  return { ...c, ageFromMonths: String(c.ageFromMonths), ageToMonths: String(c.ageToMonths) };
}
