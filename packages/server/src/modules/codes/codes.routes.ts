import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { VaccineSearchQuery } from './codes.schemas.ts';
import { findVaccines } from './vaccine-search.service.ts';

const tags = ['codes'];

export function registerCodesRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/api/codes/vaccines',
    {
      // Public reference data (CDC code sets), but a search engine for signed-in users only.
      config: { policy: 'signed-in' },
      schema: {
        tags,
        summary: 'Vaccines by name, trade name, CVX or NDC, active products first (the dose form’s picker)',
        querystring: VaccineSearchQuery,
      },
    },
    async (req) => findVaccines(req.query),
  );
}
