import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { createUser, generateTemporaryPassword, isAccessType, isDphRole, type DphRole } from '@nutmeg/server/access';
import { seedReference } from '@nutmeg/server/seed';
import { appendAudit } from '@nutmeg/server/audit';
import { findOrganizationByPin } from '@nutmeg/server/organizations';
import { parseOptions, requireString } from './options.ts';

/** For the first administrator of a real install (or any user): prints a temporary password once. */
export async function userCreate(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const accessType = requireString(o, 'access-type');
  if (!isAccessType(accessType)) throw new Error(`--access-type ${accessType} is not one of the seed's access types`);
  const roles = typeof o['dph-roles'] === 'string' ? o['dph-roles'].split(',').map((s) => s.trim()) : [];
  const badRole = roles.find((r) => !isDphRole(r));
  if (badRole) throw new Error(`--dph-roles: ${badRole} is not a DPH role`);
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    await seedReference(ctx);
    const pin = typeof o.org === 'string' ? o.org : accessType === 'dph' ? 'DPH' : requireString(o, 'org');
    const org = await findOrganizationByPin(ctx.db, pin);
    if (!org) throw new Error(`--org: no organization with PIN ${pin}`);
    const password = generateTemporaryPassword();
    const user = await createUser(
      ctx.db,
      {
        username: requireString(o, 'username'),
        email: requireString(o, 'email'),
        firstName: requireString(o, 'first'),
        lastName: requireString(o, 'last'),
        memberships: [{ organizationId: org.id, accessType }],
        dphRoles: roles as DphRole[],
        password,
        temporary: true,
      },
      ctx.config.ARGON2_MEMORY_KIB,
    );
    await appendAudit(ctx.db, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      detail: { by: 'cli', username: user.username },
    });
    console.log(`Created ${user.username}. Temporary password (shown once, must be changed at first sign-in): ${password}`);
    return 0;
  } finally {
    await close();
  }
}
