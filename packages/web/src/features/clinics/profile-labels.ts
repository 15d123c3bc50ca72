import type { ClinicContactRole, EnrolmentStatus, Weekday } from '@nutmeg/api-types';

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
export const CONTACT_ROLES: ClinicContactRole[] = ['primaryCoordinator', 'backupCoordinator', 'medicalDirector', 'chiefExecutive'];
export const CONTACT_LABELS: Record<ClinicContactRole, string> = {
  primaryCoordinator: 'Primary vaccine coordinator',
  backupCoordinator: 'Backup vaccine coordinator',
  medicalDirector: 'Medical director (signs the agreement)',
  chiefExecutive: 'Chief executive or fiduciary officer',
};
export const CLINIC_TYPE_LABELS: Record<string, string> = {
  private_practice: 'Private practice',
  fqhc: 'Federally qualified health center',
  rhc: 'Rural health clinic',
  hospital: 'Hospital',
  pharmacy: 'Pharmacy',
  sbhc: 'School-based health center',
  local_health_department: 'Local health department',
  urgent_care: 'Urgent care',
  other: 'Other',
};
export const ENROLMENT_LABELS: Record<EnrolmentStatus, string> = {
  not_enrolled: 'Not enrolled',
  pending: 'Enrolment pending',
  enrolled: 'Enrolled',
  suspended: 'Suspended',
  terminated: 'Terminated',
};
