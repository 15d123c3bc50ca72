// The demo interface the seed creates for the first demo clinic, used by `nutmeg hl7 process` without
// --interface. Its secret is random and not shown: DPH replaces it on the interfaces screen to send over HTTP.
import { randomBytes } from 'node:crypto';
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
