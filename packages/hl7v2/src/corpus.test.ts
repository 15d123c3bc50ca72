// Every real message of ../shared/hl7/messages parses and encodes back to its input, and the typed views read
// what the messages say.
import { describe, expect, it } from 'vitest';
import { encodeBatch, parseBatch } from './batch.ts';
import { encodeMessage } from './encode.ts';
import { parseMessage } from './parse.ts';
import { firstSegment, segmentsNamed, valueAt } from './access.ts';
import { ERR, MSA, MSH, NK1, OBX, ORC, PD1, PID, QAK, QPD, RCP, RXA, RXR, obxCodedValues, readSegment } from './segments.ts';
import { bySource, corpus, corpusMessage } from './test-support/corpus.ts';

const messages = corpus();

describe('the corpus (messages/corpus.jsonl)', () => {
  it('holds the 389 messages the README describes', () => expect(messages).toHaveLength(389));

  it.each(messages.map((m) => [m.id, m.text]))('%s: parse → encode gives back the input', (_id, text) => {
    const file = parseBatch(text);
    expect(encodeBatch(file)).toBe(text);
    if (text.startsWith('MSH')) expect(encodeMessage(parseMessage(text))).toBe(text);
  });
});

describe('the same messages by source (messages/by-source/*.hl7, one segment per line)', () => {
  const blocks = bySource();
  it('holds one block per corpus message', () => expect(blocks).toHaveLength(messages.length));
  it.each(blocks.map((b) => [`${b.file} ${b.name}`, b.text]))('%s: parse → encode gives back the input', (_name, text) => {
    const file = parseBatch(text);
    if (text.includes('\n')) expect(file.terminator).toBe('\n');
    expect(encodeBatch(file)).toBe(text);
  });
});

describe('typed views on real messages', () => {
  it('reads a VXU: PID-3 repetitions, PID-5, RXA-3 date, RXA-5 CVX, RXA-9 source', () => {
    const m = parseMessage(corpusMessage('ois-dqa:Scenarios:NO_PROBLEMS').text);
    const pid = readSegment(PID, firstSegment(m, 'PID')!, m.delimiters);
    expect(pid.patientIdentifierList.map((id) => [id.idNumber, id.identifierTypeCode])).toEqual([
      ['100755502', 'PI'],
      ['122112219', 'MA'],
      ['123123124', 'SS'],
    ]);
    expect(pid.patientName[0]).toMatchObject({ familyName: { surname: 'Lastname' }, givenName: 'Firstname' });
    expect([pid.dateTimeOfBirth?.time, pid.administrativeSex, pid.race[0]?.identifier]).toEqual(['20011118', 'F', '2131-1']);
    const rxa = readSegment(RXA, firstSegment(m, 'RXA')!, m.delimiters);
    expect(rxa.dateTimeStartOfAdministration?.time).toBe('20021214');
    expect(rxa.administeredCode).toMatchObject({
      identifier: '21',
      text: 'varicella',
      nameOfCodingSystem: 'CVX',
      alternateIdentifier: '90716',
    });
    expect(rxa.administrationNotes[0]).toMatchObject({ identifier: '00', nameOfCodingSystem: 'NIP001' });
    expect(readSegment(NK1, firstSegment(m, 'NK1')!, m.delimiters).relationship?.identifier).toBe('MTH');
    expect(readSegment(MSH, m.segments[0]!, m.delimiters)).toMatchObject({
      fieldSeparator: '|',
      encodingCharacters: '^~\\&',
      messageType: { messageCode: 'VXU', triggerEvent: 'V04' },
      versionId: { versionId: '2.4' },
    });
  });

  it('reads every VXU of the corpus: each RXA has a vaccine code and an administration date', () => {
    // Two sources are deliberately broken messages (missing RXA-5, RXA-3…): the COVID extract validator's testerror.hl7
    // and the DQA validator's scenarios.
    const broken = new Set(['cdc-iis-open-tools:testerror.hl7', 'ois-dqa:Scenarios']);
    const vxus = messages.filter((c) => c.msh9?.startsWith('VXU') && c.text.startsWith('MSH') && !broken.has(c.source));
    expect(vxus.length).toBeGreaterThan(90);
    for (const c of vxus) {
      const m = parseMessage(c.text);
      for (const s of segmentsNamed(m, 'RXA')) {
        const rxa = readSegment(RXA, s, m.delimiters);
        expect(rxa.dateTimeStartOfAdministration?.time, c.id).toMatch(/^\d{8}/);
        expect(rxa.administeredCode?.identifier, c.id).toBeTruthy();
      }
    }
  });

  it('reads ORC, RXR, OBX and PD1 of a CDC IG VXU', () => {
    const c = messages.find(
      (x) => x.msh9 === 'VXU^V04^VXU_V04' && /\rPD1\|/.test(x.text) && /\rRXR\|/.test(x.text) && /64994-7/.test(x.text),
    )!;
    const m = parseMessage(c.text);
    expect(readSegment(ORC, firstSegment(m, 'ORC')!, m.delimiters).orderControl).toBe('RE');
    expect(readSegment(RXR, firstSegment(m, 'RXR')!, m.delimiters).route?.identifier).toMatch(/^(C\d+|IM|SC|ID|NS|PO)$/);
    const pd1 = readSegment(PD1, firstSegment(m, 'PD1')!, m.delimiters);
    expect(pd1.immunizationRegistryStatus ?? pd1.publicityCode?.identifier ?? pd1.protectionIndicator).toBeDefined();
    const vfc = segmentsNamed(m, 'OBX').find((s) => readSegment(OBX, s, m.delimiters).observationIdentifier?.identifier === '64994-7')!;
    expect(readSegment(OBX, vfc, m.delimiters).valueType).toBe('CE');
    expect(obxCodedValues(vfc, m.delimiters)[0]?.identifier).toMatch(/^V0\d$/);
  });

  it('reads a NIST ACK: MSA and the ERR location, codes, severity and message', () => {
    const m = parseMessage(corpusMessage('nist-reference:NIST-IZ-AD-7.2').text);
    expect(readSegment(MSA, firstSegment(m, 'MSA')!, m.delimiters)).toMatchObject({
      acknowledgmentCode: 'AE',
      messageControlId: 'NIST-IZ-AD-7.1_Send_V04_Z22',
    });
    const err = readSegment(ERR, firstSegment(m, 'ERR')!, m.delimiters);
    expect(err.errorLocation).toEqual([
      { segmentId: 'RXA', segmentSequence: '1', fieldPosition: '5', fieldRepetition: '1', componentNumber: '1' },
    ]);
    expect([err.hl7ErrorCode?.identifier, err.severity, err.applicationErrorCode?.identifier]).toEqual(['999', 'E', '5']);
    expect(err.userMessage).toBe('Vaccine code not recognized - message rejected');
  });

  it('reads a QBP (QPD Z34/Z44 parameters, RCP) and an RSP (QAK)', () => {
    const q = messages.find((x) => x.msh9 === 'QBP^Q11^QBP_Q11' && /\rRCP\|/.test(x.text))!;
    const m = parseMessage(q.text);
    const qpd = readSegment(QPD, firstSegment(m, 'QPD')!, m.delimiters);
    expect(qpd.messageQueryName?.identifier).toMatch(/^Z(34|44)$/);
    expect(qpd.patientList[0]?.idNumber).toBeTruthy();
    expect(qpd.patientDateOfBirth?.time).toMatch(/^\d{8}/);
    expect(readSegment(RCP, firstSegment(m, 'RCP')!, m.delimiters).queryPriority).toBe('I');
    const r = parseMessage(corpusMessage('nist-reference:NIST-IZ-QR-3.2').text);
    expect(readSegment(QAK, firstSegment(r, 'QAK')!, r.delimiters)).toMatchObject({ queryTag: 'IZ-3.1-2015', queryResponseStatus: 'NF' });
    expect(valueAt(r, 'QPD-3.4.2')).toBe('2.16.840.1.113883.3.72.5.40.5');
  });
});
