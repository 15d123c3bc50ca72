import type { ObservationCodeList, RecommenderRelease } from '@nutmeg/api-types';
import { z } from 'zod';
import { IsoDate } from '../../schemas.ts';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { actorOf, type App } from '../../http.ts';
import { presentForecast } from './forecast.present.ts';
import { listSeasons, seasonsInForceOn, setSeason } from './season.service.ts';

const EvaluateBody = z.object({
  dob: IsoDate,
  sex: z.enum(['F', 'M', 'U']).default('U'),
  /** Country of birth (e.g. US, MEX); decides birth-date immunity such as varicella for people born before 1980. */
  countryOfBirth: z.string().trim().min(2).max(60).optional(),
  assessmentDate: IsoDate,
  doses: z
    .array(z.object({ date: IsoDate, cvx: z.string().regex(/^\d{1,3}$/, 'CVX is 1–3 digits'), mvx: z.string().max(4).optional() }))
    .max(200),
  observations: z
    .array(
      z.object({
        code: z.string().regex(/^\d{3}$/, 'CDSi observation codes have 3 digits'),
        date: IsoDate.optional(),
        /** 'unknown': clinical judgement needed — not applied, returned in the group's `undetermined` */
        status: z.enum(['active', 'unknown']).default('active'),
      }),
    )
    .max(50)
    .default([]),
});

const SeasonParams = z.object({ vaccineGroup: z.string().min(1).max(60) });
const SeasonBody = z.object({
  startDate: IsoDate,
  endDate: IsoDate,
  /** Why, e.g. the ACIP recommendation or the CDC release the dates come from; kept with the dates and audited. */
  reason: z.string().trim().min(1, 'Say where the dates come from').max(500),
});

export function registerRecommenderRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/recommender',
    { config: { policy: 'signed-in' }, schema: { tags: ['recommender'], summary: 'The CDSi supporting-data release in use' } },
    async (): Promise<RecommenderRelease> => ({
      engine: 'CDC CDSi logic specification 4.6',
      supportingDataVersion: ctx.recommender.version,
      counts: ctx.recommender.data.counts,
      vaccineGroups: [...ctx.recommender.data.vaccineGroups.keys()].sort((a, b) => a.localeCompare(b)),
      loadMs: ctx.recommender.loadMs,
    }),
  );

  app.get(
    '/api/recommender/observations',
    {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['recommender'],
        summary: 'CDSi observation codes of the release (indications, contraindications, precautions, evidence of immunity)',
      },
    },
    async (): Promise<ObservationCodeList> => ({
      observations: [...ctx.recommender.data.observations.values()]
        .map((o) => ({ code: o.code, title: o.title, group: o.group }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    }),
  );

  // A what-if evaluation of a history that is not (yet) in the registry, e.g. a paper record brought by a parent.
  app.post(
    '/api/recommender/evaluate',
    {
      config: { policy: 'patient:read' },
      schema: { tags: ['recommender'], summary: 'Evaluate a dose history and forecast, without saving anything', body: EvaluateBody },
    },
    async (req) => {
      const b = req.body;
      const early = b.doses.findIndex((d) => d.date < b.dob);
      if (early >= 0)
        throw invalid('A dose is dated before the date of birth.', [{ path: `doses.${early}.date`, message: 'Before the date of birth' }]);
      const seasons = await seasonsInForceOn(ctx, b.assessmentDate);
      const result = ctx.recommender.forecast({
        patient: { dob: b.dob, sex: b.sex, ...(b.countryOfBirth ? { countryOfBirth: b.countryOfBirth } : {}) },
        assessmentDate: b.assessmentDate,
        doses: b.doses.map((d, i) => ({ id: `d${i + 1}`, date: d.date, cvx: d.cvx, mvx: d.mvx ?? null })),
        observations: b.observations.map((o) => ({ code: o.code, date: o.date ?? null, status: o.status })),
        seasons,
      });
      return presentForecast(ctx.recommender, result, seasons);
    },
  );

  app.get(
    '/api/recommender/seasons',
    {
      config: { policy: 'recommender:seasons' },
      schema: {
        tags: ['recommender'],
        summary: 'Seasonal vaccine groups: the season of the installed CDSi release, the dates DPH set, and whether today is covered',
      },
    },
    async () => listSeasons(ctx),
  );

  app.put(
    '/api/recommender/seasons/:vaccineGroup',
    {
      config: { policy: 'recommender:seasons' },
      schema: {
        tags: ['recommender'],
        summary: "Set the dates of the season after the installed release's (used only for dates the release does not cover)",
        params: SeasonParams,
        body: SeasonBody,
      },
    },
    async (req) => setSeason(ctx, actorOf(req), req.params.vaccineGroup, req.body),
  );
}
