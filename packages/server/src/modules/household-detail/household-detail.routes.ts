import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { AuditEntrySchema, HouseholdViewSchema, IdParamSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { getHouseholdHistory } from '../audit/audit.service.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { getHouseholdDetail } from './household-detail.service.ts';

const HistorySchema = z.object({ items: z.array(AuditEntrySchema) });

/** Reads composed over a household and its children: the detail and the history. */
export function registerHouseholdDetailRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  const params = IdParamSchema;
  r.get('/api/v1/households/:id', { schema: { tags, summary: 'Household detail', params, response: { 200: HouseholdViewSchema } } }, async (req) =>
    getHouseholdDetail(deps, requireActor(req), req.params.id),
  );
  r.get('/api/v1/households/:id/history', { schema: { tags, summary: 'Audit entries of the household and its records', params, response: { 200: HistorySchema } } }, async (req) =>
    getHouseholdHistory(deps, requireActor(req), req.params.id),
  );
}
