import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The OS account the embedded server runs as when Nutmeg itself runs as root (PostgreSQL refuses root). */
export const SERVER_USER = 'nutmeg';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  const r = spawnSync('id', [flag, name], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

/**
 * When we are root: the `nutmeg` system account (no login shell, no home), created with useradd on first use.
 * A dedicated account rather than `nobody`, so no other daemon running as nobody can read the database files.
 * Undefined when we are not root: the server then runs as the current user.
 */
export function serverUser(): OsUser | undefined {
  if (!isRoot()) return undefined;
  if (idOf('-u', SERVER_USER) === undefined) {
    const r = spawnSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SERVER_USER],
      { encoding: 'utf8' },
    );
    if (r.status !== 0 && idOf('-u', SERVER_USER) === undefined) {
      throw new Error(
        `PostgreSQL refuses to run as root, and the system user "${SERVER_USER}" to run it could not be created ` +
          `(useradd: ${(r.stderr || r.error?.message || '').trim()}). Create it (useradd --system ${SERVER_USER}) ` +
          'or start Nutmeg as an ordinary user.',
      );
    }
  }
  return { name: SERVER_USER, uid: idOf('-u', SERVER_USER)!, gid: idOf('-g', SERVER_USER)! };
}

/** Whether `user` can enter `dir` (x on it and on every folder above it). */
export function canReach(user: OsUser, dir: string): boolean {
  const r = spawnSync('test', ['-x', path.resolve(dir)], { uid: user.uid, gid: user.gid });
  return r.status === 0;
}
