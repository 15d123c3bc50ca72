import { describe, expect, it } from 'vitest';
import { enrolmentProblems } from './enrolment-rules.ts';

const paths = (...a: Parameters<typeof enrolmentProblems>) => enrolmentProblems(...a).map((p) => p.path);

describe('enrolment transitions', () => {
  it('allows pending → enrolled with its date, suspension and re-enrolment, and correcting a date in place', () => {
    expect(paths('pending', { status: 'enrolled', enrolledOn: '2026-01-05', endedOn: null })).toEqual([]);
    expect(paths('enrolled', { status: 'suspended', enrolledOn: '2026-01-05', endedOn: null })).toEqual([]);
    expect(paths('suspended', { status: 'enrolled', enrolledOn: '2026-01-05', endedOn: null })).toEqual([]);
    expect(paths('enrolled', { status: 'enrolled', enrolledOn: '2026-01-06', endedOn: null })).toEqual([]);
  });

  it('terminates only with an ended-on date not before enrolment, and leaves a termination only to start again', () => {
    expect(paths('enrolled', { status: 'terminated', enrolledOn: '2026-01-05', endedOn: null })).toEqual(['enrolment.endedOn']);
    expect(paths('enrolled', { status: 'terminated', enrolledOn: '2026-01-05', endedOn: '2026-01-04' })).toEqual(['enrolment.endedOn']);
    expect(paths('enrolled', { status: 'terminated', enrolledOn: '2026-01-05', endedOn: '2026-06-30' })).toEqual([]);
    expect(paths('terminated', { status: 'enrolled', enrolledOn: '2026-07-01', endedOn: null })).toEqual(['enrolment.status']);
    expect(paths('terminated', { status: 'pending', enrolledOn: null, endedOn: null })).toEqual([]);
  });

  it('refuses skipping to suspended, an enrolled status without its date and an end date on a live enrolment', () => {
    expect(paths('pending', { status: 'suspended', enrolledOn: '2026-01-05', endedOn: null })).toEqual(['enrolment.status']);
    expect(paths('pending', { status: 'enrolled', enrolledOn: null, endedOn: null })).toEqual(['enrolment.enrolledOn']);
    expect(paths('enrolled', { status: 'enrolled', enrolledOn: '2026-01-05', endedOn: '2026-02-01' })).toEqual(['enrolment.endedOn']);
  });
});
