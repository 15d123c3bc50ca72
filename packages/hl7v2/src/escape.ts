// HL7 escape sequences (v2.5.1 §2.7): \F\ \S\ \T\ \R\ \E\ stand for the delimiters, \Xhh…\ for bytes in hex.
// Other sequences (\H\ \N\ highlighting, \.br\ and other formatting, \Zxx\, \Cxxyy\, \Mxxyyzz\) are kept as they
// are, escape character included, so nothing a sender wrote is lost.
import type { Delimiters } from './delimiters.ts';

/** The text a raw (escaped) value stands for. */
export function unescapeText(raw: string, d: Delimiters): string {
  const e = d.escape;
  if (!e || !raw.includes(e)) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    const end = c === e ? raw.indexOf(e, i + 1) : -1;
    if (end < 0) {
      out += c;
      i++;
      continue;
    }
    const seq = raw.slice(i + 1, end);
    const decoded = decodeSequence(seq, d);
    out += decoded ?? raw.slice(i, end + 1);
    i = end + 1;
  }
  return out;
}

function decodeSequence(seq: string, d: Delimiters): string | undefined {
  switch (seq) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent ?? undefined;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
  }
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(seq)) return decodeHex(seq.slice(1));
  return undefined;
}

/** Hex bytes as UTF-8 when they are valid UTF-8, else as ISO-8859-1 (one character per byte). */
function decodeHex(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

/** The raw (escaped) form of a text: delimiters escaped, CR and LF as \X0D\ and \X0A\ (they would end a segment). */
export function escapeText(text: string, d: Delimiters): string {
  const e = d.escape;
  if (!e) return text; // a message that declares no escape character cannot escape anything
  let out = '';
  for (const c of text) {
    if (c === e) out += `${e}E${e}`;
    else if (c === d.field) out += `${e}F${e}`;
    else if (c === d.component) out += `${e}S${e}`;
    else if (c === d.subcomponent) out += `${e}T${e}`;
    else if (c === d.repetition) out += `${e}R${e}`;
    else if (c === '\r') out += `${e}X0D${e}`;
    else if (c === '\n') out += `${e}X0A${e}`;
    else out += c;
  }
  return out;
}
