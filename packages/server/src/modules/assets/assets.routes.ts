import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  AssetClassChangeSchema,
  AssetCreateSchema,
  AssetDetailSchema,
  AssetDisposeSchema,
  AssetIncomeListSchema,
  AssetIncomeParamsSchema,
  AssetIncomePutSchema,
  AssetIncomeViewSchema,
  AssetListQuerySchema,
  AssetPageSchema,
  AssetPatchSchema,
  AssetStocktakePageSchema,
  AssetStocktakeQuerySchema,
  IdParamSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { actorOf, versionedDelete, versionedSave, VersionQuerySchema, XLSX } from '../../route-helpers.ts';
import { attachment } from '../imports/record-import.routes.ts';
import * as incomes from './asset-incomes.service.ts';
import { exportAssetsXlsx } from './assets.export.ts';
import * as service from './assets.service.ts';

const tags = ['assets'];

/** 帮扶项目资产 and their half-year income (issue 8 §1–2). */
export function registerAssetRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/assets',
    {
      schema: {
        tags,
        summary: '帮扶项目资产 in scope (filters: region, category, 四个一批 class, management level, project, status, name/number), with the value total',
        querystring: AssetListQuerySchema,
        response: { 200: AssetPageSchema },
      },
    },
    async (req) => service.listAssets(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/assets',
    {
      schema: {
        tags,
        summary: '登记资产 (county and township staff): from an accepted project (projectId; 409 INVALID_TRANSITION before 验收) or not',
        body: AssetCreateSchema,
        response: { 201: AssetDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createAsset(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/assets/export.xlsx',
    { schema: { tags, summary: 'Export the filtered assets (.xlsx, codes in words, value in 元)', querystring: AssetListQuerySchema } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      const buf = await exportAssetsXlsx(deps, actorOf(req), q);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`assets-${stamp}.xlsx`, `帮扶项目资产-${stamp}.xlsx`))
        .send(buf);
    },
  );
  r.get(
    '/api/v1/assets/stocktake-missing',
    {
      schema: {
        tags,
        summary: 'A3: operating assets in use with no income recorded for the last half year completed before asOf (default today)',
        querystring: AssetStocktakeQuerySchema,
        response: { 200: AssetStocktakePageSchema },
      },
    },
    async (req) => incomes.stocktakeMissing(deps, actorOf(req), req.query),
  );
  r.get(
    '/api/v1/assets/:id',
    { schema: { tags, summary: 'One asset with its 四个一批 class history', params: IdParamSchema, response: { 200: AssetDetailSchema } } },
    async (req) => service.getAsset(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/assets/:id',
    ...versionedSave(
      {
        tags,
        summary: 'Change an asset (send the version read, body `version` or If-Match; a disposed asset is read-only)',
        params: IdParamSchema,
        body: AssetPatchSchema,
        response: { 200: AssetDetailSchema },
      },
      (actor, req, version) => service.patchAsset(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.post(
    '/api/v1/assets/:id/class',
    ...versionedSave(
      {
        tags,
        summary: '四个一批: (re)class an operating asset with the reason (kept in its class history)',
        params: IdParamSchema,
        body: AssetClassChangeSchema,
        response: { 200: AssetDetailSchema },
      },
      (actor, req, version) => service.changeAssetClass(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.post(
    '/api/v1/assets/:id/dispose',
    ...versionedSave(
      { tags, summary: '处置: the asset leaves use (its record stays, read-only)', params: IdParamSchema, body: AssetDisposeSchema, response: { 200: AssetDetailSchema } },
      (actor, req, version) => service.disposeAsset(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.get(
    '/api/v1/assets/:id/incomes',
    { schema: { tags, summary: 'An asset’s income per half year (newest first)', params: IdParamSchema, response: { 200: AssetIncomeListSchema } } },
    async (req) => incomes.listAssetIncomes(deps, actorOf(req), req.params.id),
  );
  r.put(
    '/api/v1/assets/:id/incomes/:year/:half',
    ...versionedSave(
      {
        tags,
        summary: 'Record a half year’s income (creates the row, or changes it with its version)',
        params: AssetIncomeParamsSchema,
        body: AssetIncomePutSchema,
        response: { 200: AssetIncomeViewSchema },
      },
      (actor, req, version) => incomes.putAssetIncome(deps, actor, req.params.id, req.params.year, req.params.half, req.body, version),
    ),
  );
  r.delete(
    '/api/v1/assets/:id/incomes/:year/:half',
    ...versionedDelete(
      { tags, summary: 'Remove a half year’s income (If-Match or ?version=; audited)', params: AssetIncomeParamsSchema, querystring: VersionQuerySchema },
      (actor, req, version) => incomes.deleteAssetIncome(deps, actor, req.params.id, req.params.year, req.params.half, version),
    ),
  );
}
