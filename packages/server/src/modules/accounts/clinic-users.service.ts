import type { ClinicUser, ClinicUserDeactivated, ClinicUserList } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import {
  accessTypeLabel,
  endMembershipsDeactivatingOrphans,
  findUserById,
  membershipsOf,
  usersAtOrganization,
  type Actor,
} from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { removeFromStaffList } from '../organizations/index.ts';
import { auditUsersShown } from './user-admin.service.ts';

/** The clinic the coordinator is acting for; every clinic-users action is confined to it. */
function activeClinic(actor: Actor): { id: string; name: string; pin: string | null } {
  const s = actor.scope;
  if (!s || s.organizationKind !== 'clinic') throw forbidden('Choose the clinic you are acting for first.');
  return { id: s.organizationId, name: s.organizationName, pin: s.pin };
}

export async function listClinicUsers(ctx: AppContext, actor: Actor): Promise<ClinicUserList> {
  const clinic = activeClinic(actor);
  const rows = await usersAtOrganization(ctx.db, clinic.id);
  const users = new Map<string, ClinicUser>();
  for (const r of rows) {
    let u = users.get(r.id);
    if (!u) {
      u = {
        id: r.id,
        username: r.username,
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        jobTitle: r.job_title,
        status: r.status,
        lastLoginAt: r.last_login_at?.toISOString() ?? null,
        accessTypes: [],
      };
      users.set(r.id, u);
    }
    u.accessTypes.push({
      membershipId: r.membership_id,
      accessType: r.access_type,
      label: accessTypeLabel(r.access_type),
      since: r.member_since.toISOString(),
    });
  }
  await auditUsersShown(ctx, actor, 'user.list', [...users.keys()]);
  return { clinic, users: [...users.values()] };
}

/**
 * A person left the clinic: their access there ends and they leave its staff list. When that
 * was their last active membership anywhere, the account is deactivated and signed out.
 * Users without an active membership at the coordinator's clinic are "not found" — a
 * coordinator can never touch another clinic's users.
 */
export async function deactivateClinicUser(ctx: AppContext, actor: Actor, userId: string, reason?: string): Promise<ClinicUserDeactivated> {
  const clinic = activeClinic(actor);
  if (userId === actor.userId) throw forbidden('You cannot deactivate yourself; ask DPH or your backup coordinator.');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    const memberships = user ? (await membershipsOf(trx, [user.id])).filter((m) => m.organization_id === clinic.id) : [];
    if (!user || memberships.length === 0) throw notFound(`A user of ${clinic.name}`);
    const ended = await endMembershipsDeactivatingOrphans(
      trx,
      memberships.map((m) => m.id),
      now,
    );
    await removeFromStaffList(trx, clinic.id, user.email, now);
    const deactivated = ended.deactivatedUserIds.includes(user.id);
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId: clinic.id,
        action: 'clinic-user.deactivate',
        entityType: 'user',
        entityId: user.id,
        detail: {
          username: user.username,
          membershipIds: memberships.map((m) => m.id),
          userDeactivated: deactivated,
          reason: reason ?? null,
        },
      },
      now,
    );
    return { userId: user.id, membershipsEnded: memberships.length, userDeactivated: deactivated };
  });
}
