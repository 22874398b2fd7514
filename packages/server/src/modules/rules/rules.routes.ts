import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { RuleEvaluateParamSchema, RuleEvaluateQuerySchema, RuleEvaluationSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './rules.service.ts';

export function registerRuleRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/rules/:ruleId/evaluate',
    {
      schema: {
        tags: ['rules'],
        summary: 'Evaluate a rule over a region, rolled up per child region',
        params: RuleEvaluateParamSchema,
        querystring: RuleEvaluateQuerySchema,
        response: { 200: RuleEvaluationSchema },
      },
    },
    async (req) => service.evaluateRule(deps, requireActor(req), req.params.ruleId, req.query),
  );
}
