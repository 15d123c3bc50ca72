// The signed-in user a benchmark acts as: the seeded database's first DPH user, with the roles the benchmark needs,
// so the timed code is the service functions the routes call (each run is audited like any other).
import type { createServerContext } from '@nutmeg/server/context-factory';
import { permissionsFor, usersAtOrganization, type Actor, type DphRole } from '@nutmeg/server/access';
import { findDphOrganization } from '@nutmeg/server/organizations';

type AppContext = Awaited<ReturnType<typeof createServerContext>>['ctx'];

export async function benchDphActor(ctx: AppContext, dphRoles: DphRole[]): Promise<Actor> {
  const org = await findDphOrganization(ctx.db);
  const dph = org && (await usersAtOrganization(ctx.db, org.id)).find((u) => u.access_type === 'dph');
  if (!org || !dph) throw new Error('No DPH user in the database: run nutmeg seed first');
  return {
    userId: dph.id,
    username: dph.username,
    displayName: dph.username,
    sessionId: 'bench',
    stage: 'active',
    csrfToken: '',
    dphRoles,
    scope: {
      membershipId: 'bench',
      organizationId: org.id,
      organizationName: org.name,
      organizationKind: 'dph',
      pin: 'DPH',
      accessType: 'dph',
    },
    modules: {},
    permissions: permissionsFor({ accessType: 'dph', dphRoles }),
    ip: '127.0.0.1',
  };
}
