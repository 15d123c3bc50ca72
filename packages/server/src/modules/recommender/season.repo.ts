// The recommender's only table: season dates DPH set per seasonal vaccine group.
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { SeasonOverride } from './season.ts';

type Db = Kysely<Database>;

export async function listSeasonOverrides(db: Db): Promise<SeasonOverride[]> {
  const rows = await db.selectFrom('recommender_season_overrides').selectAll().orderBy('vaccine_group').execute();
  return rows.map((r) => ({
    vaccineGroup: r.vaccine_group,
    startDate: r.start_date,
    endDate: r.end_date,
    reason: r.reason,
    setBy: r.set_by_username,
    setAt: new Date(r.set_at),
  }));
}

/** Sets a group's season dates (one row per group: the last one set is in force). */
export async function upsertSeasonOverride(
  db: Db,
  o: { vaccineGroup: string; startDate: string; endDate: string; reason: string; userId: string; username: string; at: Date },
): Promise<void> {
  const values = {
    start_date: o.startDate,
    end_date: o.endDate,
    reason: o.reason,
    set_by: o.userId,
    set_by_username: o.username,
    set_at: o.at,
  };
  await db
    .insertInto('recommender_season_overrides')
    .values({ vaccine_group: o.vaccineGroup, ...values })
    .onConflict((oc) => oc.column('vaccine_group').doUpdateSet(values))
    .execute();
}
