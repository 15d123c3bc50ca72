/**
 * Node-only helpers: the only module of @nutmeg/forecast that does I/O.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSupportingData } from './supporting-data/parse.ts';
import type { SupportingData } from './supporting-data/model.ts';

/** Directory of the supporting data copied into this package (4.64). */
export function defaultSupportingDataDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'supporting-data', '4.64');
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
