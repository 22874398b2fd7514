import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  EntityHouseholdsQuerySchema,
  EntityHouseholdsSchema,
  HouseholdLinkagesSchema,
  IdParamSchema,
  LinkageCarryResultSchema,
  LinkageCarrySchema,
  LinkageCreateSchema,
  LinkageImportReportSchema,
  LinkageListQuerySchema,
  LinkageListSchema,
  LinkageUpdateSchema,
  LinkageViewSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { carryIntoIncome, householdLinkages } from './linkages-carry.service.ts';
import { exportLinkagesXlsx } from './linkages.export.ts';
import { importLinkageFile, linkageTemplate } from './linkages.file.ts';
import { attachment, registerRecordImportRoutes } from '../imports/record-import.routes.ts';
import * as service from './linkages.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['linkages'];

/** 联农带农: entity ↔ household linkage records (issue 7 §3). */
export function registerLinkageRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/linkages',
    { schema: { tags, summary: 'Linkages of households in scope, with totals', querystring: LinkageListQuerySchema, response: { 200: LinkageListSchema } } },
    async (req) => service.listLinkages(deps, requireActor(req), req.query),
  );
  r.get('/api/v1/linkages/export.xlsx', { schema: { tags, summary: 'Export the filtered linkages (.xlsx)', querystring: LinkageListQuerySchema } }, async (req, reply) => {
    const actor = requireActor(req);
    const { page: _p, pageSize: _s, ...q } = req.query;
    const buf = await exportLinkagesXlsx(deps, { ...actor, requestId: String(req.id) }, q);
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`linkages-${stamp}.xlsx`, `联农带农-${stamp}.xlsx`))
      .send(buf);
  });
  registerRecordImportRoutes(app, deps, {
    base: '/api/v1/linkages',
    tags,
    templateFile: { ascii: 'linkages-template.xlsx', zh: '联农带农导入模板.xlsx' },
    templateSummary: 'The linkages import template (.xlsx with a 填表说明 sheet)',
    template: linkageTemplate,
    importSummary: 'Import linkages (.xlsx/.csv, multipart field `file`): all rows or none; 422 lists every row error',
    report: LinkageImportReportSchema,
    importFile: importLinkageFile,
  });
  r.post(
    '/api/v1/linkages',
    { schema: { tags, summary: 'Record that an entity drives a household', body: LinkageCreateSchema, response: { 201: LinkageViewSchema } } },
    async (req, reply) => reply.status(201).send(await service.createLinkage(deps, requireActor(req), req.body)),
  );
  r.patch(
    '/api/v1/linkages/:id',
    { schema: { tags, summary: 'Change a linkage (with the version read)', params: IdParamSchema, body: LinkageUpdateSchema, response: { 200: LinkageViewSchema } } },
    async (req) => service.updateLinkage(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete('/api/v1/linkages/:id', { schema: { tags, summary: 'Delete a linkage not yet carried into the income (If-Match)', params: IdParamSchema } }, async (req, reply) => {
    await service.deleteLinkage(deps, requireActor(req), req.params.id, versionFrom(req) ?? versionQuery(req.query));
    return reply.status(204).send();
  });
  r.get(
    '/api/v1/households/:id/linkages',
    { schema: { tags, summary: 'Every entity that drives the household, by year', params: IdParamSchema, response: { 200: HouseholdLinkagesSchema } } },
    async (req) => householdLinkages(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/linkages/carry',
    {
      schema: {
        tags,
        summary: 'Carry the year’s linkage income into the household’s income',
        params: IdParamSchema,
        body: LinkageCarrySchema,
        response: { 200: LinkageCarryResultSchema },
      },
    },
    async (req) => carryIntoIncome(deps, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/entities/:id/households',
    {
      schema: {
        tags,
        summary: 'Households the entity drives (in scope) with totals by year and mode',
        params: IdParamSchema,
        querystring: EntityHouseholdsQuerySchema,
        response: { 200: EntityHouseholdsSchema },
      },
    },
    async (req) => service.entityHouseholds(deps, requireActor(req), req.params.id, req.query.year),
  );
}

/** A DELETE may also carry `?version=`. */
function versionQuery(q: unknown): number | undefined {
  const v = (q as { version?: unknown } | undefined)?.version;
  return typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}
