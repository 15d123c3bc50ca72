import path from 'node:path';
import { connectDataFolder, restoreBackup, writeBackup } from '@nutmeg/db';
import { loadConfig } from '@nutmeg/server/config';
import { parseOptions } from './options.ts';

/** DATABASE_URL's database, or the data folder's (Nutmeg's running server, or one started for the command). */
async function database(): Promise<{ url: string; where: string; close(): Promise<void> }> {
  const config = loadConfig();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, where: 'DATABASE_URL', close: async () => {} };
  const folder = await connectDataFolder(config.DATA_DIR);
  return { ...folder, where: `the data folder ${path.resolve(config.DATA_DIR)}` };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function backupCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
  const file = path.resolve(typeof opts.out === 'string' ? opts.out : `nutmeg-backup-${stamp}.jsonl.gz`);
  const db = await database();
  try {
    const t0 = Date.now();
    const counts = await writeBackup(db.url, file);
    console.log(
      `Backed up ${total(counts)} rows of ${Object.keys(counts).length} tables from ${db.where} to ${file} in ${Date.now() - t0} ms.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const file = parseOptions(argv)._[0];
  if (!file) {
    console.error('Usage: nutmeg restore <backup file>  (into an empty database: a new DATA_DIR, or an empty DATABASE_URL)');
    return 2;
  }
  const db = await database();
  try {
    const counts = await restoreBackup(path.resolve(file), db.url);
    console.log(
      `Restored ${total(counts)} rows of ${Object.keys(counts).length} tables into ${db.where}. Start Nutmeg to apply newer migrations.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
