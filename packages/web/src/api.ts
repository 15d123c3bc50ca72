/** The one way the UI talks to the server: JSON in and out, CSRF header on writes, problem JSON as ApiError. */
import type { FieldError, Problem } from '@nutmeg/api-types';

export type { FieldError } from '@nutmeg/api-types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly step?: string,
    /** The whole problem JSON, with any detail the error carries (e.g. `candidates` of a 409). */
    readonly body: Partial<Problem> = {},
  ) {
    super(message);
  }
  /** The message for one form field, if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

/** An error of a call as the pages show it: an ApiError as it is, anything else (a failed fetch) as "not reached". */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network', 'The server could not be reached.');
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const problem = data as Partial<Problem>;
    throw new ApiError(
      res.status,
      String(problem.error ?? 'error'),
      String(problem.title ?? res.statusText),
      problem.fields ?? [],
      problem.step,
      problem,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
