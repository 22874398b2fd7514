import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { RegionCodeParamSchema, RegionDetailSchema, RegionTreeQuerySchema, RegionTreeSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './regions.service.ts';

export function registerRegionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/regions/tree', { schema: { tags: ['regions'], summary: 'Region tree within scope', querystring: RegionTreeQuerySchema, response: { 200: RegionTreeSchema } } }, async (req) =>
    service.getRegionTree(deps, requireActor(req), req.query),
  );
  r.get('/api/v1/regions/:code', { schema: { tags: ['regions'], summary: 'Region with children and household counts by type', params: RegionCodeParamSchema, response: { 200: RegionDetailSchema } } }, async (req) =>
    service.getRegionDetail(deps, requireActor(req), req.params.code),
  );
}
