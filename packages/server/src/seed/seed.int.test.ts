import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@nutmeg/db/testing';
import type { DbHandle } from '@nutmeg/db';
import { testConfig } from '../config.ts';
import { createMailer } from '../modules/mail/index.ts';
import { sharedRecommender } from '../modules/recommender/index.ts';
import { schoolRosters } from '../modules/schools/index.ts';
import { listDemoLogins, seedDemo, seedReference } from './seed.ts';
import { deriveInstallKeys } from '../install-secret.ts';

describe('the demo logins in the start banner', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('name the same organizations after a restart as on the first start', async () => {
    const ctx = {
      db: handle.db,
      config: testConfig(),
      clock: { now: () => new Date() },
      mailer: createMailer({ from: 'test' }),
      recommender: sharedRecommender(),
      keys: deriveInstallKeys('seed-test-install-secret-of-32-characters'),
      schoolRosters,
    };
    await seedReference(ctx);
    const first = await seedDemo(ctx);
    const later = await listDemoLogins(ctx);
    expect(later.map((l) => [l.username, l.organizations])).toEqual(first.map((l) => [l.username, l.organizations]));
    expect(later.find((l) => l.username === 'coordinator')?.organizations).toBe('Elm City Pediatrics; Hartford Community Health Center');
  });
});
