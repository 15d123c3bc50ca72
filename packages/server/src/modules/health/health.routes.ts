import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';

type Probe = { up: true } | { up: false; error: string };

/** `SELECT 1` within `timeoutMs`: a stuck or exhausted database is reported down instead of hanging the check. */
export async function probeDatabase(ctx: AppContext, timeoutMs: number): Promise<Probe> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Probe>((resolve) => {
    timer = setTimeout(() => resolve({ up: false, error: `the database did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const query = sql`SELECT 1`.execute(ctx.db).then(
    (): Probe => ({ up: true }),
    (err: unknown): Probe => ({ up: false, error: (err as Error).message }),
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: App, ctx: AppContext, info: { engine: string; version: string }): void {
  app.get(
    '/api/health',
    { config: { policy: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database check, no sign-in' } },
    async (_req, reply) => {
      const probe = await probeDatabase(ctx, ctx.config.HEALTH_DB_TIMEOUT_MS);
      if (probe.up) return { status: 'ok', database: 'up', engine: info.engine, version: info.version };
      return reply
        .status(503)
        .send({ status: 'unavailable', database: 'down', engine: info.engine, version: info.version, error: probe.error });
    },
  );
}
