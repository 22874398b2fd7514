import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  DistributionBasisQuerySchema,
  DistributionBasisSchema,
  DistributionCancelSchema,
  DistributionConfirmSchema,
  DistributionListQuerySchema,
  DistributionPageSchema,
  DistributionPatchSchema,
  DistributionProposeSchema,
  DistributionViewSchema,
  IdParamSchema,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as confirm from './distributions-confirm.service.ts';
import * as service from './distributions.service.ts';

const tags = ['distributions'];

function actorOf(req: FastifyRequest): Actor {
  return { ...requireActor(req), requestId: String(req.id) };
}

/** 村集体产业收益分配 (issue 8 §3, A2 004 §五). */
export function registerDistributionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/distributions',
    {
      schema: {
        tags,
        summary: '收益分配 of villages under the region (year, status), newest period first',
        querystring: DistributionListQuerySchema,
        response: { 200: DistributionPageSchema },
      },
    },
    async (req) => service.listDistributions(deps, actorOf(req), req.query),
  );
  r.get(
    '/api/v1/distributions/basis',
    {
      schema: {
        tags,
        summary: 'What a proposal starts from: the period’s income of the village collective’s assets, the 脱贫/监测 households, A2 of the county’s pack',
        querystring: DistributionBasisQuerySchema,
        response: { 200: DistributionBasisSchema },
      },
    },
    async (req) => service.distributionBasis(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/distributions/propose',
    {
      schema: {
        tags,
        summary: '拟定分配: a draft from the registry (按劳取酬 by work units, 基础保障 for households without labour; exact to the 分 by largest remainder)',
        body: DistributionProposeSchema,
        response: { 201: DistributionViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.proposeDraft(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/distributions/:id',
    { schema: { tags, summary: 'One distribution with its lines (户编号, 户主, type, labour, amount)', params: IdParamSchema, response: { 200: DistributionViewSchema } } },
    async (req) => service.getDistribution(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/distributions/:id',
    {
      schema: {
        tags,
        summary: 'Adjust a draft (income, lines, note) with its version',
        params: IdParamSchema,
        body: DistributionPatchSchema,
        response: { 200: DistributionViewSchema },
      },
    },
    async (req) => service.patchDraft(deps, actorOf(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/distributions/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认分配: refused below A2’s share (409 with the reason and clause); each line becomes its household’s wage (按劳) or property (基础保障) income of the year',
        params: IdParamSchema,
        body: DistributionConfirmSchema,
        response: { 200: DistributionViewSchema },
      },
    },
    async (req) => confirm.confirmDistribution(deps, actorOf(req), req.params.id, versionFrom(req)),
  );
  r.post(
    '/api/v1/distributions/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销: a draft is dropped, a confirmed one’s amounts are taken back out of the households’ incomes',
        params: IdParamSchema,
        body: DistributionCancelSchema,
        response: { 200: DistributionViewSchema },
      },
    },
    async (req) => confirm.cancelDistribution(deps, actorOf(req), req.params.id, req.body, versionFrom(req)),
  );
}
