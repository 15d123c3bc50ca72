import { describe, expect, it } from 'vitest';
import { daysToYearEnd, noticesDue, type ClinicAgreements } from './renewal-rules.ts';

const clinic = (over: Partial<ClinicAgreements>): ClinicAgreements => ({
  today: '2026-06-01',
  noticeDays: 60,
  enrolled: true,
  agreements: [],
  ...over,
});

describe('agreement renewal notices', () => {
  it('counts the days to December 31', () => {
    expect(daysToYearEnd('2026-12-31')).toBe(0);
    expect(daysToYearEnd('2026-11-01')).toBe(60);
    expect(daysToYearEnd('2028-01-01')).toBe(365); // leap year
  });

  it('reminds within the notice period when next year is not approved, and not before it', () => {
    const cvp2026 = { program: 'cvp' as const, programYear: 2026, status: 'approved' as const };
    expect(noticesDue(clinic({ today: '2026-10-31', agreements: [cvp2026] }))).toEqual([]);
    expect(noticesDue(clinic({ today: '2026-11-01', agreements: [cvp2026] }))).toEqual([
      { program: 'cvp', programYear: 2027, kind: 'reminder' },
    ]);
    const renewed = { program: 'cvp' as const, programYear: 2027, status: 'approved' as const };
    expect(noticesDue(clinic({ today: '2026-12-15', agreements: [cvp2026, renewed] }))).toEqual([]);
    // Signed but not approved yet is not renewed.
    expect(noticesDue(clinic({ today: '2026-12-15', agreements: [cvp2026, { ...renewed, status: 'submitted' }] }))).toHaveLength(1);
  });

  it('says the year began without an approved agreement, for COVID-19 only where the clinic had one', () => {
    const lastYear = [
      { program: 'cvp' as const, programYear: 2025, status: 'approved' as const },
      { program: 'covid19' as const, programYear: 2025, status: 'approved' as const },
    ];
    expect(noticesDue(clinic({ today: '2026-01-02', agreements: lastYear }))).toEqual([
      { program: 'cvp', programYear: 2026, kind: 'lapsed' },
      { program: 'covid19', programYear: 2026, kind: 'lapsed' },
    ]);
    expect(noticesDue(clinic({ today: '2026-01-02', agreements: [] }))).toEqual([{ program: 'cvp', programYear: 2026, kind: 'lapsed' }]);
    // Not enrolled and never had an agreement: nothing to renew.
    expect(noticesDue(clinic({ today: '2026-12-20', enrolled: false }))).toEqual([]);
  });
});
