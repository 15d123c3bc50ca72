import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { appendAudit } from '../modules/audit/audit.service.ts';
import { generateTemporaryPassword } from '../modules/access/password.ts';
import { generateTotpSecret } from '../modules/access/totp.ts';
import { createUser } from '../modules/access/user.service.ts';
import { DEMO_EXTRA_STAFF, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { AGREEMENTS, CONNECTICUT, CT_TOWNS } from './reference-data.ts';

/** Seeding needs only the database and the settings. */
export type SeedContext = Pick<AppContext, 'db' | 'config'>;

export interface SeedReport {
  kind: 'demo' | 'none' | 'existing';
  demoLogins?: { username: string; password: string; accessType: string; organizations: string; totpSecret: string }[];
  admin?: { username: string; temporaryPassword: string };
}

/** Jurisdiction, towns, DPH organization and agreement texts: every install has these. */
export async function seedReference(ctx: SeedContext): Promise<void> {
  const { db } = ctx;
  await db
    .insertInto('jurisdictions')
    .values(CONNECTICUT)
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const t of CT_TOWNS) {
    await db
      .insertInto('towns')
      .values({ jurisdiction_id: CONNECTICUT.id, name: t.name, county: t.county, zip_codes: t.zips })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const a of AGREEMENTS)
    await db
      .insertInto('agreement_versions')
      .values(a)
      .onConflict((oc) => oc.doNothing())
      .execute();
  const dph = DEMO_ORGANIZATIONS.find((o) => o.kind === 'dph')!;
  await db
    .insertInto('organizations')
    .values({
      jurisdiction_id: CONNECTICUT.id,
      kind: 'dph',
      pin: dph.pin,
      name: dph.name,
      town: dph.town,
      address: JSON.stringify({ street: dph.street, city: dph.town, state: 'CT', zip: dph.zip }),
      phone: dph.phone,
    })
    .onConflict((oc) => oc.column('pin').doNothing())
    .execute();
}

async function orgIdsByPin(ctx: SeedContext): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'pin']).execute();
  return new Map(rows.filter((r) => r.pin).map((r) => [r.pin!, r.id]));
}

/** Demo clinics, school, health department, staff lists and one user of every access type. */
export async function seedDemo(ctx: SeedContext): Promise<NonNullable<SeedReport['demoLogins']>> {
  const { db } = ctx;
  for (const o of DEMO_ORGANIZATIONS.filter((x) => x.kind !== 'dph')) {
    await db
      .insertInto('organizations')
      .values({
        jurisdiction_id: CONNECTICUT.id,
        kind: o.kind,
        pin: o.pin,
        name: o.name,
        clinic_type: o.clinicType ?? (o.kind === 'health_department' ? 'local_health_department' : null),
        medical_home: o.medicalHome ?? false,
        town: o.town,
        address: JSON.stringify({ street: o.street, city: o.town, state: 'CT', zip: o.zip }),
        phone: o.phone,
        served_towns: o.servedTowns ?? [],
      })
      .onConflict((oc) => oc.column('pin').doNothing())
      .execute();
  }
  const ids = await orgIdsByPin(ctx);
  const byKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
  const logins: NonNullable<SeedReport['demoLogins']> = [];
  for (const u of DEMO_USERS) {
    const orgs = u.orgKeys.map((k) => byKey.get(k)!);
    const email = `${u.username}@demo.nutmeg.example`;
    const secret = generateTotpSecret();
    await createUser(
      db,
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
    for (const o of orgs.filter((x) => x.kind === 'clinic')) {
      await db
        .insertInto('clinic_staff')
        .values({
          organization_id: ids.get(o.pin)!,
          first_name: u.firstName,
          last_name: u.lastName,
          email,
          job_title: u.jobTitle,
          role: u.accessType,
        })
        .execute();
    }
    logins.push({
      username: u.username,
      password: DEMO_PASSWORD,
      accessType: u.accessType,
      organizations: orgs.map((o) => o.name).join('; '),
      totpSecret: secret,
    });
  }
  for (const s of DEMO_EXTRA_STAFF) {
    const o = byKey.get(s.orgKey)!;
    await db
      .insertInto('clinic_staff')
      .values({
        organization_id: ids.get(o.pin)!,
        first_name: s.firstName,
        last_name: s.lastName,
        email: s.email,
        job_title: s.jobTitle,
        role: 'staff',
      })
      .execute();
  }
  return logins;
}

/** NUTMEG_SEED=none: one DPH administrator with a temporary password, printed once. */
export async function seedAdministrator(ctx: SeedContext): Promise<{ username: string; temporaryPassword: string }> {
  const ids = await orgIdsByPin(ctx);
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
      const any = await conn.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (any) return { kind: 'existing' as const };
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
  const rows = await ctx.db
    .selectFrom('users')
    .select(['username', 'mfa_secret'])
    .where(
      'username',
      'in',
      DEMO_USERS.map((u) => u.username),
    )
    .execute();
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
