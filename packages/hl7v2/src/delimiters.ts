// Delimiters are declared by each message in MSH-1 (field separator) and MSH-2 (component, repetition, escape,
// subcomponent, in that order); FHS and BHS declare them the same way.

export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  /** '' when MSH-2 declares none (then nothing is unescaped). */
  escape: string;
  /** null when MSH-2 declares none (2 or 3 encoding characters). */
  subcomponent: string | null;
}

/** The delimiters the CDC IG requires: |^~\& */
export const STANDARD_DELIMITERS: Readonly<Delimiters> = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };

/** MSH-2 for a set of delimiters ('^~\&'). */
export function encodingCharacters(d: Delimiters): string {
  return d.component + d.repetition + d.escape + (d.subcomponent ?? '');
}

/**
 * Delimiters from MSH-1 and MSH-2: the first four characters of MSH-2 (fewer: the rest are absent; more, as a
 * v2.7 truncation character or a sender's mistake: kept in MSH-2, not used).
 */
export function delimitersFrom(fieldSeparator: string, encoding: string): Delimiters {
  const [component = '', repetition = '', escape = '', subcomponent = null] = [...encoding];
  return { field: fieldSeparator, component, repetition, escape, subcomponent };
}

/**
 * What departs from the IG in a message's delimiters (an empty list for |^~\&). Parsing accepts any distinct
 * characters so that nothing is lost; the adapter decides whether to reject (the IG allows only |^~\&).
 */
export function delimiterIssues(d: Delimiters, msh2?: string): string[] {
  const issues: string[] = [];
  if (msh2 !== undefined && msh2.length > 4) issues.push(`MSH-2 '${msh2}' holds more than four encoding characters`);
  const chars = [d.field, d.component, d.repetition, d.escape, d.subcomponent ?? ''];
  if (chars.some((c) => c.length !== 1)) issues.push('MSH-2 does not declare four encoding characters');
  if (chars.some((c) => /[A-Za-z0-9\s]/.test(c))) issues.push('a delimiter is a letter, digit or blank');
  if (new Set(chars.filter(Boolean)).size !== chars.filter(Boolean).length) issues.push('two delimiters are the same character');
  if (issues.length === 0 && encodingCharacters(d) !== '^~\\&')
    issues.push(`encoding characters '${encodingCharacters(d)}' are not the IG's '^~\\&'`);
  if (d.field !== '|') issues.push(`field separator '${d.field}' is not the IG's '|'`);
  return issues;
}
