import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { majorVersion, prepareBinaries, serverVersion, type PgBinaries } from './binaries.ts';
import { canReach, serverUser, type OsUser } from './os-user.ts';

/** The port only names the socket file (.s.PGSQL.5432): the server opens no TCP port. */
const SOCKET_PORT = 5432;
/** sun_path holds 108 bytes with its NUL; PostgreSQL refuses a longer socket path. */
const MAX_SOCKET_PATH = 107;
const OWNER_FILE = 'nutmeg.owner';
/** As root, clusters whose data folder the server's user cannot reach (a checkout under /root) live here. */
export const ROOT_CLUSTERS_DIR = '/var/lib/nutmeg/clusters';

export interface EmbeddedPostgresOptions {
  /** The cluster folder (DATA_DIR/pg); created by initdb when empty. The socket lives in it too. */
  dir: string;
  /** Extra server settings (-c name=value); tests turn durability off. */
  settings?: Record<string, string>;
  /** Where progress and recovery messages go. */
  log?: (message: string) => void;
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  dir: string;
  /** postmaster's process id. */
  pid: number;
  /** PostgreSQL's version, e.g. "18.4". */
  version: string;
  /** A connection string for one database on this server, through its socket. */
  url(database: string): string;
  /** Fast shutdown (running queries are cancelled); immediate after `timeoutMs`. Resolves when the server is gone. */
  stop(timeoutMs?: number): Promise<void>;
  /** Immediate shutdown without waiting (a second Ctrl-C); the server recovers from its WAL on next start. */
  kill(): void;
}

export function socketUrl(dir: string, database: string): string {
  return `postgres://postgres@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}&port=${SOCKET_PORT}`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is the postmaster of `dir` (its working folder is the data folder), not a process that got
 * the same id later — a backend of another PostgreSQL server, say, which must never be signalled.
 */
function isServerOf(pid: number, dir: string): boolean {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`) === fs.realpathSync(dir);
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes(dir);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** The Node process that started the server (written once it answers). */
function readOwner(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
}

/**
 * A postmaster.pid left behind: a server still running from a Nutmeg process that was killed (stopped
 * here), another live Nutmeg on the same folder (refused), or a dead server (PostgreSQL recovers by itself).
 */
async function recoverLeftover(dir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`PostgreSQL in ${dir} was not shut down cleanly (its process is gone); it recovers from its write-ahead log now.`);
    return; // postgres replaces a postmaster.pid whose process is dead
  }
  if (!isServerOf(pid, dir)) {
    fs.rmSync(pidFile);
    log(`Removed a stale ${pidFile}: its process ${pid} is now another program.`);
    return;
  }
  const owner = readOwner(dir);
  if (owner !== undefined && Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The database folder ${dir} is in use by another Nutmeg process (pid ${owner}). Stop it, or set DATA_DIR to another folder.`,
    );
  }
  log(`A PostgreSQL server (pid ${pid}) was left running on ${dir} by a Nutmeg process that ended without stopping it; stopping it first.`);
  process.kill(pid, 'SIGINT');
  if (await waitGone(pid, 15_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await waitGone(pid, 5_000)))
    throw new Error(`The leftover PostgreSQL server (pid ${pid}) on ${dir} does not stop; stop it (kill ${pid}) and start again.`);
}

function run(cmd: string, args: string[], user: OsUser | undefined, what: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr || r.stdout || '').trim()}`);
}

/** initdb into a sibling folder renamed into place, so a killed first start never leaves half a cluster. */
function initCluster(dir: string, bins: PgBinaries, user: OsUser | undefined, log: (m: string) => void): void {
  const tmp = `${dir}.initdb-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o700 });
  if (user) fs.chownSync(tmp, user.uid, user.gid);
  log(`Creating the database cluster in ${dir} (PostgreSQL ${serverVersion(bins)}).`);
  // Fixed encoding and locale, whatever the machine's own settings: C.UTF-8 sorts by code point and
  // matches the PostgreSQL servers we test on.
  run(
    bins.initdb,
    ['-D', tmp, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions'],
    user,
    'initdb',
  );
  fs.renameSync(tmp, dir);
}

/**
 * Where the cluster of `dir` really lives. As root the server runs as an unprivileged user, who cannot enter a
 * data folder under /root (mode 700): rather than refuse the README's `npm start` there, the cluster is kept in a
 * root-owned folder that user can reach, and `dir` becomes a link to it (so backups and the layout stay the same).
 * A cluster already made inside an unreachable folder is left alone (checkFolder refuses it with what to do).
 */
function clusterFolder(dir: string, user: OsUser | undefined, log: (m: string) => void): string {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) return fs.realpathSync(dir);
  if (!user || canReach(user, parent) || fs.existsSync(dir)) return dir;
  const id = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  const real = path.join(ROOT_CLUSTERS_DIR, id);
  fs.mkdirSync(ROOT_CLUSTERS_DIR, { recursive: true, mode: 0o755 });
  for (let d = ROOT_CLUSTERS_DIR; d !== path.dirname(d); d = path.dirname(d)) {
    if (!canReach(user, d)) fs.chmodSync(d, fs.statSync(d).mode | 0o111); // our own folders: let the server in
  }
  fs.symlinkSync(real, dir);
  log(
    `PostgreSQL runs as the system user "${user.name}" (it refuses to run as root), who cannot reach ${parent}: ` +
      `the database cluster is kept in ${real}, and ${dir} links to it.`,
  );
  return real;
}

function checkFolder(dir: string, bins: PgBinaries, user: OsUser | undefined): void {
  const socket = path.join(dir, `.s.PGSQL.${SOCKET_PORT}`);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    throw new Error(`The database socket path ${socket} is longer than ${MAX_SOCKET_PATH} bytes; set DATA_DIR to a shorter folder path.`);
  }
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  if (user && !canReach(user, parent)) {
    throw new Error(
      `PostgreSQL runs as the system user "${user.name}" because it refuses to run as root, and that user cannot reach ${parent}: ` +
        'set DATA_DIR to a folder it can reach (for example DATA_DIR=/var/lib/nutmeg), or start Nutmeg as an ordinary user.',
    );
  }
  const made = path.join(dir, 'PG_VERSION');
  if (fs.existsSync(made)) {
    const have = fs.readFileSync(made, 'utf8').trim();
    if (have !== majorVersion(bins)) {
      throw new Error(
        `The database in ${dir} was made by PostgreSQL ${have}, and this Nutmeg runs PostgreSQL ${majorVersion(bins)}. ` +
          'Back it up with the Nutmeg version that made it (npx nutmeg backup), then restore it here (npx nutmeg restore).',
      );
    }
  }
}

function serverArgs(dir: string, settings: Record<string, string>): string[] {
  const all: Record<string, string> = {
    listen_addresses: '', // no TCP port: nothing outside this machine can reach it, and no port clash
    unix_socket_directories: dir,
    unix_socket_permissions: '0700',
    port: String(SOCKET_PORT),
    logging_collector: 'on',
    log_directory: 'log',
    log_filename: 'postgresql-%a.log', // a week of logs, each day's file overwritten a week later
    log_truncate_on_rotation: 'on',
    log_rotation_age: '1d',
    log_rotation_size: '0',
    log_min_error_statement: 'panic', // statements may carry patient data: never copy them into the log
    ...settings,
  };
  return ['-D', dir, ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/**
 * Runs postgres under a small shell that holds a pipe from us: when this Node process dies, even by kill -9,
 * the pipe closes and the shell asks postgres for a fast shutdown, so no server is left running.
 */
function spawnServer(bins: PgBinaries, args: string[], user: OsUser | undefined): ChildProcess {
  const opts = {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'] as ('pipe' | 'ignore')[],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  };
  if (process.platform === 'win32') return spawn(bins.postgres, args, opts);
  const lifeline =
    'exec 3<&0; "$@" </dev/null 3<&- & pg=$!; (read _ <&3; kill -INT "$pg" 2>/dev/null) & w=$!; ' +
    'wait "$pg"; s=$?; kill "$w" 2>/dev/null; exit $s';
  return spawn('/bin/sh', ['-c', lifeline, 'nutmeg-postgres', bins.postgres, ...args], opts);
}

async function waitReady(dir: string, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL did not start (${child.signalCode ?? `exit ${child.exitCode}`}):\n${stderr()}`);
    }
    const client = new pg.Client({ connectionString: socketUrl(dir, 'postgres') });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      last = (err as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s (${last}):\n${stderr()}`);
}

/** Starts (creating if needed) the embedded PostgreSQL server of one cluster folder and waits until it answers. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((m: string) => console.log(m));
  const user = serverUser();
  const dir = clusterFolder(path.resolve(options.dir), user, log);
  const bins = prepareBinaries(user !== undefined);
  checkFolder(dir, bins, user);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) initCluster(dir, bins, user, log);
  if (user && fs.statSync(dir).uid !== user.uid) {
    log(`Giving ${dir} to the system user "${user.name}" that runs PostgreSQL.`);
    run('chown', ['-R', `${user.uid}:${user.gid}`, dir], undefined, 'chown');
  }
  await recoverLeftover(dir, log);

  const child = spawnServer(bins, serverArgs(dir, options.settings ?? {}), user);
  let errText = '';
  child.stderr!.on('data', (d: Buffer) => {
    errText = (errText + d.toString()).slice(-4000);
  });
  child.stdin!.on('error', () => {}); // the shell already gone: nothing to tell it
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  try {
    await waitReady(dir, child, () => errText.trim(), options.readyTimeoutMs ?? 60_000);
  } catch (err) {
    killGroup('SIGQUIT');
    await Promise.race([exited, sleep(3000)]);
    throw err;
  }
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let stopping: Promise<void> | undefined;
  return {
    dir,
    pid,
    version: serverVersion(bins),
    url: (database) => socketUrl(dir, database),
    stop(timeoutMs = 5000) {
      stopping ??= (async () => {
        child.stdin!.end();
        if (isAlive(pid)) process.kill(pid, 'SIGINT');
        if (await Promise.race([exited.then(() => true), sleep(timeoutMs).then(() => false)])) return;
        log(`PostgreSQL did not stop within ${timeoutMs / 1000} s; stopping it immediately.`);
        killGroup('SIGQUIT');
        if (await Promise.race([exited.then(() => true), sleep(3000).then(() => false)])) return;
        killGroup('SIGKILL');
        await exited;
      })();
      return stopping;
    },
    kill() {
      killGroup('SIGQUIT');
    },
  };
}
