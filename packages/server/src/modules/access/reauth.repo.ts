// SQL for re-authentication (signing an agreement asks for the password and a code again).

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

/**
 * A successful re-authentication clears the failure count and spends the code's time step — only if no
 * sign-in or re-authentication has used that step (or a later one) yet: a code works once.
 */
export async function spendReauthStep(db: Kysely<Database>, userId: string, totpStep: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: 0, mfa_last_step: totpStep })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', totpStep)]))
    .returning('id')
    .executeTakeFirst();
  return !!row;
}
