/**
 * A database failure that is not the request's fault: a statement cut by the statement timeout, no free
 * connection in time, the server unreachable or shutting down. Returns the sentence to show (HTTP 503),
 * or undefined for any other error.
 */
export function describeDatabaseFailure(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  if (code === '57014' && message.includes('statement timeout')) {
    return 'The database did not finish this request in time (statement timeout); try again in a moment.';
  }
  if (message.includes('timeout exceeded when trying to connect') || message.includes('connection timeout')) {
    return 'No database connection became free in time: the database is busy or down; try again in a moment.';
  }
  if (
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE'].includes(code) ||
    message.includes('Connection terminated')
  ) {
    return 'The database is not reachable right now; try again in a moment.';
  }
  return undefined;
}
