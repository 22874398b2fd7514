import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  RegionChangeReportSchema,
  RegionCodeParamSchema,
  RegionCreateSchema,
  RegionDetailSchema,
  RegionLoadDatasetSchema,
  RegionPatchSchema,
  RegionSchema,
  RegionTreeQuerySchema,
  RegionTreeSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { assertAdmin, requireActor } from '../auth/auth.guard.ts';
import { createRegion, patchRegion } from './regions.admin.service.ts';
import { loadRegionDataset } from './regions.dataset.ts';
import { importRegionFile } from './regions.file.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './regions.service.ts';

/** A region list is small (a whole province's villages are a few MB). */
const MAX_REGION_FILE = 50 * 1024 * 1024;
const DatasetReportSchema = RegionChangeReportSchema.extend({
  county: z.object({ code: z.string(), name: z.string(), cityName: z.string(), provinceName: z.string() }).describe('the dataset county that was loaded'),
});

export function registerRegionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/regions/tree',
    { schema: { tags: ['regions'], summary: 'Region tree within scope', querystring: RegionTreeQuerySchema, response: { 200: RegionTreeSchema } } },
    async (req) => service.getRegionTree(deps, requireActor(req), req.query),
  );
  r.get(
    '/api/v1/regions/:code',
    { schema: { tags: ['regions'], summary: 'Region with children and household counts by type', params: RegionCodeParamSchema, response: { 200: RegionDetailSchema } } },
    async (req) => service.getRegionDetail(deps, requireActor(req), req.params.code),
  );
  r.post(
    '/api/v1/regions',
    { schema: { tags: ['regions'], summary: 'Add a township, village or 组 (admin or county officer, within scope)', body: RegionCreateSchema, response: { 201: RegionSchema } } },
    async (req, reply) => {
      const region = await createRegion(deps, { ...requireActor(req), requestId: String(req.id) }, req.body);
      return reply.status(201).send(region);
    },
  );
  r.patch(
    '/api/v1/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'Rename, retire (撤销/撤并) or restore a region (send the version read, body `version` or If-Match)',
        params: RegionCodeParamSchema,
        body: RegionPatchSchema,
        response: { 200: RegionSchema },
      },
    },
    async (req) => patchRegion(deps, { ...requireActor(req), requestId: String(req.id) }, req.params.code, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/regions/load-dataset',
    {
      schema: {
        tags: ['regions'],
        summary: 'Load a county’s townships and villages from the public 2023 dataset (admin)',
        body: RegionLoadDatasetSchema,
        response: { 200: DatasetReportSchema },
      },
    },
    async (req) => loadRegionDataset(deps, { ...requireActor(req), requestId: String(req.id) }, req.body.county),
  );
  void app.register(async (child) => {
    if (!child.hasContentTypeParser('multipart/form-data')) await child.register(multipart, { limits: { fileSize: MAX_REGION_FILE, files: 1, fields: 5 } });
    child
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/v1/regions/import',
        { schema: { tags: ['regions'], summary: 'Import the official region list (.xlsx/.csv, multipart field `file`; admin)', response: { 200: RegionChangeReportSchema } } },
        async (req) => {
          const actor = requireActor(req);
          assertAdmin(actor);
          if (!req.isMultipart()) {
            throw new AppError('VALIDATION_FAILED', 'multipart/form-data with a file field is required', {
              issues: [{ path: 'file', messageZh: '请以 multipart/form-data 上传文件（字段名 file）', messageEn: 'Upload the file as multipart/form-data (field "file")' }],
            });
          }
          const file = await req.file();
          if (!file) throw new AppError('VALIDATION_FAILED', 'no file', { issues: [{ path: 'file', messageZh: '没有收到文件', messageEn: 'No file was received' }] });
          return importRegionFile(deps, { ...actor, requestId: String(req.id) }, file.file);
        },
      );
  });
}
