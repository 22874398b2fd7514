import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { AppError } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { startImportFileSweeper } from './import-cleanup.ts';
import { buildTemplateCsv, buildTemplateXlsx } from './import-template.ts';
import * as service from './imports.service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const MappingSchema = z.record(z.string().max(48), z.string().max(200));
const ValidateBody = z
  .object({
    mapping: MappingSchema.optional().describe('field key → header of the file; default: the suggested mapping'),
    mappingName: z.string().max(100).optional().describe('use a saved mapping by name'),
    saveAs: z.string().trim().min(1).max(100).optional().describe('save the mapping under this name'),
    options: z
      .object({
        householdType: z.enum(['lifted', 'monitored', 'ordinary']).nullable().optional(),
        liftedCategory: z.string().max(24).nullable().optional(),
        monitoringStatus: z.enum(['monitoring', 'eliminated']).nullable().optional(),
        incomeYear: z.number().int().min(2013).max(2100).optional(),
      })
      .optional()
      .describe("the file's defaults for rows whose columns do not say it; default: from the layout and the file name"),
  })
  // an empty body (none, or {}) validates with the suggested mapping and the file's defaults
  .nullish();
const MappingCreateBody = z.object({ name: z.string().trim().min(1).max(100), mapping: MappingSchema });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Import routes: template, upload, validate, status, errors.xlsx, commit, saved mappings. */
export async function registerImportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // the files of ended and week-old jobs are removed at start-up and hourly; the timer stops with the app
  let stopSweeper = () => undefined as void;
  app.addHook('onReady', async () => {
    if (!deps.config.importFileSweep) return;
    const sweeper = startImportFileSweeper(deps.db, deps.config, (r) =>
      r instanceof Error ? app.log.warn({ err: r.message }, 'import file sweep failed') : app.log.info(r, 'import files removed'),
    );
    stopSweeper = sweeper.stop;
    await sweeper.first;
  });
  app.addHook('onClose', async () => stopSweeper());
  await app.register(async (child) => {
    if (!child.hasContentTypeParser('multipart/form-data')) {
      // a bigger file is cut at the limit and refused (422 naming the limit); the upload is removed
      await child.register(multipart, { limits: { fileSize: deps.config.importLimits.maxUploadBytes, files: 1, fields: 10 } });
    }
    const r = child.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/imports/template.xlsx', { schema: { tags: ['imports'], summary: 'Import template (.xlsx with 填表说明)' } }, async (req, reply) => {
      requireActor(req);
      const buf = await buildTemplateXlsx();
      return reply.header('content-type', XLSX).header('content-disposition', attachment('户成员信息导入模板.xlsx')).send(buf);
    });
    r.get('/api/v1/imports/template.csv', { schema: { tags: ['imports'], summary: 'Import template (.csv)' } }, async (req, reply) => {
      requireActor(req);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('户成员信息导入模板.csv')).send(buildTemplateCsv());
    });

    r.post('/api/v1/imports', { schema: { tags: ['imports'], summary: 'Upload a file (multipart field `file`)' } }, async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) {
        throw new AppError('VALIDATION_FAILED', 'multipart/form-data with a file field is required', {
          issues: [{ path: 'file', messageZh: '请以 multipart/form-data 上传文件（字段名 file）', messageEn: 'Upload the file as multipart/form-data (field "file")' }],
        });
      }
      const file = await req.file();
      if (!file) {
        throw new AppError('VALIDATION_FAILED', 'no file', { issues: [{ path: 'file', messageZh: '没有收到文件', messageEn: 'No file was received' }] });
      }
      const declared = Number(req.headers['content-length']);
      const job = await service.createImportJob(
        deps,
        { ...actor, requestId: String(req.id) },
        {
          fileName: file.filename || 'upload',
          stream: file.file,
          ...(declared > 0 ? { sizeHint: declared } : {}),
        },
      );
      return reply.status(201).send(job);
    });

    r.get('/api/v1/imports/:id', { schema: { tags: ['imports'], summary: 'Job status, progress, totals and first errors', params: IdParams } }, async (req) =>
      service.getImportJob(deps, requireActor(req), req.params.id),
    );

    r.post(
      '/api/v1/imports/:id/validate',
      { schema: { tags: ['imports'], summary: 'Start validation with a mapping; poll GET', params: IdParams, body: ValidateBody } },
      async (req, reply) => {
        const actor = requireActor(req);
        const { job } = await service.startValidation(deps, { ...actor, requestId: String(req.id) }, req.params.id, req.body ?? {});
        return reply.status(202).send(job);
      },
    );

    r.post(
      '/api/v1/imports/:id/commit',
      { schema: { tags: ['imports'], summary: 'Import the good households in one transaction; poll GET', params: IdParams } },
      async (req, reply) => {
        const actor = requireActor(req);
        const { job } = await service.startCommit(deps, { ...actor, requestId: String(req.id) }, req.params.id);
        return reply.status(202).send(job);
      },
    );

    r.get(
      '/api/v1/imports/:id/errors.xlsx',
      { schema: { tags: ['imports'], summary: 'Every bad cell (row, column, value, reason zh/en)', params: IdParams } },
      async (req, reply) => {
        const path = await service.getImportErrorsFile(deps, requireActor(req), req.params.id);
        const st = await stat(path).catch(() => null);
        if (!st) throw new AppError('NOT_FOUND', 'errors file not found');
        return reply
          .header('content-type', XLSX)
          .header('content-length', st.size)
          .header('content-disposition', attachment(`import-${req.params.id}-errors.xlsx`))
          .send(createReadStream(path));
      },
    );

    r.get('/api/v1/import-mappings', { schema: { tags: ['imports'], summary: 'Saved column mappings' } }, async (req) => ({
      items: await service.listImportMappings(deps, requireActor(req)),
    }));
    r.post('/api/v1/import-mappings', { schema: { tags: ['imports'], summary: 'Save a column mapping', body: MappingCreateBody } }, async (req, reply) => {
      const m = await service.createImportMapping(deps, requireActor(req), req.body);
      return reply.status(201).send(m);
    });
  });
}
