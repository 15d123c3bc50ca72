#!/usr/bin/env node
// `npm test`: typecheck every package, then unit + database tests, then browser tests when
// Debian's chromium is installed. Ends with one line "N passed, N failed" over everything.
//   --db-only    only the *.int.test.ts database tests (CI runs them again on the system PostgreSQL 15), without
//                the files tagged `ci: own-embedded-postgres` (they start a server of their own)
//   --no-e2e     skip browser tests
// Database and browser tests run on one embedded PostgreSQL server per stage (vitest globalSetup), or on
// TEST_DATABASE_URL=postgres://… ; E2E_DATABASE_URL=postgres://… puts the browser tests' server on that one.
// Each stage has a time limit: a stage that hangs is killed with everything it started and counted as a
// failure, so the run always ends with its summary line (CI has a hard limit of its own).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
let skipped = 0;

const MINUTE = 60_000;
const running = new Set(); // the running stages: their own process groups do not see the terminal's Ctrl-C
for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(sig, () => {
    for (const child of running) killGroup(child);
    process.exit(code);
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs a command in its own process group; past `limitMs` the whole group is killed. Resolves to its exit status. */
function run(cmd, argv, { env: extraEnv = {}, limitMs = 10 * MINUTE } = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: 'inherit', env: { ...env, ...extraEnv }, detached: true });
    running.add(child);
    const timer = setTimeout(() => {
      console.log(`\n${cmd} ${argv.join(' ')}: still running after ${limitMs / MINUTE} min; stopped (counted as a failure)`);
      killGroup(child);
    }, limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      console.log(`${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve(code ?? 1);
    });
  });
}

async function vitest(label, argv, extraEnv = {}) {
  const out = path.join(os.tmpdir(), `nutmeg-vitest-${process.pid}-${label}.json`);
  const status = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...argv], {
    env: extraEnv,
    // A hang detector: the browser stage alone took 18 min on a quiet 2-core machine; CI's own limit is 90 min.
    limitMs: 40 * MINUTE,
  });
  if (!fs.existsSync(out)) {
    console.log(`${label}: the test run produced no report (exit ${status})`);
    failed++;
    return;
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  passed += r.numPassedTests;
  failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}

const dbOnly = args.has('--db-only');
if (!dbOnly) {
  const projects = [
    'packages/api-types',
    'packages/db',
    'packages/forecast',
    'packages/codes',
    'packages/hl7v2',
    'packages/server',
    'packages/cli',
    'packages/web',
    'e2e',
  ].filter((p) => fs.existsSync(path.join(p, 'tsconfig.json')));
  // Two at a time: one tsc is single-threaded, and the machines this runs on have two cores.
  let typeErrors = 0;
  const queue = [...projects];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) if ((await run('npx', ['tsc', '--noEmit', '-p', p])) !== 0) typeErrors++;
  };
  await Promise.all([worker(), worker()]);
  if (typeErrors) {
    console.log(`typecheck: ${typeErrors} project(s) with type errors`);
    failed += typeErrors;
  } else {
    console.log(`typecheck: ${projects.length} projects clean`);
    passed += projects.length;
  }
}

/**
 * Database test files that start their own embedded PostgreSQL (in a data folder of their own) instead of using
 * the test run's server: they test the launcher, not SQL, so running them again with TEST_DATABASE_URL pointing
 * at PostgreSQL 15 would repeat the first stage's run. Each says so with the tag `ci: own-embedded-postgres`.
 */
function ownServerFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(p);
      } else if (entry.name.endsWith('.int.test.ts') && fs.readFileSync(p, 'utf8').includes('ci: own-embedded-postgres')) out.push(p);
    }
  };
  for (const pkg of fs.readdirSync('packages'))
    if (fs.existsSync(path.join('packages', pkg, 'src'))) walk(path.join('packages', pkg, 'src'));
  return out;
}

const dbArgs = dbOnly ? ['.int.test.ts', ...ownServerFiles().flatMap((f) => ['--exclude', f])] : [];
if (dbOnly && dbArgs.length > 1)
  console.log(`\nleft out (their own embedded PostgreSQL, run in the first stage): ${ownServerFiles().join(', ')}`);
await vitest(dbOnly ? 'database' : 'unit+database', dbArgs);

if (!dbOnly && !args.has('--no-e2e')) {
  if (fs.existsSync('/usr/bin/chromium')) {
    // The web UI as `npm start` builds it: only when its sources changed since the last build. It also writes the
    // stamp `npm start` reads, so CI's new-user check that follows does not build the same UI again.
    if ((await run('node', ['scripts/build-web.mjs'])) !== 0) failed++;
    else {
      const url = process.env.E2E_DATABASE_URL;
      console.log(`\nbrowser tests: server database ${url ? `PostgreSQL (${url})` : 'embedded PostgreSQL'}`);
      await vitest('browser', ['--config', 'e2e/vitest.config.ts'], url ? { TEST_DATABASE_URL: url } : {});
    }
  } else {
    console.log('\nbrowser tests: skipped (no /usr/bin/chromium; install it with: apt-get install -y chromium)');
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
