import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  RULES,
  RuleCheckAnswerSchema,
  RuleCheckBodySchema,
  RuleEvaluateParamSchema,
  RuleEvaluateQuerySchema,
  RuleEvaluationSchema,
  RuleListQuerySchema,
  RuleListSchema,
  RuleResultsPageSchema,
  RuleResultsQuerySchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './rules.service.ts';

/** The sandbox body with `facts` documented per rule: every rule that has a sandbox, with its example. */
function checkBodySchema() {
  const examples = Object.values(RULES)
    .filter((r) => r.sandbox)
    .map((r) => `${r.id} (${r.titleEn}): e.g. ${JSON.stringify(r.sandbox!.example)}`);
  return RuleCheckBodySchema.extend({
    facts: z
      .unknown()
      .describe(`facts of ONE subject in the shape of the rule’s sandbox; rules with a sandbox — ${examples.join('; ') || 'none'}. A rule not listed has no sandbox (404).`),
  });
}

export function registerRuleRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/rules',
    {
      schema: {
        tags: ['rules'],
        summary: 'Every rule of the county’s policy pack with its status for a region and year (stored results, ADR 0004)',
        querystring: RuleListQuerySchema,
        response: { 200: RuleListSchema },
      },
    },
    async (req) => service.listRules(deps, requireActor(req), req.query),
  );
  r.get(
    '/api/v1/rules/:ruleId/evaluate',
    {
      schema: {
        tags: ['rules'],
        summary: 'A rule over a region: figure, per child region, failing subjects with reasons, groups (409 CONFLICT reason not_in_force outside its years)',
        params: RuleEvaluateParamSchema,
        querystring: RuleEvaluateQuerySchema,
        response: { 200: RuleEvaluationSchema },
      },
    },
    async (req) => service.evaluateRule(deps, requireActor(req), req.params.ruleId, req.query),
  );
  r.get(
    '/api/v1/rules/:ruleId/results',
    {
      schema: {
        tags: ['rules'],
        summary: 'Stored subjects of a rule under a region, paged (drill-down; default status not_met)',
        params: RuleEvaluateParamSchema,
        querystring: RuleResultsQuerySchema,
        response: { 200: RuleResultsPageSchema },
      },
    },
    async (req) => service.listRuleResults(deps, requireActor(req), req.params.ruleId, req.query),
  );
  r.post(
    '/api/v1/rules/:ruleId/check',
    {
      schema: {
        tags: ['rules'],
        summary:
          'Policy sandbox (试算): judge one subject given by value against a pack’s rule for a year; nothing is stored. Rules with a sandbox: H1 and those whose GET /rules entry has sandbox.example',
        params: RuleEvaluateParamSchema,
        body: checkBodySchema(),
        response: { 200: RuleCheckAnswerSchema },
      },
    },
    async (req) => {
      requireActor(req);
      return service.checkRule(req.params.ruleId, req.body);
    },
  );
}
