import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOwner, scanOwnership, tableOwners } from './table-ownership.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const header = `import { sql, type Kysely } from 'kysely';\nimport type { Database } from '@nutmeg/db';\n`;

describe('table ownership', () => {
  it('gives every table of the schema an owning module that exists', () => {
    const owners = tableOwners(root);
    expect(owners.get('organizations')).toBe('organizations');
    expect(owners.get('doses')).toBe('immunizations');
    expect(owners.get('patient_org_status')).toBe('patients');
    for (const owner of new Set(owners.values()))
      expect(fs.existsSync(path.join(root, 'packages/server/src/modules', owner, 'index.ts'))).toBe(true);
  });

  it('lets only *.repo.ts files of a module query its tables', () => {
    expect(fileOwner('packages/server/src/modules/patients/patient.repo.ts')).toBe('patients');
    expect(fileOwner('packages/server/src/modules/patients/patient.service.ts')).toBeNull();
    expect(fileOwner('packages/server/src/seed/seed.ts')).toBeNull();
    expect(fileOwner('packages/cli/src/commands/generate.ts')).toBeNull();
  });

  it('finds every table used in SQL only in the *.repo.ts files of the module that owns it', () => {
    expect(scanOwnership(root).map((v) => v.message)).toEqual([]);
  }, 300_000);

  it('fails on planted violations: a query in a service, a join and raw SQL across modules, a table in a variable', () => {
    const planted = scanOwnership(root, {
      extraFiles: {
        'packages/server/src/modules/accounts/planted.service.ts': `${header}
export const a = (db: Kysely<Database>) => db.selectFrom('account_requests').selectAll().execute();`,
        'packages/server/src/modules/access/planted.repo.ts': `${header}
export const b = (db: Kysely<Database>) => db.selectFrom('users').innerJoin('organizations as o', 'o.id', 'users.id').selectAll().execute();
export const c = (db: Kysely<Database>) => sql\`UPDATE doses SET lot = null\`.execute(db);
export const d = (db: Kysely<Database>, t: 'patient_names' | 'sessions') => db.deleteFrom(t).execute();
export const e = (db: Kysely<Database>, t: string) => sql\`SELECT 1 FROM \${sql.table(t)}\`.execute(db);`,
        'packages/cli/src/commands/planted.ts': `${header}
import { CompiledQuery } from 'kysely';
export const f = (db: Kysely<Database>) => db.updateTable('jobs').set({ status: 'done' }).execute();
export const g = (db: Kysely<Database>) => db.executeQuery(CompiledQuery.raw('DELETE FROM mail_outbox'));`,
      },
    });
    expect(planted.map((v) => `${v.file.split('/').pop()}:${v.line} ${v.table} (${v.owner})`).sort()).toEqual([
      'planted.repo.ts:4 organizations (organizations)',
      'planted.repo.ts:5 doses (immunizations)',
      'planted.repo.ts:6 patient_names (patients)',
      'planted.repo.ts:7 ? (?)',
      'planted.service.ts:4 account_requests (accounts)',
      'planted.ts:5 jobs (jobs)',
      'planted.ts:6 mail_outbox (mail)',
    ]);
  }, 300_000);
});
