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

/**
 * The person a message is about, as far as its text says without the registry (PID-5.1 family name and PID-7
 * birth date, or QPD-4.1 and QPD-6 of a query): two workers never hold messages with the same key at the same
 * time, so that one person's messages are applied in file order and never race to create the same record.
 * '' for a message that names nobody readable.
 */
export function patientKeyOf(raw: string): string {
  const sep = raw.startsWith('MSH') ? raw.charAt(3) : '|';
  if (!sep || /[\r\n\w]/.test(sep)) return '';
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const f = line.split(sep);
    const [family, dob] = f[0] === 'PID' ? [f[5], f[7]] : f[0] === 'QPD' ? [f[4], f[6]] : [undefined, undefined];
    if (family === undefined) continue;
    const name = (family.split(/[\^~]/)[0] ?? '').toUpperCase().replace(/[^A-Z]/g, '');
    return `${name}|${(dob ?? '').slice(0, 8)}`;
  }
  return '';
}

/** Which of `workers` takes a message with this key (FNV-1a of the key: stable across runs). */
export function workerOf(key: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, workers);
}
