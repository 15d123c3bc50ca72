import { describe, expect, it } from 'vitest';
import { logSerializers, redactUrl } from './log-redaction.ts';

describe('what the log may say', () => {
  it('drops the query string and keeps the path', () => {
    expect(redactUrl('/api/patients?lastName=Vandersloot&dob=2019-04-17')).toBe('/api/patients?[redacted]');
    expect(redactUrl('/api/patients/0195f3c4-1111-7000-8000-000000000001')).toBe('/api/patients/0195f3c4-1111-7000-8000-000000000001');
  });

  it('logs a database error without the values it carries', () => {
    const err = Object.assign(new Error('invalid input syntax for type date: "2019-02-30"'), {
      code: '22007',
      detail: 'Key (last_name, dob)=(Vandersloot, 2019-04-17) already exists.',
      parameters: ['Xiomara', 'Vandersloot'],
      where: "unnamed portal parameter $2 = 'Vandersloot'",
    });
    const logged = JSON.stringify(logSerializers.err(err));
    expect(logged).not.toMatch(/Vandersloot|Xiomara|2019-02-30|2019-04-17/);
    expect(logged).toMatch(/invalid input syntax for type date/);
    expect(logSerializers.err(err)).toMatchObject({ type: 'Error', code: '22007' });
  });

  it('keeps the names of constraints in a message, and hides the key values after them', () => {
    const err = new Error('duplicate key value violates unique constraint "patients_iis_id_key": Key (iis_id)=(CT0001000001)');
    const { message } = logSerializers.err(err);
    expect(message).toContain('unique constraint');
    expect(message).not.toContain('CT0001000001');
  });
});
