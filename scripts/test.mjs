#!/usr/bin/env node
// `npm test`: typecheck every package, then unit + database tests, then browser tests when
// Debian's chromium is installed. Ends with one line "N passed, N failed" over everything.
//   --db-only    only the *.int.test.ts database tests (CI runs them again on PostgreSQL)
//   --no-e2e     skip browser tests
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
let skipped = 0;

function run(cmd, argv, opts = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...env, ...opts.env } });
  return r.status ?? 1;
}

function vitest(label, argv, extraEnv = {}) {
  const out = path.join(os.tmpdir(), `nutmeg-vitest-${process.pid}-${label}.json`);
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...argv], {
    env: extraEnv,
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
    'packages/server',
    'packages/cli',
    'packages/web',
    'e2e',
  ].filter((p) => fs.existsSync(path.join(p, 'tsconfig.json')));
  let typeErrors = 0;
  for (const p of projects) if (run('npx', ['tsc', '--noEmit', '-p', p]) !== 0) typeErrors++;
  if (typeErrors) {
    console.log(`typecheck: ${typeErrors} project(s) with type errors`);
    failed += typeErrors;
  } else {
    console.log(`typecheck: ${projects.length} projects clean`);
    passed += projects.length;
  }
}

vitest(dbOnly ? 'database' : 'unit+database', dbOnly ? ['.int.test.ts'] : []);

if (!dbOnly && !args.has('--no-e2e')) {
  if (fs.existsSync('/usr/bin/chromium')) {
    if (run('npm', ['run', 'build']) !== 0) failed++;
    else vitest('browser', ['--config', 'e2e/vitest.config.ts']);
  } else {
    console.log('\nbrowser tests: skipped (no /usr/bin/chromium; install it with: apt-get install -y chromium)');
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
