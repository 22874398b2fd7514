import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  C1CalcInputSchema,
  C1CalcResultSchema,
  IdParamSchema,
  LoanCreateSchema,
  LoanListQuerySchema,
  LoanListSchema,
  LoanPageSchema,
  LoanUpdateSchema,
  LoanViewSchema,
  RepaymentCreateSchema,
  RepaymentViewSchema,
  S1CalcInputSchema,
  S1CalcResultSchema,
  SubsidyCreatedSchema,
  SubsidyCreateSchema,
  SubsidyListSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as calc from './calculators.service.ts';
import * as loans from './loans.service.ts';
import * as subsidies from './subsidies.service.ts';

/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional().describe('the version read (or If-Match)') });

/** S1 and C1 calculators, loans with repayments, facility subsidies of projects and households (issue 7 §7). */
export function registerCalculatorRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = IdParamSchema;
  const tags = ['calculators'];
  r.post(
    '/api/v1/calculators/s1',
    { schema: { tags, summary: 'S1 设施农业补助计算 (002 §二(二)2)', body: S1CalcInputSchema, response: { 200: S1CalcResultSchema } } },
    async (req) => calc.calculateS1(deps, requireActor(req), req.body),
  );
  r.post(
    '/api/v1/calculators/c1',
    { schema: { tags, summary: 'C1 脱贫人口小额信贷计算 (002 §二(四)2)', body: C1CalcInputSchema, response: { 200: C1CalcResultSchema } } },
    async (req) => calc.calculateC1(deps, requireActor(req), req.body),
  );

  r.get(
    '/api/v1/households/:id/loans',
    { schema: { tags, summary: 'Loans of a household with repayments and schedule', params, response: { 200: LoanListSchema } } },
    async (req) => loans.listHouseholdLoans(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/loans',
    {
      schema: {
        tags,
        summary: 'Record a loan (C1 refusal → 409 CONFLICT with the reasons)',
        params,
        body: LoanCreateSchema,
        response: { 201: LoanViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await loans.createLoan(deps, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/loans',
    { schema: { tags, summary: 'Loans under a region (township and county lists)', querystring: LoanListQuerySchema, response: { 200: LoanPageSchema } } },
    async (req) => loans.listLoans(deps, requireActor(req), req.query),
  );
  r.patch(
    '/api/v1/loans/:id',
    { schema: { tags, summary: 'Edit a loan (version); checked again by C1, subsidy recomputed', params, body: LoanUpdateSchema, response: { 200: LoanViewSchema } } },
    async (req) => loans.updateLoan(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/loans/:id/repayments',
    {
      schema: {
        tags,
        summary: 'Record a repayment; the loan’s subsidy is recomputed from its schedule',
        params,
        body: RepaymentCreateSchema,
        response: { 201: RepaymentViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await loans.addRepayment(deps, requireActor(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/loan-repayments/:id',
    { schema: { tags, summary: 'Delete a repayment (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await loans.deleteRepayment(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );

  r.get('/api/v1/projects/:id/subsidies', { schema: { tags, summary: 'Facility subsidies of a project', params, response: { 200: SubsidyListSchema } } }, async (req) =>
    subsidies.listProjectSubsidies(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/projects/:id/subsidies',
    {
      schema: {
        tags,
        summary: 'Add a facility subsidy to a project (computed by S1 with the county’s pack)',
        params,
        body: SubsidyCreateSchema,
        response: { 201: SubsidyCreatedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await subsidies.createProjectSubsidy(deps, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/v1/households/:id/subsidies', { schema: { tags, summary: 'Facility subsidies of a household', params, response: { 200: SubsidyListSchema } } }, async (req) =>
    subsidies.listHouseholdSubsidies(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/subsidies',
    {
      schema: {
        tags,
        summary: 'Add a facility subsidy to a household (computed by S1 with the county’s pack)',
        params,
        body: SubsidyCreateSchema,
        response: { 201: SubsidyCreatedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await subsidies.createHouseholdSubsidy(deps, requireActor(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/facility-subsidies/:id',
    { schema: { tags, summary: 'Delete a facility subsidy (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await subsidies.deleteSubsidy(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
}
