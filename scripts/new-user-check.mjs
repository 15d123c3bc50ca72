#!/usr/bin/env node
// The new-user check (issue 9): what someone trying Nutmeg does, timed, on a fresh data folder each run.
//   fresh DATA_DIR → `npm start` (web build when its sources changed, embedded PostgreSQL, migrations, demo seed) → the login page answers
//   → sign in as clinicstaff (password + the TOTP code of the secret the banner printed, from `npx nutmeg totp`)
//   → a first patient search by name + date of birth that matches nobody → answered within --limit-ms
//   → SIGTERM: the server and its PostgreSQL stop → `npm start` again on the same folder (restart time).
// Prints each run's numbers and a summary; the closing line is "N passed, N failed" (a run is one test).
//   --runs N (default 3)   --limit-ms MS (default 10000: longer counts as a hang)
//   --start-limit-ms MS (default 240000)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 3);
const LIMIT_MS = opt('limit-ms', 10_000);
const START_LIMIT_MS = opt('start-limit-ms', 240_000);
const PASSWORD = 'nutmeg-demo-2026';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Every process below `pid` (the npm wrapper, the server, the lifeline shell, postgres and its backends). */
function descendants(pid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** The Node process running the server (not the npm and sh wrappers around it): scripts/start-server.mjs runs main.ts in-process. */
function isServer(pid) {
  try {
    return (
      fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node' &&
      fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-server.mjs')
    );
  } catch {
    return false;
  }
}

/** PSS and RSS (MB) of the server process and of the postgres processes, read from /proc/<pid>/smaps_rollup. */
function memory(rootPid) {
  const sum = { serverPss: 0, serverRss: 0, postgresPss: 0, postgresRss: 0, postgresProcesses: 0 };
  for (const pid of descendants(rootPid)) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (field) => Number(rollup.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
      if (comm === 'postgres') {
        sum.postgresPss += kb('Pss') / 1024;
        sum.postgresRss += kb('Rss') / 1024;
        sum.postgresProcesses++;
      } else if (isServer(pid)) {
        sum.serverPss += kb('Pss') / 1024;
        sum.serverRss += kb('Rss') / 1024;
      }
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

/** `npm start` on a data folder; resolves once the login page answers, with the banner's text. */
async function start(dataDir, port) {
  const t0 = Date.now();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', JOB_WORKER: 'on' };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(signal ?? code)));
  const base = `http://127.0.0.1:${port}`;
  while (Date.now() - t0 < START_LIMIT_MS) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out.slice(-2000)}`);
    if (out.includes('Nutmeg IIS is running')) {
      const res = await fetch(`${base}/login`, { signal: AbortSignal.timeout(LIMIT_MS) }).catch(() => undefined);
      if (res?.status === 200 && (await res.text()).includes('<div id="root">')) {
        return { child, exited, base, loginPageMs: Date.now() - t0, out: () => out };
      }
    }
    await sleep(100);
  }
  process.kill(-child.pid, 'SIGKILL');
  throw new Error(`no login page within ${START_LIMIT_MS / 1000} s:\n${out.slice(-2000)}`);
}

/** Stops a run's whole process group if it is still there: SIGTERM, then SIGKILL after 10 s. */
async function killRun(run) {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  const signal = (sig) => {
    try {
      process.kill(-run.child.pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  if (await Promise.race([run.exited.then(() => true), sleep(10_000).then(() => false)])) return;
  signal('SIGKILL');
}

/** SIGTERM to the server (as a terminal's Ctrl-C would reach it); ms until it and its postgres are gone. */
async function stop(run) {
  const server = descendants(run.child.pid).find(isServer);
  const everything = [run.child.pid, ...descendants(run.child.pid)];
  const t0 = Date.now();
  process.kill(server ?? run.child.pid, 'SIGTERM');
  await Promise.race([run.exited, sleep(15_000)]);
  for (let i = 0; i < 100 && everything.some((p) => fs.existsSync(`/proc/${p}`)); i++) await sleep(100);
  const left = everything.filter((p) => fs.existsSync(`/proc/${p}`));
  if (left.length) {
    process.kill(-run.child.pid, 'SIGKILL');
    throw new Error(`processes still running 10 s after SIGTERM: ${left.join(' ')}`);
  }
  return Date.now() - t0;
}

async function timed(label, fn) {
  const t0 = Date.now();
  try {
    return { value: await fn(AbortSignal.timeout(LIMIT_MS)), ms: Date.now() - t0 };
  } catch (err) {
    if (err.name === 'TimeoutError') throw Object.assign(new Error(`${label}: no answer within ${LIMIT_MS} ms (hang)`), { hang: true });
    throw err;
  }
}

async function signIn(base, bannerText) {
  const secret = bannerText.match(/^\s+clinicstaff\s+.*?TOTP (\S+)/m)?.[1];
  if (!secret) throw new Error('the banner printed no TOTP secret for clinicstaff');
  const totp = spawnSync(process.execPath, ['packages/cli/bin/nutmeg.js', 'totp', secret], { cwd: ROOT, encoding: 'utf8' });
  const otp = totp.stdout.trim();
  return timed('sign-in', async (signal) => {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clinicstaff', password: PASSWORD, otp }),
      signal,
    });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${base}/api/me`, { headers: { cookie }, signal });
    return { cookie, 'x-csrf-token': (await me.json()).csrfToken };
  });
}

async function oneRun(i) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-newuser-'));
  fs.chmodSync(dataDir, 0o755); // as root, the database's own user must reach DATA_DIR/pg
  const port = await freePort();
  const r = { run: i };
  const started = [];
  try {
    const first = await start(path.join(dataDir, 'data'), port);
    started.push(first);
    r.firstStartToLoginMs = first.loginPageMs;
    r.serverStartMs = Number(first.out().match(/Started in (\d+) ms/)?.[1]);
    const session = await signIn(first.base, first.out());
    r.signInMs = session.ms;
    const search = await timed('first search', async (signal) => {
      const body = JSON.stringify({ lastName: `Nobodyson${i}`, firstName: 'Zebulon', dob: '1901-02-03' });
      const headers = { ...session.value, 'content-type': 'application/json' };
      const res = await fetch(`${first.base}/api/patients/search`, { method: 'POST', headers, body, signal });
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
      return (await res.json()).results.length;
    });
    if (search.value !== 0) throw new Error(`the search for nobody found ${search.value} patients`);
    r.searchMs = search.ms;
    r.memoryMb = memory(first.child.pid);
    r.stopMs = await stop(first);
    const again = await start(path.join(dataDir, 'data'), port);
    started.push(again);
    r.restartToLoginMs = again.loginPageMs;
    await stop(again);
    r.ok = true;
  } catch (err) {
    r.ok = false;
    r.hang = Boolean(err.hang);
    r.error = err.message;
  } finally {
    // A failed run must not leave its server (and its PostgreSQL) running behind the next ones.
    for (const run of started) await killRun(run);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return r;
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const max = (xs) => Math.max(...xs.filter((x) => Number.isFinite(x)));
const mb = (x) => `${Math.round(x)} MB`;

const results = [];
for (let i = 1; i <= RUNS; i++) {
  const r = await oneRun(i);
  results.push(r);
  if (r.ok) {
    const m = r.memoryMb;
    console.log(
      `run ${i}: login page ${r.firstStartToLoginMs} ms after npm start (server ${r.serverStartMs} ms), sign-in ${r.signInMs} ms, ` +
        `first search ${r.searchMs} ms, stop ${r.stopMs} ms, restart to login page ${r.restartToLoginMs} ms; memory PSS ` +
        `${mb(m.serverPss + m.postgresPss)} (server ${mb(m.serverPss)} + postgres ${mb(m.postgresPss)} in ${m.postgresProcesses} processes), ` +
        `RSS ${mb(m.serverRss + m.postgresRss)}`,
    );
  } else console.log(`run ${i}: FAILED${r.hang ? ' (hang)' : ''}: ${r.error}`);
}
const ok = results.filter((r) => r.ok);
const col = (f) => ok.map(f);
console.log(
  `\nnew-user check, ${RUNS} fresh starts: ${ok.length} answered, ${results.filter((r) => r.hang).length} hangs, ` +
    `${results.length - ok.length} failed.\n` +
    `  first start to login page: median ${median(col((r) => r.firstStartToLoginMs))} ms, max ${max(col((r) => r.firstStartToLoginMs))} ms\n` +
    `  restart to login page:     median ${median(col((r) => r.restartToLoginMs))} ms, max ${max(col((r) => r.restartToLoginMs))} ms\n` +
    `  first search (no match):   median ${median(col((r) => r.searchMs))} ms, max ${max(col((r) => r.searchMs))} ms (limit ${LIMIT_MS} ms)\n` +
    `  stop after SIGTERM:        median ${median(col((r) => r.stopMs))} ms, max ${max(col((r) => r.stopMs))} ms\n` +
    `  memory PSS server+postgres: median ${mb(median(col((r) => r.memoryMb.serverPss + r.memoryMb.postgresPss)))}, ` +
    `RSS median ${mb(median(col((r) => r.memoryMb.serverRss + r.memoryMb.postgresRss)))}`,
);
console.log(`${ok.length} passed, ${results.length - ok.length} failed`);
process.exit(ok.length === results.length ? 0 : 1);
