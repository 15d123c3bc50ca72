import { describe, expect, it } from 'vitest';
import { messagesOfFile, patientKeyOf, workerOf } from './batch-file.ts';

const A = 'MSH|^~\\&|EHR|CT1001|NUTMEG|CTDPH|20261207||VXU^V04^VXU_V04|A1|P|2.5.1\nPID|1||123^^^EHR^MR||Doe^Jane||20200101|F';
const B = 'MSH|^~\\&|EHR|CT1001|NUTMEG|CTDPH|20261207||VXU^V04^VXU_V04|B1|P|2.5.1\r\nPID|1||456^^^EHR^MR||Roe^Rick||20190101|M';

describe('messagesOfFile', () => {
  it('splits a FHS/BHS batch with LF and CRLF line ends into messages with CR between segments', () => {
    const file = `FHS|^~\\&|EHR\nBHS|^~\\&|EHR\n${A}\n${B}\r\nBTS|2\nFTS|1\n`;
    const out = messagesOfFile(file);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^MSH\|.*\|A1\|.*\rPID\|1\|\|123.*\r$/);
    expect(out[1]).toContain('|B1|');
    expect(out.join('')).not.toMatch(/FHS|BHS|BTS|FTS|\n/);
  });

  it('still splits at each MSH a file the batch parser refuses, so that each message gets an answer', () => {
    const out = messagesOfFile(`${A}\ngarbage line\n${B}\n`);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('garbage line');
  });
});

describe('patientKeyOf', () => {
  it('names the person of a VXU and of a query the same way, whatever the case and delimiters', () => {
    const q = 'MSH|^~\\&|EHR|CT1001|||20261207||QBP^Q11|Q1|P|2.5.1\rQPD|Z34^x^CDCPHINVS|Q1|123^^^EHR^MR|doe^Jane||20200101';
    expect(patientKeyOf(A)).toBe('DOE|20200101');
    expect(patientKeyOf(q)).toBe('DOE|20200101');
    expect(patientKeyOf(A.replaceAll('|', '#').replace('MSH#', 'MSH#'))).toBe('DOE|20200101');
    expect(patientKeyOf('garbage')).toBe('');
  });

  it('sends the same key to the same worker and spreads different people over both', () => {
    expect(workerOf('DOE|20200101', 2)).toBe(workerOf('DOE|20200101', 2));
    const used = new Set(Array.from({ length: 20 }, (_, i) => workerOf(`P${i}|2020010${i % 9}`, 2)));
    expect(used).toEqual(new Set([0, 1]));
  });
});
