// A file of messages (batch upload, backload): one after another, each starting with MSH, segments separated by
// CR, LF or CRLF, optionally inside FHS/BHS envelopes. Pure: the text of each message, with CR between segments.
import { encodeMessage, splitMessages } from '@nutmeg/hl7v2';

const ENVELOPE = /^(FHS|BHS|BTS|FTS)\b/;

/** The messages of a file. A file the batch parser refuses is still split at each MSH, so each gets an answer. */
export function messagesOfFile(text: string): string[] {
  try {
    return splitMessages(text, { tolerant: true }).map((m) => encodeMessage(m, { terminator: '\r', finalTerminator: true }));
  } catch {
    const out: string[] = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
      const l = line.replace(/^\uFEFF/, '');
      if (!l.trim() || ENVELOPE.test(l)) continue;
      if (l.startsWith('MSH') || out.length === 0) out.push(`${l}\r`);
      else out[out.length - 1] += `${l}\r`;
    }
    return out;
  }
}
