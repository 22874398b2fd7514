import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { IdParamSchema, MeasureCreateSchema, MeasureUpdateSchema, MeasureViewSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as measures from './measures.service.ts';

/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional().describe('the version read (or If-Match)') });

/** Support measures of a household (帮扶措施). */
export function registerMeasureRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = IdParamSchema;
  r.post(
    '/api/v1/households/:id/measures',
    { schema: { tags: ['measures'], summary: 'Add a support measure', params, body: MeasureCreateSchema, response: { 201: MeasureViewSchema } } },
    async (req, reply) => reply.status(201).send(await measures.createMeasure(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/measures/:id',
    { schema: { tags: ['measures'], summary: 'Edit a support measure', params, body: MeasureUpdateSchema, response: { 200: MeasureViewSchema } } },
    async (req) => measures.updateMeasure(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/measures/:id',
    { schema: { tags: ['measures'], summary: 'Delete a support measure (the version read: If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await measures.deleteMeasure(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
}
