import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';

export function registerHealthRoutes(app: App, ctx: AppContext, info: { engine: string; version: string }): void {
  app.get(
    '/api/health',
    { config: { policy: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database check, no sign-in' } },
    async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
        return { status: 'ok', database: info.engine, version: info.version };
      } catch (err) {
        return reply.status(503).send({ status: 'unavailable', database: info.engine, error: (err as Error).message });
      }
    },
  );
}
