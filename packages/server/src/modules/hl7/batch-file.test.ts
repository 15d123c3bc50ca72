import { describe, expect, it } from 'vitest';
import { messagesOfFile } from './batch-file.ts';

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
