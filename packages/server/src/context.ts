import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { Config } from './config.ts';
import type { InstallKeys } from './install-secret.ts';
import type { Mailer } from './modules/mail/index.ts';
import type { Recommender } from './modules/recommender/index.ts';
import type { SchoolRosters } from './modules/schools/index.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service gets: the database, settings, the clock and the outside world's ports. */
export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** The CDSi engine over the supporting-data release named in the config. */
  recommender: Recommender;
  /** Keys derived from the per-install secret (never stored in the database). */
  keys: InstallKeys;
  /** Roster membership: who a school nurse may see (the patients policy asks; the schools module answers). */
  schoolRosters: SchoolRosters;
}
