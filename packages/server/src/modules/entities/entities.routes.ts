import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  BackboneCreateSchema,
  BackboneListQuerySchema,
  BackboneListSchema,
  BackbonePageSchema,
  BackbonePatchSchema,
  BackboneViewSchema,
  EntityBackboneCreateSchema,
  EntityCloseSchema,
  EntityCreateSchema,
  EntityHistorySchema,
  EntityImportReportSchema,
  EntityListQuerySchema,
  EntityPageSchema,
  EntityPatchSchema,
  EntityReopenSchema,
  EntityViewSchema,
  IdParamSchema,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { attachment, registerRecordImportRoutes } from '../imports/record-import.routes.ts';
import { versionFrom } from '../../versioning.ts';
import * as backbones from './backbones.service.ts';
import { entityTemplate, exportEntitiesXlsx, importEntityFile } from './entities.file.ts';
import * as service from './entities.service.ts';

/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('the version read (or If-Match)') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['entities'];

function actorOf(req: FastifyRequest): Actor {
  return { ...requireActor(req), requestId: String(req.id) };
}

/** 经营主体 and their 技术骨干 (issue 7 §2). */
export function registerEntityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/entities',
    {
      schema: {
        tags,
        summary: 'Business entities (经营主体) in scope: seated there or serving a village of it',
        querystring: EntityListQuerySchema,
        response: { 200: EntityPageSchema },
      },
    },
    async (req) => service.listEntities(deps, actorOf(req), req.query),
  );
  registerRecordImportRoutes(app, deps, {
    base: '/api/v1/entities',
    tags,
    templateFile: { ascii: 'entities-template.xlsx', zh: '经营主体导入模板.xlsx' },
    templateSummary: 'The entities import template (.xlsx with a 填表说明 sheet)',
    template: entityTemplate,
    importSummary: 'Import entities (.xlsx/.csv, multipart field `file`): all rows or none; 422 lists every row error',
    report: EntityImportReportSchema,
    importFile: importEntityFile,
  });
  r.get(
    '/api/v1/entities/export.xlsx',
    { schema: { tags, summary: 'Export the filtered entities (.xlsx; phones masked for masked roles)', querystring: EntityListQuerySchema } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      const buf = await exportEntitiesXlsx(deps, actorOf(req), q);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`entities-${stamp}.xlsx`, `经营主体-${stamp}.xlsx`))
        .send(buf);
    },
  );
  r.post(
    '/api/v1/entities',
    { schema: { tags, summary: 'Register an entity (seat in scope; credit code checked per GB 32100)', body: EntityCreateSchema, response: { 201: EntityViewSchema } } },
    async (req, reply) => reply.status(201).send(await service.createEntity(deps, actorOf(req), req.body)),
  );
  r.get('/api/v1/entities/:id', { schema: { tags, summary: 'One entity', params: IdParamSchema, response: { 200: EntityViewSchema } } }, async (req) =>
    service.getEntity(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/entities/:id',
    {
      schema: {
        tags,
        summary: 'Change an entity (send the version read, body `version` or If-Match)',
        params: IdParamSchema,
        body: EntityPatchSchema,
        response: { 200: EntityViewSchema },
      },
    },
    async (req) => service.patchEntity(deps, actorOf(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/entities/:id/close',
    {
      schema: {
        tags,
        summary: '注销/停业: close an entity (kept with its history; no hard delete)',
        params: IdParamSchema,
        body: EntityCloseSchema,
        response: { 200: EntityViewSchema },
      },
    },
    async (req) => service.setEntityStatus(deps, actorOf(req), req.params.id, 'closed', req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/entities/:id/reopen',
    { schema: { tags, summary: '恢复: reopen a closed entity', params: IdParamSchema, body: EntityReopenSchema, response: { 200: EntityViewSchema } } },
    async (req) => service.setEntityStatus(deps, actorOf(req), req.params.id, 'active', {}, versionFrom(req)),
  );
  r.get(
    '/api/v1/entities/:id/history',
    { schema: { tags, summary: 'Audit history of an entity and its backbones', params: IdParamSchema, response: { 200: EntityHistorySchema } } },
    async (req) => service.entityHistory(deps, actorOf(req), req.params.id),
  );
  r.get(
    '/api/v1/entities/:id/backbones',
    { schema: { tags, summary: 'Technical backbones (技术骨干) of an entity', params: IdParamSchema, response: { 200: BackboneListSchema } } },
    async (req) => backbones.listEntityBackbones(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/entities/:id/backbones',
    { schema: { tags, summary: 'Add a backbone to an entity', params: IdParamSchema, body: EntityBackboneCreateSchema, response: { 201: BackboneViewSchema } } },
    async (req, reply) => reply.status(201).send(await backbones.createEntityBackbone(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/backbones',
    {
      schema: {
        tags,
        summary: '科技人员: backbones serving villages under a region (a village’s own and the entities’), paged; phones masked for masked roles',
        querystring: BackboneListQuerySchema,
        response: { 200: BackbonePageSchema },
      },
    },
    async (req) => backbones.listBackbones(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/backbones',
    { schema: { tags, summary: 'Add a village’s own backbone (no entity)', body: BackboneCreateSchema, response: { 201: BackboneViewSchema } } },
    async (req, reply) => reply.status(201).send(await backbones.createVillageBackbone(deps, actorOf(req), req.body)),
  );
  r.patch(
    '/api/v1/backbones/:id',
    { schema: { tags, summary: 'Change a backbone (send the version read)', params: IdParamSchema, body: BackbonePatchSchema, response: { 200: BackboneViewSchema } } },
    async (req) => backbones.patchBackbone(deps, actorOf(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/backbones/:id',
    { schema: { tags, summary: 'Remove a backbone (If-Match or ?version=; audited)', params: IdParamSchema, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await backbones.deleteBackbone(deps, actorOf(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
}
