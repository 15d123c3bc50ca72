import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import { CertificateQuery, IsoDate, patientWriter } from '../patients/index.ts';
import { getDoseReports } from './dose-reports.service.ts';
import * as doses from './dose.service.ts';
import * as notes from './note.service.ts';
import {
  DeleteBody,
  DoseBody,
  DosesByLotQuery,
  DoseUpdateBody,
  ItemParams,
  ObservationBody,
  PatientParams,
  RefusalBody,
  StockLotsQuery,
} from './dose.schemas.ts';
import { usableLotsForDose } from '../inventory/index.ts';
import { jurisdictionToday } from '../../dates.ts';
import { renderCertificate } from './certificate.service.ts';
import { getForecast, getImmunizations } from './immunization.service.ts';
import { dosesByLotCsv, dosesByLotReport } from './lot-doses.service.ts';

const tags = ['immunizations'];

export function registerImmunizationRoutes(app: App, ctx: AppContext): void {
  registerRecordReadRoutes(app, ctx);
  registerEntryRoutes(app, ctx);
  registerDosesByLotRoutes(app, ctx);
}

/** Inventory's report of doses administered by lot against the records (inventory:read; see lot-doses.service). */
function registerDosesByLotRoutes(app: App, ctx: AppContext): void {
  const schema = { tags: ['inventory'], querystring: DosesByLotQuery };
  app.get(
    '/api/immunizations/doses-by-lot',
    { config: { policy: 'inventory:read' }, schema: { ...schema, summary: 'Doses administered by lot: the ledger against the records' } },
    async (req) => dosesByLotReport(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/immunizations/doses-by-lot.csv',
    { config: { policy: 'inventory:read' }, schema: { ...schema, summary: 'Doses administered by lot as CSV' } },
    async (req, reply) =>
      sendDownload(reply, 'text/csv; charset=utf-8', 'doses-by-lot.csv', await dosesByLotCsv(ctx, actorOf(req), req.query)),
  );
}

/** Reading a record's immunizations: the history, one dose's reports, the forecast, the certificate. */
function registerRecordReadRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/patients/:id/immunizations',
    {
      config: { policy: 'patient:read' },
      schema: {
        tags,
        summary: 'Master doses with their source reports, refusals, contraindications and evidence of immunity',
        params: PatientParams,
      },
    },
    async (req) => getImmunizations(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/patients/:id/doses/:itemId/reports',
    {
      config: { policy: 'patient:read' },
      schema: { tags, summary: 'Each source’s report consolidated into one dose, the master’s first', params: ItemParams },
    },
    async (req) => getDoseReports(ctx, actorOf(req), req.params.id, req.params.itemId),
  );

  app.get(
    '/api/patients/:id/forecast',
    {
      config: { policy: 'patient:read' },
      schema: {
        tags,
        summary: 'Recommender: dose evaluations and forecast per vaccine group',
        params: PatientParams,
        querystring: z.object({ asOf: IsoDate.optional() }),
      },
    },
    async (req) => getForecast(ctx, actorOf(req), req.params.id, req.query.asOf),
  );

  app.get(
    '/api/patients/:id/certificate.pdf',
    {
      config: { policy: 'patient:read' },
      schema: {
        tags,
        summary: 'Certificate of Immunization (PDF); ?kind=covid for the COVID-19 record',
        params: PatientParams,
        querystring: CertificateQuery,
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await renderCertificate(ctx, actorOf(req), req.params.id, req.query.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );
}

/** Entries on a record: doses, refusals, observations (each by the route policy and patientWriter, then one service call). */
function registerEntryRoutes(app: App, ctx: AppContext): void {
  // The dose form's lot choice: whoever records doses for the clinic sees its usable lots (no other stock facts).
  app.get(
    '/api/immunizations/stock-lots',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'The clinic’s usable inventory lots of a vaccine, for the dose form', querystring: StockLotsQuery },
    },
    async (req) => ({
      lots: await usableLotsForDose(
        ctx.db,
        patientWriter(actorOf(req)),
        req.query.cvx,
        req.query.date ?? jurisdictionToday(ctx.clock),
        req.query.patientId,
      ),
    }),
  );

  app.post(
    '/api/patients/:id/doses',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Record an administered or historical dose', params: PatientParams, body: DoseBody },
    },
    async (req, reply) => {
      const r = await doses.recordDose(ctx, patientWriter(actorOf(req)), req.params.id, req.body);
      return reply.status(201).send(r);
    },
  );

  app.put(
    '/api/patients/:id/doses/:itemId',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Correct a dose (entering clinic or DPH; reason required)', params: ItemParams, body: DoseUpdateBody },
    },
    async (req) => doses.updateDose(ctx, patientWriter(actorOf(req)), req.params.id, req.params.itemId, req.body.dose, req.body.reason),
  );

  app.delete(
    '/api/patients/:id/doses/:itemId',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Delete a dose (entering clinic or DPH; reason required)', params: ItemParams, querystring: DeleteBody },
    },
    async (req) => doses.deleteDose(ctx, patientWriter(actorOf(req)), req.params.id, req.params.itemId, req.query.reason),
  );

  app.post(
    '/api/patients/:id/refusals',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Record a refusal with its reason', params: PatientParams, body: RefusalBody },
    },
    async (req, reply) => {
      const r = await notes.recordRefusal(ctx, patientWriter(actorOf(req)), req.params.id, req.body);
      return reply.status(201).send(r);
    },
  );

  app.delete(
    '/api/patients/:id/refusals/:itemId',
    { config: { policy: 'patient:write' }, schema: { tags, summary: 'Remove a refusal', params: ItemParams, querystring: DeleteBody } },
    async (req) => notes.deleteNote(ctx, patientWriter(actorOf(req)), 'refusal', req.params.id, req.params.itemId, req.query.reason),
  );

  app.post(
    '/api/patients/:id/observations',
    {
      config: { policy: 'patient:write' },
      schema: {
        tags,
        summary: 'Record a contraindication, precaution, evidence of immunity or indication (CDSi code)',
        params: PatientParams,
        body: ObservationBody,
      },
    },
    async (req, reply) => {
      const r = await notes.recordObservation(ctx, patientWriter(actorOf(req)), req.params.id, req.body);
      return reply.status(201).send(r);
    },
  );

  app.delete(
    '/api/patients/:id/observations/:itemId',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Remove an observation', params: ItemParams, querystring: DeleteBody },
    },
    async (req) => notes.deleteNote(ctx, patientWriter(actorOf(req)), 'observation', req.params.id, req.params.itemId, req.query.reason),
  );
}
