import { createDb, migrate } from '@nutmeg/db';
import { dbOptions } from './db-options.ts';
import type { Config } from './config.ts';
import { systemClock, type AppContext } from './context.ts';
import { deriveInstallKeys, loadInstallSecret } from './install-secret.ts';
import { initAuditChain, useInstallKeys } from './modules/audit/index.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { sharedRecommender, supportingDataDirOf } from './modules/recommender/recommender.ts';

/** A migrated database and the service context, without HTTP: for the CLI and scripts. */
export async function createServerContext(config: Config): Promise<{ ctx: AppContext; engine: string; close(): Promise<void> }> {
  // Commands run bulk work (loads of millions of rows, index builds) for as long as it takes: no statement timeout.
  const handle = await createDb({ ...dbOptions(config), statementTimeoutMs: 0 });
  try {
    await migrate(handle.db);
    const ctx: AppContext = {
      db: handle.db,
      config,
      clock: systemClock,
      mailer: createMailer(handle.db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
      recommender: sharedRecommender(supportingDataDirOf(config)),
      keys: deriveInstallKeys(loadInstallSecret(config)),
    };
    // Refuses a secret other than the log's before this process writes a single entry with it.
    await initAuditChain(ctx);
    useInstallKeys(ctx.keys);
    return { ctx, engine: handle.description, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
