import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  IdParamSchema,
  JobSubsidyBatchResultSchema,
  JobSubsidyBatchSchema,
  JobSubsidyListQuerySchema,
  JobSubsidyPageSchema,
  JobSubsidyPaymentCreateSchema,
  JobSubsidyPaymentViewSchema,
  JobSubsidyVersionQuerySchema,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import { attachment } from '../imports/record-import.routes.ts';
import { exportJobSubsidiesXlsx } from './job-subsidies.export.ts';
import * as service from './job-subsidies.service.ts';

const tags = ['job-subsidies'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function actorOf(req: FastifyRequest): Actor {
  return { ...requireActor(req), requestId: String(req.id) };
}

/** 就业补助 J1 一次性交通补助, J2 一次性创业补助, J3 一次性吸纳就业补贴 (issue 8 §5). */
export function registerJobSubsidyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/job-subsidies',
    {
      schema: {
        tags,
        summary: 'The eligible list of a kind and year in scope (J3: entity–person pairs), 已发放/未发放 with the amounts, and the county’s terms (cap, amount, months, clause)',
        querystring: JobSubsidyListQuerySchema,
        response: { 200: JobSubsidyPageSchema },
      },
    },
    async (req) => service.listJobSubsidies(deps, actorOf(req), req.query),
  );
  r.get(
    '/api/v1/job-subsidies/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export the eligible list of a kind and year, paid and unpaid (.xlsx, amounts in 元, ID numbers masked as in the list)',
        querystring: JobSubsidyListQuerySchema,
      },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      const buf = await exportJobSubsidiesXlsx(deps, actorOf(req), q);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`job-subsidies-${q.kind}-${stamp}.xlsx`, `就业补助-${stamp}.xlsx`))
        .send(buf);
    },
  );
  r.post(
    '/api/v1/job-subsidies/payments',
    {
      schema: {
        tags,
        summary: '登记发放 (county and township staff): eligibility checked again (409 CONFLICT with the reason), a second payment of the slot refused (409 CONFLICT)',
        body: JobSubsidyPaymentCreateSchema,
        response: { 201: JobSubsidyPaymentViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPayment(deps, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/job-subsidies/payments/batch',
    {
      schema: {
        tags,
        summary: '批量发放 J1/J2: the selected persons at the prefilled amount, each checked like a single payment; the refused ones with their reason',
        body: JobSubsidyBatchSchema,
        response: { 200: JobSubsidyBatchResultSchema },
      },
    },
    async (req) => service.payBatch(deps, actorOf(req), req.body),
  );
  r.delete(
    '/api/v1/job-subsidies/payments/:id',
    { schema: { tags, summary: '撤销 a payment (If-Match or ?version=; audited)', params: IdParamSchema, querystring: JobSubsidyVersionQuerySchema } },
    async (req, reply) => {
      await service.deletePayment(deps, actorOf(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
}
