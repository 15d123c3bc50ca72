import { describe, expect, it } from 'vitest';
import { rawField, value, valueAt } from './access.ts';
import { encodeBatch, parseBatch, splitMessages } from './batch.ts';
import { encodeMessage } from './encode.ts';
import { Hl7ParseError } from './errors.ts';
import { parseMessage, tryParseMessage } from './parse.ts';

const MSH = 'MSH|^~\\&|EHR|CLINIC|NUTMEG|CT|20261207101500-0500||VXU^V04^VXU_V04|MSG1|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS';
const VXU = [MSH, 'PID|1||123^^^CLINIC^MR~456^^^CT^SR||Doe^Jane||20250101|F', 'RXA|0|1|20260101||08^HepB^CVX|0.5|mL^mL^UCUM'].join('\r');

function parseError(text: string, tolerant = false): Hl7ParseError {
  const r = tryParseMessage(text, { tolerant });
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parsing', () => {
  it('counts fields 1-based as the spec does: MSH-1 is the field separator, MSH-2 the encoding characters', () => {
    const m = parseMessage(VXU);
    const msh = m.segments[0]!;
    expect([rawField(msh, 1), rawField(msh, 2), rawField(msh, 3), rawField(msh, 9)]).toEqual(['|', '^~\\&', 'EHR', 'VXU^V04^VXU_V04']);
    expect(rawField(m.segments[1]!, 3)).toBe('123^^^CLINIC^MR~456^^^CT^SR');
    expect(valueAt(m, 'PID-3[2].1')).toBe('456');
    expect(valueAt(m, 'RXA-5.1')).toBe('08');
    expect(valueAt(m, 'MSH-2')).toBe('^~\\&');
  });

  it('reads an absent trailing field, component or repetition as undefined', () => {
    const m = parseMessage(VXU);
    expect([value(m.segments[1]!, 30, m.delimiters), valueAt(m, 'PID-5.3'), valueAt(m, 'PID-3[3].1'), valueAt(m, 'OBX-5')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ['\r', false],
    ['\n', false],
    ['\r\n', false],
    ['\r\n', true],
  ] as const)('keeps segment terminator %j (final terminator: %s) so that encoding gives back the input', (t, final) => {
    const text = VXU.replaceAll('\r', t) + (final ? t : '');
    const m = parseMessage(text);
    expect([m.segments.length, m.terminator, m.finalTerminator]).toEqual([3, t, final]);
    expect(encodeMessage(m)).toBe(text);
    expect(encodeMessage(m, { terminator: '\r', finalTerminator: true })).toBe(`${VXU}\r`);
  });

  it('takes the delimiters from MSH-1 and MSH-2', () => {
    const m = parseMessage('MSH#!*$%#A#B\rPID#1##X!Y*Z!W$F$');
    expect(m.delimiters).toEqual({ field: '#', component: '!', repetition: '*', escape: '$', subcomponent: '%' });
    expect([valueAt(m, 'PID-3[1].2'), valueAt(m, 'PID-3[2].2')]).toEqual(['Y', 'W#']);
    expect(m.warnings.map((w) => w.code)).toEqual(['nonstandard-delimiters']);
  });
});

describe('errors name what is wrong and where', () => {
  it.each([
    ['', 'empty', {}],
    ['PID|1||123', 'no-msh', { segmentIndex: 0, line: 1 }],
    ['MSHA^~\\&|X', 'bad-field-separator', { segment: 'MSH', field: 1 }],
    ['MSH||X', 'bad-encoding-characters', { segment: 'MSH', field: 2 }],
    [`${MSH}\rPID|1\rthis is not a segment`, 'bad-segment-name', { segmentIndex: 2, line: 3 }],
    [`${MSH}\rPID|1\r\rRXA|0`, 'bad-segment-name', { segmentIndex: 2, line: 3 }],
    [`${MSH}\rPID|1\r${MSH}`, 'several-messages', { segmentIndex: 2, segment: 'MSH' }],
  ])('refuses %j with %s', (text, code, position) => {
    const e = parseError(text);
    expect(e).toBeInstanceOf(Hl7ParseError);
    expect(e.code).toBe(code);
    expect(e.position).toMatchObject(position);
  });

  it('puts the position in the message a person reads', () => {
    expect(parseError(`${MSH}\rPID|1\rpid|2`).message).toBe(
      "'pid|2' does not start with a segment name (three capitals or digits, then '|') (segment #3, line 3)",
    );
  });

  it('throws only Hl7ParseError from parseMessage', () => {
    expect(() => parseMessage('garbage')).toThrow(Hl7ParseError);
  });
});

describe('tolerant mode', () => {
  it('skips blank lines, trims blanks around segments and text before MSH, and says so', () => {
    const m = parseMessage(`\uFEFF  ${MSH}\n\n  PID|1||123\n\nRXA|0|1|20260101||08^HepB^CVX  \n`, { tolerant: true });
    expect(m.segments.map((s) => s.name)).toEqual(['MSH', 'PID', 'RXA']);
    expect(m.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['whitespace-trimmed', 'blank-line-skipped']));
    expect(valueAt(m, 'RXA-5.1')).toBe('08');
  });

  it('joins a line that does not start a segment to the field it breaks', () => {
    const m = parseMessage(`${MSH}\rNTE|1||first line\rsecond line\rRXA|0|1`, { tolerant: true });
    expect(m.segments.map((s) => s.name)).toEqual(['MSH', 'NTE', 'RXA']);
    expect(valueAt(m, 'NTE-3')).toBe('first line\nsecond line');
    expect(m.warnings).toContainEqual(expect.objectContaining({ code: 'line-joined', segmentIndex: 1 }));
  });

  it('still refuses what it cannot repair', () => {
    expect(parseError('no message here', true).code).toBe('no-msh');
    expect(parseError('   ', true).code).toBe('empty');
  });
});

describe('batches', () => {
  const file = [
    'FHS|^~\\&|EHR|CLINIC|||20261207',
    'BHS|^~\\&|EHR|CLINIC|||20261207',
    VXU.replaceAll('\r', '\n'),
    MSH.replace('MSG1', 'MSG2'),
    'PID|1||789',
    'BTS|2',
    'FTS|1',
  ].join('\n');

  it('reads FHS/BHS envelopes, their messages and trailers, and encodes back the input', () => {
    const b = parseBatch(file);
    expect([b.header?.name, b.trailer?.name, b.batches.length]).toEqual(['FHS', 'FTS', 1]);
    expect(b.batches[0]!.messages.map((m) => valueAt(m, 'MSH-10'))).toEqual(['MSG1', 'MSG2']);
    expect(b.batches[0]!.trailer?.fields[1]).toBe('2');
    expect(encodeBatch(b)).toBe(file);
  });

  it('splits a file of bare messages (blank lines between, tolerant) into messages', () => {
    const messages = splitMessages(`${VXU}\r\r\n${MSH.replace('MSG1', 'MSG2')}\rPID|1\r`, { tolerant: true });
    expect(messages.map((m) => valueAt(m, 'MSH-10'))).toEqual(['MSG1', 'MSG2']);
  });

  it('refuses a segment outside any message', () => {
    expect(() => parseBatch('FHS|^~\\&\rPID|1')).toThrow(
      expect.objectContaining({ code: 'bad-batch', position: expect.objectContaining({ segmentIndex: 1 }) }),
    );
  });
});
