/**
 * Node-only helpers: the only module of @nutmeg/forecast that does I/O.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSupportingData } from './supporting-data/parse.ts';
import type { SupportingData } from './supporting-data/model.ts';

/** The release used when none is named. */
export const DEFAULT_SUPPORTING_DATA_RELEASE = '4.64';

const RELEASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'supporting-data');

/** The CDC supporting-data releases shipped in this package (one folder per release, e.g. "4.64"). */
export function supportingDataReleases(): string[] {
  return readdirSync(RELEASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+\.\d+$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Folder of a shipped release. A new CDC release is installed by copying its XML folder to
 * supporting-data/<release>; naming a release that is not there is a configuration error.
 */
export function supportingDataDirFor(release: string): string {
  const dir = path.join(RELEASES_DIR, release);
  if (!/^\d+\.\d+$/.test(release) || !existsSync(dir)) {
    throw new Error(
      `CDSi supporting data release "${release}" is not installed: ${RELEASES_DIR} has ${supportingDataReleases().join(', ') || 'none'}. ` +
        'Copy the CDC release folder there, or point CDSI_DATA_DIR at it.',
    );
  }
  return dir;
}

/** Directory of the default release shipped in this package. */
export function defaultSupportingDataDir(): string {
  return supportingDataDirFor(DEFAULT_SUPPORTING_DATA_RELEASE);
}

/** Read every *.xml file of a directory and parse it. The version is taken from a "N.NN" in the directory name. */
export function loadSupportingDataFromDir(dir: string = defaultSupportingDataDir()): SupportingData {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (!name.toLowerCase().endsWith('.xml')) continue;
    files[name] = readFileSync(path.join(dir, name), 'utf8');
  }
  const version = /(\d+\.\d+)/.exec(path.basename(path.resolve(dir)))?.[1];
  return parseSupportingData(files, version ? { version } : {});
}
