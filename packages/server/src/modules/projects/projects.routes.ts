import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  IdParamSchema,
  ProjectImportResultSchema,
  ProjectActionSchema,
  ProjectBeneficiariesPutSchema,
  ProjectBudgetsPutSchema,
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectListSchema,
  ProjectUpdateSchema,
  ProjectViewSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { attachment, registerRecordImportRoutes } from '../imports/record-import.routes.ts';
import { applyProjectAction } from './project-actions.service.ts';
import { exportProjectsXlsx, importProjectFile, projectTemplate } from './projects.file.ts';
import * as projects from './projects.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 项目库 and its workflow (issue 7 §5). */
export function registerProjectRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '项目库: projects in scope (filters: region, year, stage, type, industry, name/number)',
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectListSchema },
      },
    },
    async (req) => projects.listProjects(deps, requireActor(req), req.query),
  );
  r.post(
    '/api/v1/projects',
    { schema: { tags, summary: '申报: propose a project (stage 谋划; number generated when absent)', body: ProjectCreateSchema, response: { 201: ProjectViewSchema } } },
    async (req, reply) => reply.status(201).send(await projects.createProject(deps, requireActor(req), req.body)),
  );
  r.get(
    '/api/v1/projects/export.xlsx',
    { schema: { tags, summary: 'Export the filtered projects (.xlsx, the import columns)', querystring: ProjectListQuerySchema } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      const buf = await exportProjectsXlsx(deps, requireActor(req), q);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`projects-${stamp}.xlsx`, `项目库-${stamp}.xlsx`))
        .send(buf);
    },
  );
  registerRecordImportRoutes(app, deps, {
    base: '/api/v1/projects',
    tags,
    templateFile: { ascii: 'projects-template.xlsx', zh: '项目库导入模板.xlsx' },
    templateSummary: 'Project import template (.xlsx with 填表说明)',
    template: projectTemplate,
    importSummary:
      'Import projects (.xlsx/.csv, multipart field `file`): a new 项目编号 proposes a project (stage 谋划), a known one in scope updates it; all rows or none; 422 lists every row error',
    report: ProjectImportResultSchema,
    importFile: importProjectFile,
  });
  r.get(
    '/api/v1/projects/:id',
    {
      schema: { tags, summary: 'A project with its steps, budget, beneficiaries and the actions this user may take', params: IdParamSchema, response: { 200: ProjectViewSchema } },
    },
    async (req) => projects.getProject(deps, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/v1/projects/:id',
    { schema: { tags, summary: 'Edit a planned or returned project (version)', params: IdParamSchema, body: ProjectUpdateSchema, response: { 200: ProjectViewSchema } } },
    async (req) => projects.updateProject(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/projects/:id/actions',
    {
      schema: {
        tags,
        summary: 'Take a step of the workflow (申报, 审核, 退回, 公示, 入库审定, 不予入库, 开工, 验收, 绩效评价)',
        params: IdParamSchema,
        body: ProjectActionSchema,
        response: { 200: ProjectViewSchema },
      },
    },
    async (req) => applyProjectAction(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.put(
    '/api/v1/projects/:id/budgets',
    {
      schema: {
        tags,
        summary: 'Replace the budget by year and fund source (total = 总投资)',
        params: IdParamSchema,
        body: ProjectBudgetsPutSchema,
        response: { 200: ProjectViewSchema },
      },
    },
    async (req) => projects.putBudgets(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.put(
    '/api/v1/projects/:id/beneficiaries',
    {
      schema: { tags, summary: 'Replace the beneficiary households (in scope)', params: IdParamSchema, body: ProjectBeneficiariesPutSchema, response: { 200: ProjectViewSchema } },
    },
    async (req) => projects.putBeneficiaries(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
}
