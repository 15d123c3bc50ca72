import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { conflict } from '../../errors.ts';
import type { AccessType, DphRole } from './access-model.ts';
import { hashPassword } from './password.ts';
import { findUserByUsername, insertMemberships, insertUser, usernamesStartingWith } from './user.repo.ts';

export interface NewUser {
  username?: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
  jobTitle?: string | null;
  memberships: { organizationId: string; accessType: AccessType }[];
  dphRoles?: DphRole[];
  /**
   * null: no usable password until the owner sets one from their activation link (accounts DPH
   * approves). A temporary password (first administrator, CLI) must be changed at first sign-in.
   */
  password: string | null;
  temporary: boolean;
  /** Pre-enrolled TOTP secret: demo users only. */
  mfaSecret?: string;
}

function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** First initial + last name, folded to ASCII, with a number when taken: "jrivera", "jrivera2". */
export async function proposeUsername(db: Kysely<Database>, firstName: string, lastName: string): Promise<string> {
  const base = (asciiFold(firstName).slice(0, 1) + asciiFold(lastName)).slice(0, 30) || 'user';
  const names = new Set((await usernamesStartingWith(db, base)).map((t) => t.toLowerCase()));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}${i}`)) return `${base}${i}`;
}

/** Creates a user with memberships in one transaction (pass a transaction to join a larger one). */
export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  argonMemoryKib: number,
  now: Date = new Date(),
): Promise<{ id: string; username: string }> {
  // Without a password the stored hash is of a random secret nobody knows: no sign-in until activation.
  const passwordHash = await hashPassword(input.password ?? crypto.randomBytes(32).toString('base64url'), argonMemoryKib);
  const run = async (trx: Kysely<Database>) => {
    const username = input.username ?? (await proposeUsername(trx, input.firstName, input.lastName));
    if (await findUserByUsername(trx, username)) throw conflict(`The username ${username} is taken.`);
    const user = await insertUser(trx, {
      username,
      email: input.email,
      first_name: input.firstName,
      last_name: input.lastName,
      phone: input.phone ?? null,
      job_title: input.jobTitle ?? null,
      password_hash: passwordHash,
      password_temporary: input.temporary,
      password_changed_at: input.temporary ? null : now,
      mfa_secret: input.mfaSecret ?? null,
      mfa_enrolled_at: input.mfaSecret ? now : null,
      dph_roles: input.dphRoles ?? [],
      created_at: now,
    });
    await insertMemberships(trx, user.id, input.memberships, now);
    return user;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
