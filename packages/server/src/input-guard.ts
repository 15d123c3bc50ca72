// Text the database cannot store or that is not text at all: a NUL character (PostgreSQL text refuses it) and
// a lone UTF-16 surrogate (half a character; not encodable as UTF-8). Every request is checked before its
// schema runs, for every route, so such input is a 400 naming the field instead of a 500 from deep inside.

import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(s: string): string | undefined {
  if (s.includes('\u0000')) return 'Contains a NUL character (\\u0000), which is not text';
  if (LONE_SURROGATE.test(s)) return 'Contains invalid text (a lone UTF-16 surrogate, or bytes that are not UTF-8)';
  return undefined;
}

/** Every string (and object key) in a parsed input that is not storable text, with its dotted path. */
export function unsafeText(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const message = problemOf(value);
    if (message) out.push({ path: path.join('.'), message });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeText(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = problemOf(k);
      if (keyProblem) out.push({ path: [...path, k].join('.'), message: `The name of this field: ${keyProblem.toLowerCase()}` });
      else unsafeText(v, [...path, k], out);
    }
  }
  return out;
}

/** preValidation hook: refuses NUL and lone surrogates anywhere in the path parameters, query string or body. */
export async function refuseUnsafeText(req: FastifyRequest): Promise<void> {
  const fields = [...unsafeText(req.params), ...unsafeText(req.query), ...unsafeText(req.body)];
  if (fields.length === 0) return;
  throw new AppError('invalid', `The request has text that cannot be stored: ${fields.map((f) => f.path || 'value').join(', ')}`, {
    fields,
  });
}

/**
 * Query strings decoded strictly: a value whose percent-encoding is not UTF-8 becomes a lone surrogate, so
 * that the hook above names its field (the default parser silently turns it into U+FFFD replacement marks).
 */
export function parseQueryString(qs: string): Record<string, string | string[]> {
  // No prototype: a key named __proto__ is just a key.
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of qs.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeStrict(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeStrict(pair.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : [...[prev].flat(), value];
  }
  return out;
}

function decodeStrict(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return '\uD800';
  }
}
