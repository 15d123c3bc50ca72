import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum, which verbatimModuleSyntax cannot read; its value is 2.
const ARGON2ID = 2;
import type { FieldError } from '../../errors.ts';

const COMMON_FILE = path.resolve(import.meta.dirname, '../../../assets/common-passwords.txt');
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(COMMON_FILE, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.toLowerCase()),
  );
  return common;
}

export const MIN_LENGTH_WITH_MFA = 8;
export const MIN_LENGTH_WITHOUT_MFA = 15;
export const MAX_LENGTH = 128;

/**
 * NIST SP 800-63B 5.1.1.2: length, not composition; refuse common/breached values and ones
 * built from the user's own name. Returns the problems, empty when the password is acceptable.
 */
export function checkPasswordRules(password: string, opts: { mfa: boolean; username?: string; email?: string }): FieldError[] {
  const problems: FieldError[] = [];
  const min = opts.mfa ? MIN_LENGTH_WITH_MFA : MIN_LENGTH_WITHOUT_MFA;
  const length = [...password].length;
  if (length < min) problems.push({ path: 'newPassword', message: `Use at least ${min} characters.` });
  if (length > MAX_LENGTH) problems.push({ path: 'newPassword', message: `Use at most ${MAX_LENGTH} characters.` });
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    problems.push({ path: 'newPassword', message: 'This password is on a list of common or breached passwords; choose another.' });
  }
  const own = [opts.username, opts.email?.split('@')[0]].filter((s): s is string => !!s && s.length >= 4);
  if (own.some((s) => lower.includes(s.toLowerCase()))) {
    problems.push({ path: 'newPassword', message: 'Do not use your username or e-mail in your password.' });
  }
  return problems;
}

export async function hashPassword(password: string, memoryCost: number): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A temporary password: readable, 4 groups of 4 from an alphabet without look-alikes. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += alphabet[crypto.randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}
