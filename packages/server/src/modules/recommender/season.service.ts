// DPH season dates for seasonal vaccine groups: which the recommender uses on a date, what the admin page shows,
// and setting them (DPH administrator, audited).
import type { SeasonStatus, SeasonStatusList } from '@nutmeg/api-types';
import type { SeasonDates } from '@nutmeg/forecast';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { listSeasonOverrides, upsertSeasonOverride } from './season.repo.ts';
import { oneYearAfter, releaseCovers, seasonsInForce, type ReleaseSeason, type SeasonOverride } from './season.ts';

/** The DPH season dates to forecast with on `date`: none while the installed release covers every season. */
export async function seasonsInForceOn(ctx: AppContext, date: string): Promise<SeasonDates[]> {
  const ended = [...ctx.recommender.seasons.values()].some((s) => !releaseCovers(s, date));
  if (!ended) return [];
  return seasonsInForce(ctx.recommender.seasons, await listSeasonOverrides(ctx.db), date).map((o) => ({
    vaccineGroup: o.vaccineGroup,
    startDate: o.startDate,
    endDate: o.endDate,
  }));
}

/** Groups whose release season ends: the only ones DPH dates can be needed for. */
function endingSeasons(ctx: AppContext): ReleaseSeason[] {
  return [...ctx.recommender.seasons.values()]
    .filter((s) => s.endDate !== null)
    .sort((a, b) => a.vaccineGroup.localeCompare(b.vaccineGroup));
}

function present(ctx: AppContext, s: ReleaseSeason, o: SeasonOverride | undefined, today: string): SeasonStatus {
  const releaseCoversToday = releaseCovers(s, today);
  const overrideInUse = !releaseCoversToday && o !== undefined;
  return {
    vaccineGroup: s.vaccineGroup,
    release: { version: ctx.recommender.version, startDate: s.startDate, endDate: s.endDate },
    override: o ? { startDate: o.startDate, endDate: o.endDate, reason: o.reason, setBy: o.setBy, setAt: o.setAt.toISOString() } : null,
    overrideInUse,
    coveredToday: releaseCoversToday || (overrideInUse && o.startDate <= today && today <= o.endDate),
  };
}

export async function listSeasons(ctx: AppContext): Promise<SeasonStatusList> {
  const today = jurisdictionToday(ctx.clock);
  const overrides = new Map((await listSeasonOverrides(ctx.db)).map((o) => [o.vaccineGroup, o]));
  return { today, seasons: endingSeasons(ctx).map((s) => present(ctx, s, overrides.get(s.vaccineGroup), today)) };
}

/**
 * Sets the dates of the season after the release's for a seasonal vaccine group. They apply only to dates
 * the installed release does not cover, so installing a newer release needs no clean-up.
 */
export async function setSeason(
  ctx: AppContext,
  actor: Actor,
  vaccineGroup: string,
  input: { startDate: string; endDate: string; reason: string },
): Promise<SeasonStatus> {
  const season = endingSeasons(ctx).find((s) => s.vaccineGroup === vaccineGroup);
  if (!season)
    throw invalid(`${vaccineGroup} has no season that ends in the installed CDSi release`, [
      {
        path: 'vaccineGroup',
        message: `Not one of: ${endingSeasons(ctx)
          .map((s) => s.vaccineGroup)
          .join(', ')}`,
      },
    ]);
  const releaseEnd = season.endDate!;
  if (input.startDate <= releaseEnd)
    throw invalid('The season must start after the one the installed release describes', [
      { path: 'startDate', message: `Start after ${releaseEnd}, when the release's season ends` },
    ]);
  if (input.endDate < input.startDate)
    throw invalid('The season ends before it starts', [{ path: 'endDate', message: 'On or after the start date' }]);
  if (input.endDate >= oneYearAfter(input.startDate))
    throw invalid('A season lasts less than a year', [{ path: 'endDate', message: `Before ${oneYearAfter(input.startDate)}` }]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertSeasonOverride(trx, { vaccineGroup, ...input, userId: actor.userId, username: actor.username, at: now });
    await appendActorAudit(
      trx,
      actor,
      { action: 'recommender.season.set', entityType: 'vaccine_group', entityId: vaccineGroup, detail: { ...input } },
      now,
    );
  });
  const saved = (await listSeasonOverrides(ctx.db)).find((o) => o.vaccineGroup === vaccineGroup);
  return present(ctx, season, saved, jurisdictionToday(ctx.clock));
}
