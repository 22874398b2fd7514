import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { DashboardQuerySchema, DashboardSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './dashboard.service.ts';

export function registerDashboardRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard',
    { schema: { tags: ['dashboard'], summary: 'Figures of a region with drill-down parameters', querystring: DashboardQuerySchema, response: { 200: DashboardSchema } } },
    async (req) => service.getDashboard(deps, requireActor(req), req.query.regionCode, req.query.year),
  );
}
