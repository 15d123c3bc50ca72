// Interfaces: DPH registers an EHR or organization that sends HL7 (its MSH-3/MSH-4, the clinics it may send
// for, a contact, a credential) and moves it onboarding → testing → production. Coordinators see the
// interfaces that send for their clinic. The credential's secret is random (192 bits) and shown once; only its
// SHA-256 is stored: a slow password hash buys nothing for a random secret and would cap messages per second.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Hl7Interface, Hl7InterfaceCredential, Hl7InterfaceList } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { findOrganizations, findOrganizationsByPins } from '../organizations/index.ts';
import { presentInterface } from './hl7.present.ts';
import * as repo from './interface.repo.ts';
import type { InterfaceBody, InterfaceUpdateBody } from './hl7.schemas.ts';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** The organization ids whose interfaces an actor sees; undefined: all (DPH). */
export function interfaceScope(actor: Actor): string[] | undefined {
  if (isStatewide(actor)) return undefined;
  return actor.scope ? [actor.scope.organizationId] : [];
}

async function present(db: repo.Db, rows: repo.InterfaceRow[]): Promise<Hl7Interface[]> {
  const clinics = await repo.clinicsOf(
    db,
    rows.map((r) => r.id),
  );
  const orgs = await findOrganizations(
    db,
    [...clinics.values()].flat().map((c) => c.organizationId),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => presentInterface(r, clinics.get(r.id) ?? [], byId));
}

async function checkClinics(db: repo.Db, pins: readonly string[]): Promise<repo.InterfaceClinic[]> {
  const unique = [...new Set(pins.map((p) => p.toUpperCase()))];
  const orgs = await findOrganizationsByPins(db, unique);
  const byPin = new Map(orgs.filter((o) => o.kind === 'clinic' && o.pin).map((o) => [o.pin!.toUpperCase(), o]));
  const bad = unique.filter((p) => !byPin.has(p));
  if (bad.length) throw invalid('Name clinics that exist', [{ path: 'clinicPins', message: `Not a clinic's PIN: ${bad.join(', ')}` }]);
  return unique.map((p, i) => ({ organizationId: byPin.get(p)!.id, isDefault: i === 0 }));
}

export async function listInterfaces(ctx: AppContext, actor: Actor): Promise<Hl7InterfaceList> {
  return { interfaces: await present(ctx.db, await repo.listInterfaces(ctx.db, interfaceScope(actor))) };
}

export async function getInterface(ctx: AppContext, actor: Actor, id: string): Promise<Hl7Interface> {
  const row = await repo.interfaceById(ctx.db, id);
  const scope = interfaceScope(actor);
  if (!row) throw notFound('Interface');
  const [presented] = await present(ctx.db, [row]);
  if (scope && !presented!.clinics.some((c) => scope.includes(c.organizationId))) throw notFound('Interface');
  return presented!;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown }).code === '23505';
}

export async function createInterface(ctx: AppContext, actor: Actor, body: InterfaceBody): Promise<Hl7InterfaceCredential> {
  const clinics = await checkClinics(ctx.db, body.clinicPins);
  const secret = newSecret();
  const username = `hl7-${randomBytes(6).toString('hex')}`;
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const created = await repo.insertInterface(
        trx,
        {
          name: body.name,
          sending_application: body.sendingApplication,
          sending_facility: body.sendingFacility,
          status: 'onboarding',
          contact_name: body.contactName ?? null,
          contact_email: body.contactEmail ?? null,
          contact_phone: body.contactPhone ?? null,
          username,
          secret_hash: hashSecret(secret),
          created_by: actor.userId,
          at: now,
        },
        clinics,
      );
      await appendActorAudit(
        trx,
        actor,
        { action: 'hl7.interface.create', entityType: 'hl7_interface', entityId: created.id, detail: { name: body.name } },
        now,
      );
      return created;
    });
    const [presented] = await present(ctx.db, [row]);
    return { interface: presented!, username, secret };
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('An interface with this sending application and facility already exists', {
        fields: [{ path: 'sendingFacility', message: 'Already registered with this sending application' }],
      });
    throw e;
  }
}

export async function updateInterface(ctx: AppContext, actor: Actor, id: string, body: InterfaceUpdateBody): Promise<Hl7Interface> {
  const clinics = body.clinicPins ? await checkClinics(ctx.db, body.clinicPins) : undefined;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateInterfaceAtVersion(
      trx,
      id,
      body.version,
      {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.contactName !== undefined ? { contact_name: body.contactName || null } : {}),
        ...(body.contactEmail !== undefined ? { contact_email: body.contactEmail || null } : {}),
        ...(body.contactPhone !== undefined ? { contact_phone: body.contactPhone || null } : {}),
      },
      now,
    );
    if (!updated) {
      if (!(await repo.interfaceById(trx, id))) throw notFound('Interface');
      throw conflict('Someone else changed this interface; reload it and try again');
    }
    if (clinics) await repo.replaceClinics(trx, id, clinics);
    const detail = { fields: Object.keys(body).filter((k) => k !== 'version'), status: body.status };
    await appendActorAudit(trx, actor, { action: 'hl7.interface.update', entityType: 'hl7_interface', entityId: id, detail }, now);
    return updated;
  });
  return (await present(ctx.db, [row]))[0]!;
}

/** Replaces the secret (the old one stops working at once); the new one is shown once. */
export async function rotateSecret(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Hl7InterfaceCredential> {
  const secret = newSecret();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateInterfaceAtVersion(trx, id, version, { secret_hash: hashSecret(secret) }, now);
    if (!updated) {
      if (!(await repo.interfaceById(trx, id))) throw notFound('Interface');
      throw conflict('Someone else changed this interface; reload it and try again');
    }
    await appendActorAudit(trx, actor, { action: 'hl7.interface.secret', entityType: 'hl7_interface', entityId: id, detail: {} }, now);
    return updated;
  });
  const [presented] = await present(ctx.db, [row]);
  return { interface: presented!, username: row.username, secret };
}

export interface AuthenticatedInterface {
  row: repo.InterfaceRow;
  clinics: repo.InterfaceClinic[];
}

/** The interface whose credential this is, or undefined (unknown user name or wrong secret: the same answer). */
export async function authenticateInterface(db: repo.Db, username: string, secret: string): Promise<AuthenticatedInterface | undefined> {
  const row = await repo.interfaceByUsername(db, username);
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(row?.secret_hash ?? hashSecret(''), 'hex');
  const ok = given.length === stored.length && timingSafeEqual(given, stored);
  if (!row || !ok) return undefined;
  return { row, clinics: (await repo.clinicsOf(db, [row.id])).get(row.id) ?? [] };
}

/** The interface whose bearer token (its secret) this is. */
export async function authenticateBearer(db: repo.Db, secret: string): Promise<AuthenticatedInterface | undefined> {
  const row = await repo.interfaceBySecretHash(db, hashSecret(secret));
  if (!row) return undefined;
  return { row, clinics: (await repo.clinicsOf(db, [row.id])).get(row.id) ?? [] };
}

/** The credentials of an Authorization header (Basic user:secret, or Bearer secret), checked. */
export async function interfaceFromAuthorization(db: repo.Db, header: string | undefined): Promise<AuthenticatedInterface | undefined> {
  const m = /^(Basic|Bearer)\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!m) return undefined;
  if (m[1]!.toLowerCase() === 'bearer') return authenticateBearer(db, m[2]!);
  const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return authenticateInterface(db, decoded.slice(0, colon), decoded.slice(colon + 1));
}

/** The interface by id (the CLI's --interface), with its clinics. */
export async function interfaceWithClinics(db: repo.Db, id: string): Promise<AuthenticatedInterface | undefined> {
  const row = await repo.interfaceById(db, id);
  if (!row) return undefined;
  return { row, clinics: (await repo.clinicsOf(db, [row.id])).get(row.id) ?? [] };
}

export async function interfaceNames(db: repo.Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  return new Map((await repo.interfacesByIds(db, wanted)).map((r) => [r.id, r.name]));
}
