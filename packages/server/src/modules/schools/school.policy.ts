// Which schools an actor may see and whose rosters they may change, declared once. A school nurse acts for her
// school only; a health director reads the schools of the towns the department serves; DPH reads every school and
// a DPH administrator (roster:manage) may also change rosters. Anything else: not found (never "forbidden", which
// would confirm the school exists to someone outside it).
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { findOrganization, listActiveOrganizations, servedTownsOf, type Organization } from '../organizations/index.ts';

export type SchoolAccess = 'read' | 'manage';

async function townsOf(ctx: AppContext, actor: Actor): Promise<string[] | null> {
  const scope = actor.scope;
  if (scope?.accessType !== 'health_dept_readonly') return null;
  return servedTownsOf(ctx.db, scope.organizationId);
}

/** Whether the actor may change this school's rosters and exemptions. */
export function mayManage(actor: Actor, school: Organization): boolean {
  if (!can(actor, 'roster:manage')) return false;
  if (isStatewide(actor)) return true;
  return actor.scope?.accessType === 'school_readonly' && actor.scope.organizationId === school.id;
}

function mayRead(actor: Actor, school: Organization, towns: string[] | null): boolean {
  if (isStatewide(actor)) return true;
  const scope = actor.scope;
  if (scope?.accessType === 'school_readonly') return scope.organizationId === school.id;
  if (towns) return !!school.town && towns.includes(school.town);
  return false;
}

/** The school, if the actor may act on it as asked; not found otherwise. */
export async function schoolFor(ctx: AppContext, actor: Actor, schoolId: string, access: SchoolAccess): Promise<Organization> {
  const school = await findOrganization(ctx.db, schoolId);
  if (!school || school.kind !== 'school') throw notFound('School');
  const allowed = access === 'manage' ? mayManage(actor, school) : mayRead(actor, school, await townsOf(ctx, actor));
  if (!allowed) throw notFound('School');
  return school;
}

/** Every active school the actor may see. */
export async function visibleSchools(ctx: AppContext, actor: Actor): Promise<Organization[]> {
  const towns = await townsOf(ctx, actor);
  const schools = await listActiveOrganizations(ctx.db, 'school');
  return schools.filter((s) => mayRead(actor, s, towns)).sort((a, b) => a.name.localeCompare(b.name));
}
