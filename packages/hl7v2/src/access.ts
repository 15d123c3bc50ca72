// Reading values: positions are 1-based as in the spec (PID-3, component 1, subcomponent 1, repetition 1).
// Reads unescape; raw readers give the text as sent.
import type { Delimiters } from './delimiters.ts';
import { Hl7ParseError, ParseErrorCode } from './errors.ts';
import { unescapeText } from './escape.ts';
import { HEADER_SEGMENTS, type Message, type Segment } from './message.ts';

/** MSH-1/MSH-2 (and FHS, BHS): the delimiters themselves, never split nor unescaped. */
function isDelimiterField(segment: Segment, n: number): boolean {
  return n <= 2 && HEADER_SEGMENTS.has(segment.name);
}

/** The raw text of field `n` ('' when the segment is shorter). MSH-1 is the field separator, MSH-2 the encoding characters. */
export function rawField(segment: Segment, n: number): string {
  return segment.fields[n] ?? '';
}

/** The raw repetitions of a field ([] when empty). MSH-2 never repeats (its '~' is a delimiter, not a separator). */
export function rawRepetitions(segment: Segment, n: number, d: Delimiters): string[] {
  const raw = rawField(segment, n);
  if (raw === '') return [];
  if (isDelimiterField(segment, n)) return [raw];
  return d.repetition ? raw.split(d.repetition) : [raw];
}

/** The raw components of one repetition. */
export function rawComponents(repetition: string, d: Delimiters): string[] {
  return d.component ? repetition.split(d.component) : [repetition];
}

/** The raw subcomponents of one component. */
export function rawSubcomponents(component: string, d: Delimiters): string[] {
  return d.subcomponent ? component.split(d.subcomponent) : [component];
}

export interface Position {
  /** 1-based repetition (default 1). */
  repetition?: number;
  /** 1-based component; omitted: the whole repetition. */
  component?: number;
  /** 1-based subcomponent; omitted: the whole component. */
  subcomponent?: number;
}

/** The raw text at a position (undefined when absent). */
export function rawValue(segment: Segment, field: number, d: Delimiters, at: Position = {}): string | undefined {
  const rep = rawRepetitions(segment, field, d)[(at.repetition ?? 1) - 1];
  if (rep === undefined || at.component === undefined) return rep;
  if (isDelimiterField(segment, field)) return at.component === 1 ? rep : undefined;
  const comp = rawComponents(rep, d)[at.component - 1];
  if (comp === undefined || at.subcomponent === undefined) return comp;
  return rawSubcomponents(comp, d)[at.subcomponent - 1];
}

/** The unescaped text at a position; undefined when absent or empty. MSH-1 and MSH-2 are returned as they are. */
export function value(segment: Segment, field: number, d: Delimiters, at: Position = {}): string | undefined {
  const raw = rawValue(segment, field, d, at);
  if (raw === undefined || raw === '') return undefined;
  return isDelimiterField(segment, field) ? raw : unescapeText(raw, d);
}

/** Every segment of a name, in order. */
export function segmentsNamed(message: Message, name: string): Segment[] {
  return message.segments.filter((s) => s.name === name);
}

/** The first segment of a name. */
export function firstSegment(message: Message, name: string): Segment | undefined {
  return message.segments.find((s) => s.name === name);
}

const PATH = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?-(\d+)(?:\[(\d+)\])?(?:\.(\d+))?(?:\.(\d+))?$/;

/**
 * The value at a terser-like path: 'PID-5.1', 'PID-3[2].1' (second repetition), 'RXA[2]-5.1' (second RXA),
 * 'PID-3.4.2' (subcomponent). Numbers are 1-based. Throws Hl7ParseError('bad-path') for a malformed path.
 */
export function valueAt(message: Message, path: string): string | undefined {
  const m = PATH.exec(path);
  if (!m) throw new Hl7ParseError(ParseErrorCode.badPath, `'${path}' is not a path like 'PID-3[2].1' or 'RXA[2]-5.1'`);
  const [, name, occurrence, field, repetition, component, subcomponent] = m;
  const segment = segmentsNamed(message, name!)[Number(occurrence ?? 1) - 1];
  if (!segment) return undefined;
  const at: Position = { repetition: Number(repetition ?? 1) };
  if (component) at.component = Number(component);
  if (subcomponent) at.subcomponent = Number(subcomponent);
  return value(segment, Number(field), message.delimiters, at);
}
