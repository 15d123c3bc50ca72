import { createDb, migrate, type DbHandle } from '@nutmeg/db';
import { dbOptions } from './db-options.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { systemClock, type AppContext, type Clock } from './context.ts';
import type { App } from './http.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { sharedRecommender, supportingDataDirOf } from './modules/recommender/recommender.ts';
import { bootstrap, type SeedReport } from './seed/seed.ts';
import { seedDemoPatients } from './modules/patients/index.ts';
import { maintenanceHandlers, scheduleMaintenance, startJobWorker, type JobWorker } from './modules/jobs/index.ts';
import { auditJobHandlers, initAuditChain, scheduleAuditCheckpoints, useInstallKeys } from './modules/audit/index.ts';
import { deriveInstallKeys, loadInstallSecret } from './install-secret.ts';

export interface Server {
  app: App;
  ctx: AppContext;
  handle: DbHandle;
  seed: SeedReport;
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
    const ctx: AppContext = {
      db: handle.db,
      config,
      clock: opts.clock ?? systemClock,
      mailer: createMailer(handle.db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
      recommender: sharedRecommender(supportingDataDirOf(config)),
      keys: deriveInstallKeys(loadInstallSecret(config)),
    };
    // Refuses a secret other than the log's before this process writes a single entry with it.
    await initAuditChain(ctx);
    useInstallKeys(ctx.keys);
    // Demo patients load before the server listens, so the first sign-in finds the demo complete.
    const seed = await bootstrap(ctx, seedDemoPatients);
    await scheduleMaintenance(ctx);
    await scheduleAuditCheckpoints(ctx);
    const background = config.JOB_WORKER === 'on';
    const app = await buildApp(ctx, { engine: handle.engine, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
    let worker: JobWorker | undefined;
    return {
      app,
      ctx,
      handle,
      seed,
      startBackgroundWork() {
        if (background) worker ??= startJobWorker(handle.db, { ...maintenanceHandlers(ctx), ...auditJobHandlers(ctx) });
      },
      async shutdown() {
        // Requests in flight and the job worker get a grace period; after it, their queries are cancelled
        // (closing the database does that), so a stuck query cannot hold the shutdown.
        // Mail sent after an answer is recorded before the database closes, within the same grace period.
        const done = Promise.all([app.close(), worker?.stop()]).then(() => ctx.mailer.idle());
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
