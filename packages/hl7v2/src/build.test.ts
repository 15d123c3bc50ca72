import { describe, expect, it } from 'vitest';
import { firstSegment, segmentsNamed, valueAt } from './access.ts';
import { buildAck, buildResponseHeader, createMessage, errSegment, writeSegment } from './build.ts';
import { encodeMessage, encodeSegment } from './encode.ts';
import { parseMessage } from './parse.ts';
import { MSH, NK1, OBX, ORC, PD1, PID, QPD, RXA, RXR, readSegment, type SegmentSpec } from './segments.ts';
import { corpus, corpusMessage } from './test-support/corpus.ts';

const NIST_VXU = 'smm-tester:ScenarioManager:originalMessage';

function requestMsh(text: string) {
  const m = parseMessage(text);
  return { m, msh: readSegment(MSH, m.segments[0]!, m.delimiters) };
}

describe('ACK', () => {
  it('writes the ERR of the NIST test plan (NIST-IZ-AD-7.2) exactly', () => {
    const expected = parseMessage(corpusMessage('nist-reference:NIST-IZ-AD-7.2').text);
    const err = errSegment({
      location: { segment: 'RXA', sequence: 1, field: 5, component: 1 },
      code: '999',
      severity: 'E',
      applicationError: '5',
      userMessage: 'Vaccine code not recognized - message rejected',
    });
    expect(encodeSegment(err, '|')).toBe(encodeSegment(firstSegment(expected, 'ERR')!, '|'));
  });

  it('answers a VXU: sender and receiver swapped, ACK^V04^ACK, Z23, MSA-2 the request control id, one ERR per issue', () => {
    const { msh } = requestMsh(corpusMessage(NIST_VXU).text);
    const ack = buildAck({
      request: msh,
      controlId: 'ACK-1',
      dateTime: '20261207101500-0500',
      ackCode: 'AE',
      errors: [
        {
          location: { segment: 'RXR', sequence: 1, field: 2 },
          code: '103',
          severity: 'W',
          applicationError: '5',
          userMessage: 'Administration site not recognized',
        },
        {
          location: { segment: 'PID', sequence: 1, field: 7 },
          code: '102',
          severity: 'E',
          applicationError: '2',
          userMessage: 'Birth date is not a date',
        },
      ],
    });
    const text = encodeMessage(ack);
    const back = parseMessage(text);
    expect(back.segments.map((s) => s.name)).toEqual(['MSH', 'MSA', 'ERR', 'ERR']);
    const out = readSegment(MSH, back.segments[0]!, back.delimiters);
    expect([out.sendingApplication, out.sendingFacility, out.receivingApplication, out.receivingFacility]).toEqual([
      undefined, // the request left MSH-5 empty
      { namespaceId: 'NIST Test Iz Reg' },
      { namespaceId: 'Test EHR Application' },
      { namespaceId: 'X68' },
    ]);
    expect(out).toMatchObject({
      messageType: { messageCode: 'ACK', triggerEvent: 'V04', messageStructure: 'ACK' },
      messageControlId: 'ACK-1',
      processingId: { processingId: msh.processingId?.processingId },
      versionId: { versionId: '2.5.1' },
      messageProfileIdentifier: [{ entityIdentifier: 'Z23', namespaceId: 'CDCPHINVS' }],
    });
    expect([valueAt(back, 'MSA-1'), valueAt(back, 'MSA-2')]).toEqual(['AE', msh.messageControlId]);
    expect(valueAt(back, 'ERR[2]-2')).toBe('PID^1^7^1');
    expect(valueAt(back, 'ERR[1]-3')).toBe('103^Table value not found^HL70357');
    expect(text.endsWith('\r')).toBe(true);
  });

  it('answers a message it could not parse at all (no request MSH): AR with defaults', () => {
    const ack = buildAck({
      controlId: 'X',
      dateTime: '20261207',
      ackCode: 'AR',
      errors: [{ code: '207', severity: 'E', userMessage: 'The message could not be read' }],
    });
    expect(encodeMessage(ack, { finalTerminator: false })).toBe(
      'MSH|^~\\&|||||20261207||ACK^V04^ACK|X|P|2.5.1|||NE|NE|||||Z23^CDCPHINVS\rMSA|AR\rERR|||207^Application internal error^HL70357|E||||The message could not be read',
    );
  });
});

describe('RSP', () => {
  it('starts an RSP^K11 with MSH, MSA, QAK (tag and query name from QPD) and the QPD echoed as sent', () => {
    const q = corpus().find((c) => c.msh9 === 'QBP^Q11^QBP_Q11' && c.text.includes('Z44'))!;
    const query = parseMessage(q.text);
    const { msh } = requestMsh(q.text);
    const head = buildResponseHeader({
      request: msh,
      query,
      controlId: 'R1',
      dateTime: '20261207',
      ackCode: 'AA',
      profile: 'Z42',
      queryResponseStatus: 'OK',
    });
    const rsp = parseMessage(encodeMessage(createMessage(head)));
    expect(rsp.segments.map((s) => s.name)).toEqual(['MSH', 'MSA', 'QAK', 'QPD']);
    expect([
      valueAt(rsp, 'MSH-9'),
      valueAt(rsp, 'MSH-21.1'),
      valueAt(rsp, 'QAK-1'),
      valueAt(rsp, 'QAK-2'),
      valueAt(rsp, 'QAK-3.1'),
    ]).toEqual(['RSP^K11^RSP_K11', 'Z42', valueAt(query, 'QPD-2'), 'OK', 'Z44']);
    expect(encodeSegment(firstSegment(rsp, 'QPD')!, '|')).toBe(encodeSegment(firstSegment(query, 'QPD')!, '|'));
  });

  it('echoes a QPD that the tolerant parser joined from two lines without a raw line break, so the RSP still parses', () => {
    // A QPD broken by a stray CR (seen in the 10,000-message fuzz run): the tolerant parser keeps the second line
    // inside the QPD with a line feed; echoed as it came, that line feed split the RSP into a segment 'R…'.
    const text =
      'MSH|^~\\&|EHR|CLINIC|NUTMEG|CTDPH|20261207||QBP^Q11^QBP_Q11|Q1|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS\r' +
      'QPD|Z34^Request Imm\r7unization History^CDCPHINVS|T1||DOE^JANE|||20200101|F\rRCP|I|5^RD&records&HL70126\r';
    const query = parseMessage(text, { tolerant: true });
    const { msh } = requestMsh(text.replace('Imm\r7', 'Imm7'));
    const head = buildResponseHeader({
      request: msh,
      query,
      controlId: 'R2',
      dateTime: '20261207',
      ackCode: 'AA',
      profile: 'Z33',
      queryResponseStatus: 'NF',
    });
    const rsp = parseMessage(encodeMessage(createMessage(head)));
    expect(rsp.segments.map((s) => s.name)).toEqual(['MSH', 'MSA', 'QAK', 'QPD']);
    expect(valueAt(rsp, 'QPD-1.2')).toBe('Request Imm\n7unization History');
    expect(valueAt(rsp, 'QPD-2')).toBe('T1');
  });
});

describe('writing segments from views', () => {
  const specs: SegmentSpec[] = [PID, PD1, NK1, ORC, RXA, RXR, OBX, QPD];
  it.each(specs.map((s) => [s.name, s]))('reads back every %s of the corpus as it was read (read → write → read)', (_name, spec) => {
    let seen = 0;
    for (const c of corpus().filter((x) => x.text.startsWith('MSH'))) {
      const m = parseMessage(c.text);
      for (const s of segmentsNamed(m, spec.name)) {
        const view = readSegment(spec, s, m.delimiters);
        expect(readSegment(spec, writeSegment(spec, view, m.delimiters), m.delimiters), c.id).toEqual(view);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
