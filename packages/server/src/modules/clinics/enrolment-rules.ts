// Which enrolment changes DPH may make, and which dates each status needs. Pure.
//
// Choice (issue 11): a clinic's enrolment becomes "terminated" either when DPH deactivates the clinic (the end
// date is that day) or through this edit with an ended-on date; the clinic stays active until deactivated.
// Only a terminated enrolment has an ended-on date; enrolled and suspended ones need their enrolled-on date.
import type { EnrolmentStatus } from '@nutmeg/api-types';
import type { FieldError } from '../../errors.ts';

/** The statuses each status may move to (staying put to correct a date is always allowed). */
export const NEXT_STATUSES: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  not_enrolled: ['pending', 'enrolled'],
  pending: ['enrolled', 'not_enrolled', 'terminated'],
  enrolled: ['suspended', 'terminated'],
  suspended: ['enrolled', 'terminated'],
  terminated: ['pending'],
};

export interface Enrolment {
  status: EnrolmentStatus;
  enrolledOn: string | null;
  endedOn: string | null;
}

/** Problems of moving from `before` to `after`, each naming its field (empty: allowed). */
export function enrolmentProblems(before: EnrolmentStatus, after: Enrolment): FieldError[] {
  const problems: FieldError[] = [];
  if (after.status !== before && !NEXT_STATUSES[before].includes(after.status))
    problems.push({
      path: 'enrolment.status',
      message: `A ${before.replace('_', ' ')} enrolment cannot become ${after.status.replace('_', ' ')}`,
    });
  return [...problems, ...enrolmentDateProblems(after)];
}

/** The dates an enrolment in a status needs (also when DPH enrols a clinic, which has no status before). */
export function enrolmentDateProblems(after: Enrolment): FieldError[] {
  const problems: FieldError[] = [];
  if ((after.status === 'enrolled' || after.status === 'suspended') && !after.enrolledOn)
    problems.push({ path: 'enrolment.enrolledOn', message: 'Give the date the clinic enrolled' });
  if (after.status === 'terminated' && !after.endedOn)
    problems.push({ path: 'enrolment.endedOn', message: 'Give the date the enrolment ended' });
  if (after.status !== 'terminated' && after.endedOn)
    problems.push({ path: 'enrolment.endedOn', message: 'Only a terminated enrolment has an end date' });
  if (after.enrolledOn && after.endedOn && after.endedOn < after.enrolledOn)
    problems.push({ path: 'enrolment.endedOn', message: 'The enrolment cannot end before it began' });
  return problems;
}
