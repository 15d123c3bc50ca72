import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { anyUserExists, createUser, findUsersByUsernames, generateTemporaryPassword, generateTotpSecret } from '../modules/access/index.ts';
import { addAgreementVersions } from '../modules/accounts/index.ts';
import { appendAudit } from '../modules/audit/index.ts';
import {
  addJurisdiction,
  addOrganizationUnlessPinExists,
  addStaffMembers,
  organizationIdsByPin,
  type NewStaffMember,
} from '../modules/organizations/index.ts';
import { DEMO_EXTRA_STAFF, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganization } from './demo-data.ts';
import { AGREEMENTS, CONNECTICUT, CT_TOWNS } from './reference-data.ts';
import { seedDemoInterface } from '../modules/hl7/index.ts';

/** Seeding needs only the database and the settings. */
export type SeedContext = Pick<AppContext, 'db' | 'config'>;

export interface SeedReport {
  kind: 'demo' | 'none' | 'existing';
  demoLogins?: { username: string; password: string; accessType: string; organizations: string; totpSecret: string }[];
  admin?: { username: string; temporaryPassword: string };
}

function addDemoOrganization(ctx: SeedContext, o: DemoOrganization): Promise<void> {
  return addOrganizationUnlessPinExists(ctx.db, {
    jurisdictionId: CONNECTICUT.id,
    kind: o.kind,
    pin: o.pin,
    name: o.name,
    clinicType: o.clinicType ?? (o.kind === 'health_department' ? 'local_health_department' : null),
    medicalHome: o.medicalHome ?? false,
    town: o.town,
    address: { street: o.street, city: o.town, state: 'CT', zip: o.zip },
    phone: o.phone,
    servedTowns: o.servedTowns ?? [],
  });
}

/** Jurisdiction, towns, DPH organization and agreement texts: every install has these. */
export async function seedReference(ctx: SeedContext): Promise<void> {
  await addJurisdiction(ctx.db, CONNECTICUT, CT_TOWNS);
  await addAgreementVersions(ctx.db, AGREEMENTS);
  await addDemoOrganization(
    ctx,
    DEMO_ORGANIZATIONS.find((o) => o.kind === 'dph')!,
  );
}

/** Demo clinics, school, health department, staff lists and one user of every access type. */
export async function seedDemo(ctx: SeedContext): Promise<NonNullable<SeedReport['demoLogins']>> {
  for (const o of DEMO_ORGANIZATIONS.filter((x) => x.kind !== 'dph')) await addDemoOrganization(ctx, o);
  const ids = await organizationIdsByPin(ctx.db);
  const byKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
  const logins: NonNullable<SeedReport['demoLogins']> = [];
  const staff: NewStaffMember[] = [];
  for (const u of DEMO_USERS) {
    const orgs = u.orgKeys.map((k) => byKey.get(k)!);
    const email = `${u.username}@demo.nutmeg.example`;
    const secret = generateTotpSecret();
    await createUser(
      ctx.db,
      {
        username: u.username,
        email,
        firstName: u.firstName,
        lastName: u.lastName,
        jobTitle: u.jobTitle,
        memberships: orgs.map((o) => ({ organizationId: ids.get(o.pin)!, accessType: u.accessType })),
        dphRoles: u.dphRoles ?? [],
        password: DEMO_PASSWORD,
        temporary: false,
        mfaSecret: secret,
      },
      ctx.config.ARGON2_MEMORY_KIB,
    );
    for (const o of orgs.filter((x) => x.kind === 'clinic'))
      staff.push({
        organizationId: ids.get(o.pin)!,
        firstName: u.firstName,
        lastName: u.lastName,
        email,
        jobTitle: u.jobTitle,
        role: u.accessType,
      });
    logins.push({
      username: u.username,
      password: DEMO_PASSWORD,
      accessType: u.accessType,
      organizations: orgs.map((o) => o.name).join('; '),
      totpSecret: secret,
    });
  }
  for (const s of DEMO_EXTRA_STAFF)
    staff.push({
      organizationId: ids.get(byKey.get(s.orgKey)!.pin)!,
      firstName: s.firstName,
      lastName: s.lastName,
      email: s.email,
      jobTitle: s.jobTitle,
      role: 'staff',
    });
  await addStaffMembers(ctx.db, staff);
  // The HL7 demo interface sends for Elm City Pediatrics (`nutmeg hl7 process` uses it without --interface).
  await seedDemoInterface(ctx.db, ids.get('CT1001')!, 'CT1001', new Date());
  return logins;
}

/** NUTMEG_SEED=none: one DPH administrator with a temporary password, printed once. */
export async function seedAdministrator(ctx: SeedContext): Promise<{ username: string; temporaryPassword: string }> {
  const ids = await organizationIdsByPin(ctx.db);
  const temporaryPassword = generateTemporaryPassword();
  const user = await createUser(
    ctx.db,
    {
      username: 'admin',
      email: 'admin@localhost',
      firstName: 'DPH',
      lastName: 'Administrator',
      memberships: [{ organizationId: ids.get('DPH')!, accessType: 'dph' }],
      dphRoles: ['administrator'],
      password: temporaryPassword,
      temporary: true,
    },
    ctx.config.ARGON2_MEMORY_KIB,
  );
  await appendAudit(ctx.db, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    detail: { by: 'bootstrap', username: user.username },
  });
  return { username: user.username, temporaryPassword };
}

export type DemoPatientSeeder = (ctx: AppContext, count: number) => Promise<void>;

/**
 * First start: seeds once, under an advisory lock so two processes starting together on one
 * PostgreSQL do not both seed. Later starts report 'existing'.
 */
export async function bootstrap(ctx: AppContext, seedPatients?: DemoPatientSeeder): Promise<SeedReport> {
  return ctx.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7042003)`.execute(conn);
    try {
      if (await anyUserExists(conn)) return { kind: 'existing' as const };
      const scoped = { ...ctx, db: conn };
      await seedReference(scoped);
      if (ctx.config.NUTMEG_SEED === 'none') return { kind: 'none' as const, admin: await seedAdministrator(scoped) };
      const demoLogins = await seedDemo(scoped);
      if (seedPatients && ctx.config.NUTMEG_DEMO_PATIENTS > 0) await seedPatients(scoped, ctx.config.NUTMEG_DEMO_PATIENTS);
      return { kind: 'demo' as const, demoLogins };
    } finally {
      await sql`SELECT pg_advisory_unlock(7042003)`.execute(conn);
    }
  });
}

/** Demo logins for the start banner on later starts (secrets are read back from the database). */
export async function listDemoLogins(ctx: AppContext): Promise<NonNullable<SeedReport['demoLogins']>> {
  const rows = await findUsersByUsernames(
    ctx.db,
    DEMO_USERS.map((u) => u.username),
  );
  const secret = new Map(rows.map((r) => [r.username, r.mfa_secret ?? '']));
  const orgName = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o.name]));
  return DEMO_USERS.filter((u) => secret.has(u.username)).map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    accessType: u.accessType,
    // The same text as on the first start: organization names, not the demo data's internal keys.
    organizations: u.orgKeys.map((k) => orgName.get(k) ?? k).join('; '),
    totpSecret: secret.get(u.username)!,
  }));
}
