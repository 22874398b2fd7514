import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  IdParamSchema,
  PostBatchPayResultSchema,
  PostBatchPaySchema,
  PostCandidateListSchema,
  PostCandidateQuerySchema,
  PostCloseSchema,
  PostCreateSchema,
  PostDetailSchema,
  PostExitSchema,
  PostHireSchema,
  PostListQuerySchema,
  PostPageSchema,
  PostPatchSchema,
  PostPaySchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { actorOf, versionedCreate, versionedSave, XLSX } from '../../route-helpers.ts';
import { attachment } from '../imports/record-import.routes.ts';
import * as payments from './post-payments.service.ts';
import { searchCandidates } from './post-candidates.service.ts';
import { exportPostsXlsx } from './posts.export.ts';
import * as service from './posts.service.ts';

const tags = ['posts'];
const AppointmentParamsSchema = IdParamSchema.extend({ appointmentId: z.coerce.number().int().positive().describe('the holding (appointment) id') });

/** 乡村公益性岗位 (issue 8 §4; J5 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗). */
export function registerPostRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/posts',
    {
      schema: {
        tags,
        summary: '公益性岗位 in scope (filters: region, type, status, post or holder name), with the current holder',
        querystring: PostListQuerySchema,
        response: { 200: PostPageSchema },
      },
    },
    async (req) => service.listPosts(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/posts',
    {
      schema: {
        tags,
        summary: '按需设岗: a post of a village or township with its need and monthly subsidy (starts 待聘)',
        body: PostCreateSchema,
        response: { 201: PostDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPost(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/posts/export.xlsx',
    { schema: { tags, summary: 'Export the filtered posts with their holders (.xlsx, codes in words, subsidy in 元)', querystring: PostListQuerySchema } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      const buf = await exportPostsXlsx(deps, actorOf(req), q);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`posts-${stamp}.xlsx`, `公益性岗位-${stamp}.xlsx`))
        .send(buf);
    },
  );
  r.get(
    '/api/v1/posts/candidates',
    {
      schema: {
        tags,
        summary: '聘任: persons of households under the post’s region whose name contains q (ID masked for masked roles)',
        querystring: PostCandidateQuerySchema,
        response: { 200: PostCandidateListSchema },
      },
    },
    async (req) => searchCandidates(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/posts/payments/batch',
    {
      schema: {
        tags,
        summary: '在岗领补: pay one month to every current holder of the filled posts under a region (already paid ones are left)',
        body: PostBatchPaySchema,
        response: { 200: PostBatchPayResultSchema },
      },
    },
    async (req) => payments.payMonthForRegion(deps, actorOf(req), req.body),
  );
  r.get(
    '/api/v1/posts/:id',
    { schema: { tags, summary: 'One post with its holders (newest first) and their paid months', params: IdParamSchema, response: { 200: PostDetailSchema } } },
    async (req) => service.getPost(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/posts/:id',
    ...versionedSave(
      {
        tags,
        summary: 'Change a post (send the version read, body `version` or If-Match; a closed post is read-only)',
        params: IdParamSchema,
        body: PostPatchSchema,
        response: { 200: PostDetailSchema },
      },
      (actor, req, version) => service.patchPost(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.post(
    '/api/v1/posts/:id/close',
    ...versionedSave(
      { tags, summary: '撤岗: an open post is closed with its reason (kept read-only)', params: IdParamSchema, body: PostCloseSchema, response: { 200: PostDetailSchema } },
      (actor, req, version) => service.closePost(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.post(
    '/api/v1/posts/:id/appointments',
    ...versionedCreate(
      {
        tags,
        summary: '以岗聘任: hire a person to an open post from a date (the post’s version); the post becomes 在岗, the person’s 就业渠道 公益性岗位',
        params: IdParamSchema,
        body: PostHireSchema,
        response: { 201: PostDetailSchema },
      },
      (actor, req, version) => service.hire(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.post(
    '/api/v1/posts/:id/appointments/:appointmentId/exit',
    ...versionedSave(
      {
        tags,
        summary: '有序退岗: the holding ends with its reason and date (the appointment’s version); the post is 待聘 again',
        params: AppointmentParamsSchema,
        body: PostExitSchema,
        response: { 200: PostDetailSchema },
      },
      (actor, req, version) => service.exitPost(deps, actor, req.params.id, req.params.appointmentId, req.body, version),
    ),
  );
  r.post(
    '/api/v1/posts/:id/payments',
    {
      schema: {
        tags,
        summary: '在岗领补: pay months (YYYY-MM) to the holder; a month not on post (409 INVALID_TRANSITION) or already paid (409 CONFLICT) is refused by name',
        params: IdParamSchema,
        body: PostPaySchema,
        response: { 201: PostDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await payments.payMonths(deps, actorOf(req), req.params.id, req.body)),
  );
}
