import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { IdParamSchema, IncomeCreateSchema, IncomeUpsertSchema, IncomeViewSchema, IncomeYearParamSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { createIncome, putIncome } from './incomes.service.ts';

/** A household's income by year (收入): add a year, record or replace one (with the version read). */
export function registerIncomeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = IdParamSchema;
  r.post(
    '/api/v1/households/:id/incomes',
    { schema: { tags: ['incomes'], summary: 'Add a year’s income (409 when the year is recorded)', params, body: IncomeCreateSchema, response: { 201: IncomeViewSchema } } },
    async (req, reply) => reply.status(201).send(await createIncome(deps, requireActor(req), req.params.id, req.body)),
  );
  r.put(
    '/api/v1/households/:id/incomes/:year',
    { schema: { tags: ['incomes'], summary: 'Record a year’s income', params: IncomeYearParamSchema, body: IncomeUpsertSchema, response: { 200: IncomeViewSchema } } },
    async (req) => putIncome(deps, requireActor(req), req.params.id, req.params.year, req.body, versionFrom(req)),
  );
}
