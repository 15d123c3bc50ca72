// The per-install secret: keys the audit chain and its checkpoints, and certificate verification codes. It is
// never stored in the database, so someone who can rewrite tables still cannot produce a valid hash or code.
// Set INSTALL_SECRET (several app instances on one database must share it), or let the first start generate
// DATA_DIR/secrets/install-secret (mode 0600). Losing it makes the existing audit chain unverifiable.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface InstallKeys {
  /** Names the secret without revealing it (stored with each audit checkpoint to catch a swapped secret). */
  id: string;
  auditChain: Buffer;
  auditCheckpoint: Buffer;
  certificate: Buffer;
}

const MIN_SECRET_CHARS = 32;

export function installSecretFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'install-secret');
}

/** Reads the secret file, creating it (0600 in a 0700 folder) on the first start. */
export function loadInstallSecret(config: { INSTALL_SECRET?: string | undefined; DATA_DIR: string }): string {
  if (config.INSTALL_SECRET) return config.INSTALL_SECRET;
  const file = installSecretFile(config.DATA_DIR);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': of two processes starting at once, one creates the file and the other reads it.
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it, then start again.`);
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_CHARS)
    throw new Error(`${file} holds less than ${MIN_SECRET_CHARS} characters; it is not a Nutmeg secret.`);
  return secret;
}

/** One key per purpose (HMAC of the secret with the purpose's name), so no key is used for two things. */
export function deriveInstallKeys(secret: string): InstallKeys {
  const key = (purpose: string) => crypto.createHmac('sha256', secret).update(purpose).digest();
  return {
    id: key('nutmeg key id v1').toString('hex').slice(0, 16),
    auditChain: key('nutmeg audit chain v1'),
    auditCheckpoint: key('nutmeg audit checkpoint v1'),
    certificate: key('nutmeg certificate verification v1'),
  };
}
