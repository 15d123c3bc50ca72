import { createDb, migrate, type Database } from '@nutmeg/db';
import type { Kysely } from 'kysely';
import { dbOptions } from './db-options.ts';
import type { Config } from './config.ts';
import { systemClock, type AppContext, type Clock } from './context.ts';
import { deriveInstallKeys, loadInstallSecret } from './install-secret.ts';
import { accessJobHandlers } from './modules/access/index.ts';
import { clinicsJobHandlers } from './modules/clinics/index.ts';
import { auditJobHandlers, initAuditChain, useInstallKeys } from './modules/audit/index.ts';
import type { JobHandler } from './modules/jobs/index.ts';
import { createMailer, mailJobHandlers } from './modules/mail/index.ts';
import { loadForecastInputs } from './modules/immunizations/index.ts';
import { livePatientIdsAfter, patientJobHandlers } from './modules/patients/index.ts';
import { forecastJobHandlers, sharedRecommender, supportingDataDirOf } from './modules/recommender/index.ts';
import { schoolRosters } from './modules/schools/index.ts';
import { reportJobHandlers } from './modules/reports/index.ts';

/**
 * The service context on a migrated database: settings, clock, mailer, recommender, install keys. It refuses
 * an install secret other than the audit log's before this process writes a single entry with it.
 */
export async function contextOn(db: Kysely<Database>, config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const ctx: AppContext = {
    db,
    config,
    clock,
    mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, clock }),
    recommender: sharedRecommender(supportingDataDirOf(config)),
    keys: deriveInstallKeys(loadInstallSecret(config)),
    schoolRosters,
  };
  await initAuditChain(ctx);
  useInstallKeys(ctx.keys);
  return ctx;
}

/** Every background job the modules define, by kind (the job worker runs these). */
export function jobHandlersOf(ctx: AppContext): Record<string, JobHandler> {
  return {
    ...accessJobHandlers(ctx),
    ...auditJobHandlers(ctx),
    ...mailJobHandlers(ctx),
    ...forecastJobHandlers(ctx, { load: loadForecastInputs, idsAfter: livePatientIdsAfter }),
    ...clinicsJobHandlers(ctx),
    ...reportJobHandlers(ctx),
    ...patientJobHandlers(ctx),
  };
}

/** A migrated database and the service context, without HTTP: for the CLI and scripts. */
export async function createServerContext(config: Config): Promise<{ ctx: AppContext; engine: string; close(): Promise<void> }> {
  // Commands run bulk work (loads of millions of rows, index builds) for as long as it takes: no statement timeout.
  const handle = await createDb({ ...dbOptions(config), statementTimeoutMs: 0 });
  try {
    await migrate(handle.db);
    return { ctx: await contextOn(handle.db, config), engine: handle.description, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
