import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { renderAgreementPdf } from './agreement.pdf.ts';
import * as signing from './agreement-signing.service.ts';
import * as clinicList from './clinic-list.service.ts';
import * as agreements from './agreement.service.ts';
import { AgreementParams, ReviseAgreementBody, ReturnAgreementBody, SignAgreementBody, StartAgreementBody } from './agreement.schemas.ts';
import * as profile from './profile.service.ts';
import { ProfileBody } from './profile.schemas.ts';
import * as units from './storage-unit.service.ts';
import { OrganizationQuery, StorageUnitBody, StorageUnitEditBody, StorageUnitParams } from './storage-unit.schemas.ts';

const tags = ['clinic tools'];

export function registerStorageUnitRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/storage-units',
    {
      config: { policy: 'clinic:read' },
      schema: { tags, summary: 'The clinic’s storage units (DPH: name the clinic)', querystring: OrganizationQuery },
    },
    async (req) => units.listStorageUnits(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/clinic/storage-units',
    {
      config: { policy: 'clinic:write' },
      schema: { tags, summary: 'Add a refrigerator or freezer at the clinic you act for', body: StorageUnitBody },
    },
    async (req, reply) => reply.status(201).send(await units.addStorageUnit(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/clinic/storage-units/:id',
    {
      config: { policy: 'clinic:write' },
      schema: {
        tags,
        summary: 'Edit or retire a storage unit (send the version you edited)',
        params: StorageUnitParams,
        body: StorageUnitEditBody,
      },
    },
    async (req) => units.updateStorageUnit(ctx, actorOf(req), req.params.id, req.body),
  );
}

export function registerProfileRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/profile',
    {
      config: { policy: 'clinic:read' },
      schema: { tags, summary: 'The clinic’s profile and contacts (DPH: name the clinic)', querystring: OrganizationQuery },
    },
    async (req) => profile.getProfile(ctx, actorOf(req), req.query.organizationId),
  );
  app.put(
    '/api/clinic/profile',
    {
      config: { policy: 'clinic:write' },
      schema: { tags, summary: 'Edit the profile of the clinic you act for (send the version you edited)', body: ProfileBody },
    },
    async (req) => profile.updateProfile(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/clinic/profile/history',
    {
      config: { policy: 'clinic:read' },
      schema: {
        tags,
        summary: 'Every saved version of the profile: who, when, each field before and after',
        querystring: OrganizationQuery,
      },
    },
    async (req) => profile.profileHistory(ctx, actorOf(req), req.query.organizationId),
  );
}

export function registerAgreementRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/agreements',
    {
      config: { policy: 'clinic:read' },
      schema: {
        tags,
        summary: 'The clinic’s provider agreements by program year and revision; whether one is current',
        querystring: OrganizationQuery,
      },
    },
    async (req) => agreements.listAgreements(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/clinic/agreements',
    { config: { policy: 'clinic:write' }, schema: { tags, summary: 'Draft the agreement of a program year', body: StartAgreementBody } },
    async (req, reply) => reply.status(201).send(await agreements.startAgreement(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/clinic/agreements/:id',
    {
      config: { policy: 'clinic:read' },
      schema: { tags, summary: 'One revision: text, data, signatures, hash, review', params: AgreementParams },
    },
    async (req) => agreements.getAgreement(ctx, actorOf(req), req.params.id),
  );
  app.put(
    '/api/clinic/agreements/:id',
    {
      config: { policy: 'clinic:write' },
      schema: {
        tags,
        summary: 'Change a draft; a signed revision stays frozen and the change starts a new revision',
        params: AgreementParams,
        body: ReviseAgreementBody,
      },
    },
    async (req) => agreements.reviseAgreement(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/clinic/agreements/:id/sign',
    {
      config: { policy: 'agreement:sign' },
      schema: {
        tags,
        summary: 'Sign (password and authenticator code again): CMO for CVP; CMO and CEO for COVID-19',
        params: AgreementParams,
        body: SignAgreementBody,
      },
    },
    async (req) => signing.signAgreement(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/clinic/agreements/:id/approve',
    { config: { policy: 'agreement:approve' }, schema: { tags, summary: 'DPH: approve a signed agreement', params: AgreementParams } },
    async (req) => signing.approveAgreement(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/clinic/agreements/:id/return',
    {
      config: { policy: 'agreement:approve' },
      schema: {
        tags,
        summary: 'DPH: return a signed agreement to the clinic with comments',
        params: AgreementParams,
        body: ReturnAgreementBody,
      },
    },
    async (req) => signing.returnAgreement(ctx, actorOf(req), req.params.id, req.body.comment),
  );
}

const ClinicFilterQuery = z.object({
  type: z.string().trim().max(50).optional(),
  town: z.string().trim().max(100).optional(),
  enrolment: z.enum(['not_enrolled', 'pending', 'enrolled', 'suspended', 'terminated']).optional(),
  agreement: z.enum(['none', 'draft', 'signing', 'submitted', 'returned', 'approved', 'superseded']).optional(),
  status: z.enum(['active', 'inactive', 'all']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  renewal: z.enum(['not_renewed']).optional(),
});

export function registerClinicListRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinics',
    {
      config: { policy: 'clinic:list' },
      schema: {
        tags,
        summary: 'DPH: every active clinic with type, town, enrolment and this year’s agreement status',
        querystring: ClinicFilterQuery,
      },
    },
    async (req) => clinicList.listClinics(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/clinics/export.csv',
    {
      config: { policy: 'clinic:list' },
      schema: { tags, summary: 'DPH: the filtered clinic list as CSV', querystring: ClinicFilterQuery },
    },
    async (req, reply) => {
      const csv = await clinicList.exportClinics(ctx, actorOf(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="clinics.csv"')
        .send(csv);
    },
  );
}

export function registerAgreementPdfRoute(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/agreements/:id/pdf',
    {
      config: { policy: 'clinic:read' },
      schema: { tags, summary: 'The revision as a PDF: text, data, signatures with hash, DPH review', params: AgreementParams },
    },
    async (req, reply) => {
      const pdf = await renderAgreementPdf(await agreements.getAgreement(ctx, actorOf(req), req.params.id));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="agreement-${req.params.id}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}
