import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock } from './folder-lock.ts';

describe('acquireFolderLock', () => {
  it('refuses a second lock on a folder held by a live process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-lock-'));
    const lock = acquireFolderLock(dir);
    // Pretend another live process (our parent) holds it.
    fs.writeFileSync(path.join(dir, 'nutmeg.lock'), String(process.ppid));
    expect(() => acquireFolderLock(dir)).toThrow(/in use by another Nutmeg process/);
    fs.writeFileSync(path.join(dir, 'nutmeg.lock'), String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'nutmeg.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-lock-'));
    fs.writeFileSync(path.join(dir, 'nutmeg.lock'), '999999999');
    const lock = acquireFolderLock(dir);
    expect(fs.readFileSync(path.join(dir, 'nutmeg.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
