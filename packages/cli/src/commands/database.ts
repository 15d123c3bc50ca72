import { createDb, migrate } from '@nutmeg/db';
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { dbOptions } from '@nutmeg/server/db-options';
import { bootstrap } from '@nutmeg/server/seed';
import { seedDemoPatients } from '@nutmeg/server/synthetic';

export async function migrateCommand(): Promise<number> {
  const handle = await createDb(dbOptions(loadConfig()));
  try {
    const r = await migrate(handle.db);
    console.log(
      `Applied ${r.applied.length} migration(s)${r.applied.length ? `: ${r.applied.join(', ')}` : ''}; ${r.alreadyApplied} already applied (${handle.description}).`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

export async function seedCommand(): Promise<number> {
  const config = loadConfig();
  const { ctx, close } = await createServerContext(config);
  try {
    const report = await bootstrap(ctx, seedDemoPatients);
    if (report.kind === 'existing') console.log('The database already has users; nothing seeded.');
    if (report.admin)
      console.log(`DPH administrator: ${report.admin.username}, temporary password ${report.admin.temporaryPassword} (shown once)`);
    for (const d of report.demoLogins ?? []) console.log(`${d.username.padEnd(15)} ${d.password}  TOTP ${d.totpSecret}  ${d.accessType}`);
    return 0;
  } finally {
    await close();
  }
}
