import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Database } from '@nutmeg/db';
import type { FromServer, ToServer } from './server-protocol.ts';

const SERVER_SCRIPT = path.resolve(import.meta.dirname, 'server-process.ts');
export interface Limits {
  startMs: number;
  queryMs: number;
  closeMs: number;
  /** How long a hung server gets to write its diagnostic report before it is killed. */
  reportMs: number;
}

const LIMITS: Limits = { startMs: 90_000, queryMs: 30_000, closeMs: 15_000, reportMs: 20_000 };

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** The server's database, queried through the server process. */
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** Starts the e2e server in its own process and waits until it listens. */
export async function startServerProcess(limits: Partial<Limits> = {}): Promise<ServerProcess> {
  const { startMs, queryMs, closeMs, reportMs } = { ...LIMITS, ...limits };
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-e2e-report-'));
  const child = fork(SERVER_SCRIPT, [], {
    execArgv: ['--import', 'tsx', '--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${reportDir}`],
    serialization: 'advanced', // keeps bigint, Date and Buffer values of query results intact
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (m: FromServer) => void; reject: (e: Error) => void }>();
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `the e2e server process exited (${signal ?? `code ${code}`})`;
    for (const p of pending.values()) p.reject(new Error(exited));
    pending.clear();
    fs.rmSync(reportDir, { recursive: true, force: true });
  });
  // A query timeout and a slow shutdown may both decide the server hangs: diagnose and kill it once.
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopHungServer(child, reportDir, reportMs));
  // With a callback, a message to a process that is going away fails that call instead of the test process.
  const send = (msg: ToServer, onError: (err: Error) => void = () => {}) => child.send(msg, (err) => err && onError(err));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the e2e server did not start within ${startMs / 1000} s`)), startMs);
    child.on('message', (m: FromServer) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.baseUrl);
      } else pending.get(m.id)?.resolve(m);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(exited));
    });
  }).catch(async (err: Error) => {
    await stop();
    throw err;
  });

  let nextId = 1;
  async function query(compiled: CompiledQuery): Promise<QueryResult<unknown>> {
    if (exited) throw new Error(exited);
    const id = nextId++;
    const reply = await new Promise<FromServer>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the e2e server did not answer within ${queryMs / 1000} s: ${compiled.sql}`));
        void stop();
      }, queryMs);
      pending.set(id, {
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      send({ type: 'query', id, sql: compiled.sql, parameters: compiled.parameters }, (err) => pending.get(id)?.reject(err));
    });
    pending.delete(id);
    if (reply.type === 'error') throw new Error(`${reply.message} (in: ${compiled.sql})`);
    if (reply.type !== 'result') throw new Error(`unexpected reply ${reply.type}`);
    return { rows: reply.rows, ...(reply.numAffectedRows !== undefined ? { numAffectedRows: reply.numAffectedRows } : {}) };
  }

  const db = new Kysely<Database>({ dialect: remoteDialect(query) });
  return {
    baseUrl,
    pid: child.pid!,
    db,
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ type: 'close' });
      const timer = setTimeout(() => void stop(), closeMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * A server that stopped answering: ask Node for a diagnostic report (its JavaScript and native stacks
 * show where the event loop is stuck), print the stacks, then kill it.
 */
async function stopHungServer(child: ChildProcess, reportDir: string, reportMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const cpu = await cpuShare(child.pid!);
  console.error(`e2e server not answering; it used ${cpu} of a core over the last 2 s`);
  child.kill('SIGUSR2');
  let report: string | undefined;
  for (let waited = 0; waited < reportMs && !report; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    report = fs.readdirSync(reportDir).find((f) => f.endsWith('.json'));
  }
  if (report) {
    try {
      const r = JSON.parse(fs.readFileSync(path.join(reportDir, report), 'utf8')) as {
        javascriptStack?: { message?: string; stack?: string[] };
        nativeStack?: { symbol?: string }[];
      };
      console.error(
        `e2e server hung; its stacks:\nJavaScript: ${r.javascriptStack?.message ?? ''}\n  ${(r.javascriptStack?.stack ?? []).join('\n  ')}\n` +
          `native:\n  ${(r.nativeStack ?? [])
            .slice(0, 25)
            .map((f) => f.symbol)
            .join('\n  ')}`,
      );
    } catch (err) {
      console.error(`e2e server hung; its report could not be read: ${String(err)}`);
    }
  } else
    console.error(`e2e server hung and wrote no diagnostic report within ${reportMs / 1000} s: it is stuck in native or WebAssembly code`);
  child.kill('SIGKILL');
}

/** Share of one core the process used over two seconds (from /proc), e.g. "97%": a spin or a wait. */
async function cpuShare(pid: number): Promise<string> {
  const ticks = () => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100 per second)
    } catch {
      return NaN;
    }
  };
  const before = ticks();
  await new Promise((r) => setTimeout(r, 2000));
  const used = (ticks() - before) / 200;
  return Number.isNaN(used) ? 'an unknown share' : `${Math.round(used * 100)}%`;
}

type RunQuery = (compiled: CompiledQuery) => Promise<QueryResult<unknown>>;

/** Kysely compiles in the test process; the server process runs the SQL on its own database. */
function remoteDialect(run: RunQuery) {
  const connection: DatabaseConnection = {
    executeQuery: run as DatabaseConnection['executeQuery'],
    streamQuery: () => {
      throw new Error('streaming queries are not available in browser tests');
    },
  };
  const unsupported = async () => {
    throw new Error('transactions are not available in browser tests: each query runs on its own');
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: unsupported,
    commitTransaction: unsupported,
    rollbackTransaction: unsupported,
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}
