import type { FastifyInstance } from 'fastify';
import { AssetImportReportSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { registerRecordImportRoutes } from '../imports/record-import.routes.ts';
import { assetTemplate, importAssetFile } from './assets.import.ts';

/** 资产台账 import (issue 8 §1): `GET /api/v1/assets/template.xlsx`, `POST /api/v1/assets/import`. */
export function registerAssetImportRoutes(app: FastifyInstance, deps: Deps): void {
  registerRecordImportRoutes(app, deps, {
    base: '/api/v1/assets',
    tags: ['assets'],
    templateFile: { ascii: 'assets-template.xlsx', zh: '资产台账导入模板.xlsx' },
    templateSummary: 'The 资产台账 import template (.xlsx with a 填表说明 sheet)',
    template: assetTemplate,
    importSummary:
      'Import assets (.xlsx/.csv in the platform export or a county 资产台账 layout, multipart field `file`): created or updated by 资产编号; all rows or none; 422 lists every row error',
    report: AssetImportReportSchema,
    importFile: importAssetFile,
  });
}
