// The demo interface the seed creates for the first demo clinic, used by `nutmeg hl7 process` without
// --interface. Its secret is random and not shown: DPH replaces it on the interfaces screen to send over HTTP.
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/index.ts';
import type { Db } from './interface.repo.ts';
import * as repo from './interface.repo.ts';
import { hashSecret, interfaceWithClinics, type AuthenticatedInterface } from './interface.service.ts';

export const DEMO_SENDING_APPLICATION = 'NUTMEG-DEMO-EHR';

export async function seedDemoInterface(db: Db, clinicId: string, facility: string, at: Date): Promise<void> {
  if (await repo.interfaceBySender(db, DEMO_SENDING_APPLICATION, facility)) return;
  await repo.insertInterface(
    db,
    {
      name: 'Demo EHR',
      sending_application: DEMO_SENDING_APPLICATION,
      sending_facility: facility,
      status: 'production',
      contact_name: 'Demo EHR support',
      contact_email: 'ehr-support@demo.nutmeg.example',
      contact_phone: null,
      username: 'hl7-demo',
      secret_hash: hashSecret(randomBytes(24).toString('base64url')),
      created_by: null,
      at,
    },
    [{ organizationId: clinicId, isDefault: true }],
  );
}

/** The demo interface, if the seed made one. */
export async function demoInterface(db: Db): Promise<AuthenticatedInterface | undefined> {
  const row = await repo.interfaceByUsername(db, 'hl7-demo');
  return row ? interfaceWithClinics(db, row.id) : undefined;
}

/**
 * A new secret for the demo interface, returned once, for a tool run by the operator on a demo or scratch
 * database (`nutmeg bench hl7 --via http` sends over HTTP with it). The old secret stops working; audited.
 */
export async function issueDemoInterfaceSecret(db: Db, at: Date): Promise<{ username: string; secret: string } | undefined> {
  const row = await repo.interfaceByUsername(db, 'hl7-demo');
  if (!row) return undefined;
  const secret = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    const updated = await repo.updateInterfaceAtVersion(trx, row.id, row.version, { secret_hash: hashSecret(secret) }, at);
    if (!updated) throw new Error('the demo interface changed meanwhile: run again');
    await appendAudit(
      trx,
      {
        actorUserId: null,
        actorUsername: 'cli',
        ip: null,
        action: 'hl7.interface.secret',
        entityType: 'hl7_interface',
        entityId: row.id,
        organizationId: null,
        detail: { via: 'cli' },
      },
      at,
    );
  });
  return { username: row.username, secret };
}
