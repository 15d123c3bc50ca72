import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as patients from './patient.service.ts';
import { listLookupAlerts } from './patient-lookup.service.ts';
import { patientWriter } from './patient.policy.ts';
import { checkDuplicates, searchPatients } from './patient-search.service.ts';
import { setJurisdictionStatus, setOptOut, setOrgStatus, setOwner } from './patient-status.service.ts';
import {
  CreatePatientBody,
  IdParams,
  JurisdictionStatusBody,
  OptOutBody,
  OrgStatusBody,
  OwnerBody,
  PatientBody,
  SearchQuery,
  UpdatePatientBody,
} from './patient.schemas.ts';

const tags = ['patients'];

export function registerPatientRoutes(app: App, ctx: AppContext): void {
  registerRecordRoutes(app, ctx);
  registerStatusRoutes(app, ctx);
}

/** Search, duplicates, the record and its history: create, read, edit. */
function registerRecordRoutes(app: App, ctx: AppContext): void {
  // POST with a JSON body: names, dates of birth and phone numbers never travel in a URL (logs, history, Referer).
  app.post(
    '/api/patients/search',
    {
      config: { policy: 'patient:read' },
      schema: { tags, summary: 'Search patients (fuzzy): ranked results with a match score and reasons', body: SearchQuery },
    },
    async (req) => searchPatients(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/patient-lookup-alerts',
    {
      config: { policy: 'audit:read' },
      schema: { tags, summary: 'Users who looked up many patients by identifier in an hour (last 7 days): a possible harvest' },
    },
    async (req) => listLookupAlerts(ctx, actorOf(req)),
  );

  app.post(
    '/api/patients/duplicates',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Likely and possible duplicates of a record about to be added', body: PatientBody },
    },
    async (req) => checkDuplicates(ctx, actorOf(req), req.body),
  );

  app.post(
    '/api/patients',
    {
      config: { policy: 'patient:write' },
      schema: {
        tags,
        summary: 'Add a patient (409 with candidates when likely duplicates exist, unless confirmNew)',
        body: CreatePatientBody,
      },
    },
    async (req, reply) => {
      const created = await patients.createPatient(ctx, patientWriter(actorOf(req)), req.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/patients/:id',
    {
      config: { policy: 'patient:read' },
      schema: { tags, summary: 'The consolidated patient record with statuses and ownership', params: IdParams },
    },
    async (req) => patients.getPatient(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/api/patients/:id',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Edit demographics (send the version you edited)', params: IdParams, body: UpdatePatientBody },
    },
    async (req) => patients.updatePatient(ctx, patientWriter(actorOf(req)), req.params.id, req.body),
  );

  app.get(
    '/api/patients/:id/history',
    { config: { policy: 'patient:read' }, schema: { tags, summary: 'Who changed what and when', params: IdParams } },
    async (req) => patients.getPatientHistory(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/patients/:id/reports',
    { config: { policy: 'patient:read' }, schema: { tags, summary: 'Each source’s reported version of the patient', params: IdParams } },
    async (req) => patients.getPatientReports(ctx, actorOf(req), req.params.id),
  );
}

/** Statuses: at the caller's clinic, in the jurisdiction, ownership (medical home), opt-out. */
function registerStatusRoutes(app: App, ctx: AppContext): void {
  app.put(
    '/api/patients/:id/status',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Status at your clinic (active / inactive)', params: IdParams, body: OrgStatusBody },
    },
    async (req) => setOrgStatus(ctx, actorOf(req), req.params.id, req.body.status, req.body.reason),
  );

  app.put(
    '/api/patients/:id/jurisdiction-status',
    {
      config: { policy: 'patient:write' },
      schema: {
        tags,
        summary: 'Jurisdiction status: active, moved out, deceased (with date)',
        params: IdParams,
        body: JurisdictionStatusBody,
      },
    },
    async (req) => setJurisdictionStatus(ctx, actorOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/patients/:id/owner',
    {
      config: { policy: 'patient:write' },
      schema: { tags, summary: 'Take or release ownership (medical home)', params: IdParams, body: OwnerBody },
    },
    async (req) => setOwner(ctx, actorOf(req), req.params.id, req.body.own, req.body.reason),
  );

  app.put(
    '/api/patients/:id/opt-out',
    {
      config: { policy: 'patient:opt-out' },
      schema: {
        tags,
        summary: 'Record an opt-out (signed written request) or its withdrawal — DPH only',
        params: IdParams,
        body: OptOutBody,
      },
    },
    async (req) => setOptOut(ctx, actorOf(req), req.params.id, req.body.optedOut, req.body.reason),
  );
}
