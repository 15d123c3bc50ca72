import { createDb, migrate, type DbHandle } from '@nutmeg/db';
import { dbOptions } from './db-options.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { contextOn, jobHandlersOf } from './context-factory.ts';
import type { AppContext, Clock } from './context.ts';
import type { App } from './http.ts';
import { bootstrap, type SeedReport } from './seed/index.ts';
import { seedDemoPatients } from './synthetic/index.ts';
import { scheduleSessionCleanup } from './modules/access/index.ts';
import { scheduleAgreementRenewal } from './modules/clinics/index.ts';
import { startJobWorker, type JobHandler, type JobWorker } from './modules/jobs/index.ts';
import { scheduleAuditCheckpoints } from './modules/audit/index.ts';
import { requestForecastBackfill, scheduleNightlyForecastRefresh } from './modules/recommender/index.ts';
import { scheduleReportRunCleanup } from './modules/reports/index.ts';

export interface Server {
  app: App;
  ctx: AppContext;
  handle: DbHandle;
  seed: SeedReport;
  /** Every background job by kind: the worker runs them; tests run them by hand (JOB_WORKER=off). */
  jobHandlers: Record<string, JobHandler>;
  /** Starts the job worker (when JOB_WORKER=on); main.ts calls it once the server listens. */
  startBackgroundWork(): void;
  /** Stops in reverse order of start: HTTP and jobs, then the database; bounded even when a query is stuck. */
  shutdown(): Promise<void>;
}

const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
  ]);

/** Composition root: config → database → migrate → seed → app. main.ts and the tests both use it. */
export async function createServer(
  config: Config,
  opts: { handle?: DbHandle; clock?: Clock; logStream?: NodeJS.WritableStream } = {},
): Promise<Server> {
  const handle = opts.handle ?? (await createDb(dbOptions(config)));
  try {
    await migrate(handle.db);
    const ctx: AppContext = await contextOn(handle.db, config, opts.clock);
    // Demo patients load before the server listens, so the first sign-in finds the demo complete.
    const seed = await bootstrap(ctx, seedDemoPatients);
    await scheduleSessionCleanup(ctx);
    await scheduleAuditCheckpoints(ctx);
    await scheduleNightlyForecastRefresh(ctx);
    await scheduleAgreementRenewal(ctx);
    await scheduleReportRunCleanup(ctx);
    // Bulk-loaded demo patients have no stored forecasts yet: the job worker computes them in pages.
    if (seed.kind === 'demo') await requestForecastBackfill(ctx.db, ctx.clock.now());
    const background = config.JOB_WORKER === 'on';
    const app = await buildApp(ctx, { engine: handle.engine, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
    const jobHandlers = jobHandlersOf(ctx);
    let worker: JobWorker | undefined;
    return {
      app,
      ctx,
      handle,
      seed,
      jobHandlers,
      startBackgroundWork() {
        if (background) worker ??= startJobWorker(handle.db, jobHandlers);
      },
      async shutdown() {
        // Requests in flight and the job worker get a grace period; after it, their queries are cancelled
        // (closing the database does that), so a stuck query cannot hold the shutdown.
        const done = Promise.all([app.close(), worker?.stop()]);
        if (!(await settlesWithin(done, config.SHUTDOWN_GRACE_MS))) {
          app.log.warn(`shutdown: requests still running after ${config.SHUTDOWN_GRACE_MS} ms; cancelling their queries`);
          await handle.close();
          if (!(await settlesWithin(done, 2000))) app.server.closeAllConnections();
        }
        await settlesWithin(done, 2000);
        await handle.close();
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
