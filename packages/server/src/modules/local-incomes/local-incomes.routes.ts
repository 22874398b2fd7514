import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { LocalIncomeListSchema, LocalIncomeParamsSchema, LocalIncomePutSchema, LocalIncomeQuerySchema, LocalIncomeViewSchema } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './local-incomes.service.ts';

const tags = ['coverage'];

/** 当地农民人均可支配收入 per region and year (issue 8 §8; H6 reads it). */
export function registerLocalIncomeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (req: Parameters<typeof requireActor>[0]): Actor => ({ ...requireActor(req), requestId: String(req.id) });
  r.get(
    '/api/v1/local-incomes',
    {
      schema: {
        tags,
        summary: '当地农民人均可支配收入 of the region, the regions under it and above it, by year (with the growth over the year before)',
        querystring: LocalIncomeQuerySchema,
        response: { 200: LocalIncomeListSchema },
      },
    },
    async (req) => service.listLocalIncomes(deps, actorOf(req), req.query.regionCode),
  );
  r.put(
    '/api/v1/local-incomes/:year',
    {
      schema: {
        tags,
        summary: 'Set a county’s or township’s figure of a year in 元 with its source (county staff; an existing figure needs the version read)',
        params: LocalIncomeParamsSchema,
        body: LocalIncomePutSchema,
        response: { 200: LocalIncomeViewSchema },
      },
    },
    async (req) => service.putLocalIncome(deps, actorOf(req), req.params.year, req.body, versionFrom(req)),
  );
}
