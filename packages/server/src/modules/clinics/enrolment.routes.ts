import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as enrolment from './enrolment.service.ts';
import { updateEnrolmentFacts } from './enrolment-facts.service.ts';
import { ClinicParams, DeactivateClinicBody, EnrolClinicBody, EnrolmentFactsBody } from './enrolment.schemas.ts';

const tags = ['clinic tools'];

export function registerEnrolmentRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/clinics',
    {
      config: { policy: 'clinic:enrol' },
      schema: { tags, summary: 'DPH: enrol a clinic (a new PIN is allocated)', body: EnrolClinicBody },
    },
    async (req, reply) => reply.status(201).send(await enrolment.enrolClinic(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/clinics/:id/deactivate',
    {
      config: { policy: 'clinic:enrol' },
      schema: {
        tags,
        summary: 'DPH: deactivate a clinic (memberships end, patients’ ownership released; audited)',
        params: ClinicParams,
        body: DeactivateClinicBody,
      },
    },
    async (req) => enrolment.deactivateClinic(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.put(
    '/api/clinics/:id/enrolment',
    {
      config: { policy: 'clinic:enrol' },
      schema: {
        tags,
        summary: 'DPH: change a clinic’s type, medical-home flag and VFC/CVP enrolment (send the profile version; audited)',
        params: ClinicParams,
        body: EnrolmentFactsBody,
      },
    },
    async (req) => updateEnrolmentFacts(ctx, actorOf(req), req.params.id, req.body),
  );
}
