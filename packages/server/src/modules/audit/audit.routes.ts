import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { AuditListSchema, AuditQuerySchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'Audit log (admin)', querystring: AuditQuerySchema, response: { 200: AuditListSchema } } }, async (req) =>
    service.listAudit(deps, requireActor(req), req.query),
  );
}
