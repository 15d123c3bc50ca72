import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveInstallKeys, installSecretFile, loadInstallSecret } from './install-secret.ts';

describe('the per-install secret', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-secret-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is generated on the first start into DATA_DIR/secrets, readable by the owner only, and kept', () => {
    const DATA_DIR = dataDir();
    const first = loadInstallSecret({ DATA_DIR });
    const file = installSecretFile(DATA_DIR);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadInstallSecret({ DATA_DIR })).toBe(first);
    expect(loadInstallSecret({ DATA_DIR: dataDir() })).not.toBe(first);
  });

  it('comes from INSTALL_SECRET when set (several instances share it), without touching the data folder', () => {
    const DATA_DIR = dataDir();
    expect(loadInstallSecret({ DATA_DIR, INSTALL_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(fs.existsSync(installSecretFile(DATA_DIR))).toBe(false);
  });

  it('refuses a secret file other users can read', () => {
    const DATA_DIR = dataDir();
    loadInstallSecret({ DATA_DIR });
    fs.chmodSync(installSecretFile(DATA_DIR), 0o644);
    expect(() => loadInstallSecret({ DATA_DIR })).toThrow(/readable by other users.*chmod 600/);
  });

  it('derives a different key for each purpose, and names the secret without revealing it', () => {
    const k = deriveInstallKeys('s'.repeat(64));
    const all = [k.auditChain, k.auditCheckpoint, k.certificate].map((b) => b.toString('hex'));
    expect(new Set(all).size).toBe(3);
    expect(k.id).toMatch(/^[0-9a-f]{16}$/);
    expect(all.some((h) => h.includes(k.id))).toBe(false);
    expect(deriveInstallKeys('t'.repeat(64)).id).not.toBe(k.id);
  });
});
