import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { MonitoringLineListSchema, MonitoringLineParamsSchema, MonitoringLineQuerySchema, MonitoringLineUpsertSchema, MonitoringLineViewSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './monitoring-lines.service.ts';

/** 防止返贫监测范围 per province and year: everyone reads, the administrator maintains. */
export function registerMonitoringLineRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  r.get(
    '/api/v1/monitoring-lines',
    { schema: { tags, summary: 'Monitoring lines by province and year', querystring: MonitoringLineQuerySchema, response: { 200: MonitoringLineListSchema } } },
    async (req) => {
      requireActor(req);
      return service.listLines(deps, req.query.provinceCode);
    },
  );
  r.put(
    '/api/v1/monitoring-lines/:provinceCode/:year',
    {
      schema: {
        tags,
        summary: 'Set a monitoring line (admin; an existing line needs the version read, body `version` or If-Match)',
        params: MonitoringLineParamsSchema,
        body: MonitoringLineUpsertSchema,
        response: { 200: MonitoringLineViewSchema },
      },
    },
    async (req) => service.putLine(deps, requireActor(req), req.params.provinceCode, req.params.year, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/monitoring-lines/:provinceCode/:year',
    { schema: { tags, summary: 'Remove a monitoring line (admin; optional If-Match version)', params: MonitoringLineParamsSchema } },
    async (req, reply) => {
      await service.deleteLine(deps, requireActor(req), req.params.provinceCode, req.params.year, versionFrom(req));
      return reply.status(204).send();
    },
  );
}
