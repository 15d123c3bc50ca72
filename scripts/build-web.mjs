#!/usr/bin/env node
// `npm start`'s build step: builds the web UI only when its inputs changed since the last build, so a restart
// does not spend seconds (and the new-user check 40 builds) rebuilding the same files. `npm run build` always builds.
// The inputs: everything under packages/web (but dist), the sources of the packages it imports (api-types, codes),
// and the lock file; their paths, sizes and contents are hashed into dist/.inputs-sha256 after a build.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'packages/web/dist');
const STAMP = path.join(DIST, '.inputs-sha256');
const INPUTS = ['packages/web', 'packages/api-types/src', 'packages/codes/src', 'package-lock.json', 'tsconfig.base.json'];
const SKIP = new Set(['dist', 'node_modules']);

function files(rel) {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name))
    .flatMap((e) => files(path.join(rel, e.name)));
}

function inputsHash() {
  const hash = crypto.createHash('sha256');
  for (const f of INPUTS.flatMap(files).sort()) {
    hash.update(`${f}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const before = inputsHash();
if (fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === before) {
  console.log('web UI: up to date (packages/web/dist), not rebuilt');
  process.exit(0);
}
const r = spawnSync('npm', ['run', 'build', '-w', '@nutmeg/web'], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
// Hashed before the build: a file edited during the build makes the next start build again.
fs.writeFileSync(STAMP, before);
