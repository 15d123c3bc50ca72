// What the request log may say about a request or an error. Query strings carry whatever a client put there
// (a search by name and date of birth, a free-text reason), so they are never written; database errors carry
// the offending values in their detail and in quoted parts of their message, so those are dropped too.

import type { FastifyRequest } from 'fastify';

const REDACTED = '[redacted]';

/** The path as is (ids only on our routes), the query string replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?${REDACTED}`;
}

/** `…for type date: "2023-02-30"` → `…for type date: "[redacted]"`; names of constraints and columns stay. */
export function redactQuotedValues(text: string): string {
  return text.replace(/: "(?:[^"\\]|\\.)*"/g, `: "${REDACTED}"`).replace(/=\(.*?\)(?=[\s,.]|$)/g, `=(${REDACTED})`);
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  code?: string;
  stack: string;
}

export const logSerializers = {
  req(req: FastifyRequest) {
    return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
  },
  /** Type, code, message and stack only: never `detail`, `parameters`, `query` or other fields a driver attaches. */
  err(err: Error & { code?: unknown }): LoggedError {
    return {
      type: err.constructor?.name ?? 'Error',
      message: redactQuotedValues(String(err.message)),
      ...(typeof err.code === 'string' ? { code: err.code } : {}),
      stack: redactQuotedValues(err.stack ?? ''),
    };
  },
};
