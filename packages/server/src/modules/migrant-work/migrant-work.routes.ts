import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { MigrantWorkImportReportSchema, RegionCodeSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { attachment, registerRecordImportRoutes } from '../imports/record-import.routes.ts';
import { exportMigrantWorkXlsx } from './migrant-work.export.ts';
import { importMigrantWorkFile, migrantWorkTemplate } from './migrant-work.import.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['migrant-work'];

/** 外出务工信息 (issue 8): the national file's template, import (persons by 证件号码) and export of the scope. */
export function registerMigrantWorkRoutes(app: FastifyInstance, deps: Deps): void {
  registerRecordImportRoutes(app, deps, {
    base: '/api/v1/migrant-work',
    tags,
    templateFile: { ascii: 'migrant-work-template.xlsx', zh: '外出务工信息导入模板.xlsx' },
    templateSummary: 'The 外出务工信息 template (the national export layout, with a 填表说明 sheet)',
    template: migrantWorkTemplate,
    importSummary:
      'Import 外出务工信息 (.xlsx/.csv, multipart field `file`): persons of the scope by 证件号码, employment months, status, place, channel, employer, wage; all rows or none; 422 lists every row error',
    report: MigrantWorkImportReportSchema,
    importFile: importMigrantWorkFile,
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/migrant-work/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export the 外出务工信息 of the scope (.xlsx in the import layout; ID numbers masked for masked roles)',
        querystring: z.object({ regionCode: RegionCodeSchema.optional().describe('a region of the scope (default: the whole scope)') }),
      },
    },
    async (req, reply) => {
      const actor = { ...requireActor(req), requestId: String(req.id) };
      const buf = await exportMigrantWorkXlsx(deps, actor, req.query.regionCode);
      return reply.header('content-type', XLSX).header('content-disposition', attachment('migrant-work.xlsx', '外出务工信息.xlsx')).send(buf);
    },
  );
}
