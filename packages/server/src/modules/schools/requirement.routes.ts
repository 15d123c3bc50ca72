// School-entry requirements (DPH): read a year's, add, edit, remove, copy a year to the next. Thin routes over
// requirement.service.ts.
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { addRequirement, copyYear, editRequirement, getRequirementYear, removeRequirement } from './requirement.service.ts';
import {
  CopyYearBody,
  RequirementAddBody,
  RequirementEditBody,
  RequirementParams,
  RequirementYearParams,
  VersionQuery,
} from './school.schemas.ts';

const tags = ['schools'];
const policy = 'school-requirements:manage' as const;

export function registerRequirementRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/school-requirements/:year',
    {
      config: { policy },
      schema: { tags, summary: "A school year's requirements per grade, and their changes", params: RequirementYearParams },
    },
    async (req) => getRequirementYear(ctx, actorOf(req), req.params.year),
  );

  app.post(
    '/api/school-requirements/:year/requirements',
    {
      config: { policy },
      schema: { tags, summary: 'Add a requirement to one or more grades', params: RequirementYearParams, body: RequirementAddBody },
    },
    async (req, reply) => {
      const { grades, ...x } = req.body;
      return reply.status(201).send(await addRequirement(ctx, actorOf(req), req.params.year, { ...x, grades: grades as SchoolGrade[] }));
    },
  );

  app.put(
    '/api/school-requirements/:year/requirements/:grade/:label',
    { config: { policy }, schema: { tags, summary: 'Edit a requirement', params: RequirementParams, body: RequirementEditBody } },
    async (req) => editRequirement(ctx, actorOf(req), { ...req.params, grade: req.params.grade as SchoolGrade }, req.body),
  );

  app.delete(
    '/api/school-requirements/:year/requirements/:grade/:label',
    { config: { policy }, schema: { tags, summary: 'Remove a requirement', params: RequirementParams, querystring: VersionQuery } },
    async (req, reply) => {
      await removeRequirement(ctx, actorOf(req), { ...req.params, grade: req.params.grade as SchoolGrade }, req.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/school-requirements/:year/copy',
    {
      config: { policy },
      schema: { tags, summary: "Copy a year's requirements to the next school year", params: RequirementYearParams, body: CopyYearBody },
    },
    async (req, reply) => reply.status(201).send(await copyYear(ctx, actorOf(req), req.params.year, req.body.version)),
  );
}
