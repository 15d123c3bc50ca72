import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageOn, formatPhone } from './format.ts';

describe('@nutmeg/codes/format', () => {
  it('writes a ten-digit number as (860) 555-0134 and leaves any other as stored', () => {
    expect(formatPhone('2035550101')).toBe('(203) 555-0101');
    expect(formatPhone('203-555-0101')).toBe('(203) 555-0101');
    expect(formatPhone('+44 20 7946 0018')).toBe('+44 20 7946 0018');
  });

  it('says an age in months under a year, in years and months after', () => {
    expect(ageOn('2025-07-16', '2026-06-15')).toBe('10 months');
    expect(ageOn('2025-06-15', '2026-06-15')).toBe('1 year');
    expect(ageOn('2024-01-10', '2026-06-15')).toBe('2 years 5 months');
    expect(ageOn('2025-05-15', '2026-06-15')).toBe('1 year 1 month');
  });

  it('imports nothing (the web bundle takes it without code data)', () => {
    const text = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'format.ts'), 'utf8');
    expect(text).not.toMatch(/^import /m);
  });
});
