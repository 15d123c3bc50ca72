#!/usr/bin/env node
// `npm start`'s server step: runs packages/server/src/main.ts from a one-file build of it (esbuild), kept in
// node_modules/.cache/nutmeg-server and rebuilt only when one of the files it was built from changed. Loading the
// TypeScript sources through tsx cost each start ≈ 2 CPU seconds more than loading the build (the new-user check
// starts the server 40 times). npm packages stay outside the build and load from node_modules as before.
// The build keeps the sources' behaviour: each file's import.meta.url / dirname / filename is its own source path
// (paths to migrations, assets and the web UI are resolved from them), and stack traces point into the sources.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(ROOT, 'packages/server/src/main.ts');
const CACHE = path.join(ROOT, 'node_modules/.cache/nutmeg-server');
const BUNDLE = path.join(CACHE, 'main.mjs');
const STAMP = path.join(CACHE, 'inputs.json');
/** Files that change how the sources are read without being sources themselves. */
const SETTINGS = ['package-lock.json', 'tsconfig.base.json', 'packages/server/tsconfig.json', 'scripts/start-server.mjs'];

/** sha256 over the files' paths and contents; undefined when one of them is gone. */
function hashOf(files) {
  const hash = crypto.createHash('sha256');
  for (const f of [...files].sort()) {
    const abs = path.join(ROOT, f);
    if (!fs.existsSync(abs)) return undefined;
    hash.update(`${f}\0`).update(fs.readFileSync(abs)).update('\0');
  }
  return hash.digest('hex');
}

function upToDate() {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
    return stamp.root === ROOT && Array.isArray(stamp.files) && stamp.hash === hashOf(stamp.files);
  } catch {
    return false;
  }
}

/** Each workspace source file keeps its own import.meta: the literal values of its path in the checkout. */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Only the workspace's own packages (@nutmeg/*) and relative imports go into the build. */
const npmPackagesOutside = {
  name: 'npm-packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@nutmeg/') ? undefined : { path: args.path, external: true }));
  },
};

async function buildServer() {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  fs.mkdirSync(CACHE, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    metafile: true,
    logLevel: 'warning',
    plugins: [npmPackagesOutside, ownImportMeta],
  });
  const files = [...Object.keys(result.metafile.inputs).map((f) => path.relative(ROOT, path.resolve(f))), ...SETTINGS];
  // Two starts at once may both build: each renames its own complete file into place.
  fs.renameSync(tmp, BUNDLE);
  // A source edited during the build is newer than the build: no stamp, so the next start builds again.
  const editedMeanwhile = files.some((f) => fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).mtimeMs > startedAt);
  if (!editedMeanwhile) {
    fs.writeFileSync(`${STAMP}.${process.pid}.tmp`, JSON.stringify({ root: ROOT, hash: hashOf(files), files }));
    fs.renameSync(`${STAMP}.${process.pid}.tmp`, STAMP);
  }
}

if (!upToDate()) await buildServer();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(BUNDLE).href);
