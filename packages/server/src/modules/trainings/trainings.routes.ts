import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  IdParamSchema,
  ParticipantAddResultSchema,
  ParticipantAddSchema,
  ParticipantImportReportSchema,
  ParticipantPatchSchema,
  TrainingCandidateListSchema,
  TrainingCandidatesQuerySchema,
  TrainingCreateSchema,
  TrainingDetailSchema,
  TrainingListQuerySchema,
  TrainingPageSchema,
  TrainingPatchSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { actorOf, versionedDelete, versionedSave, VersionQuerySchema, XLSX } from '../../route-helpers.ts';
import { multipartFile } from '../imports/record-import.ts';
import { attachment } from '../imports/record-import.routes.ts';
import * as participants from './training-participants.service.ts';
import { exportTrainingXlsx, importParticipants, participantTemplate } from './trainings.file.ts';
import * as service from './trainings.service.ts';

const tags = ['trainings'];

/** 技能培训 and their participants (issue 8 §6, H7). */
export function registerTrainingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/trainings',
    {
      schema: {
        tags,
        summary: '技能培训 organised under the region (filters: year, course/provider/skill text), newest first',
        querystring: TrainingListQuerySchema,
        response: { 200: TrainingPageSchema },
      },
    },
    async (req) => service.listTrainings(deps, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/trainings',
    { schema: { tags, summary: 'Record a training organised by a county, township or village in the scope', body: TrainingCreateSchema, response: { 201: TrainingDetailSchema } } },
    async (req, reply) => reply.status(201).send(await service.createTraining(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/trainings/participants-template.xlsx',
    { schema: { tags, summary: 'Template of the participants file (姓名, 证件号码, 是否结业, 证书编号) with 填表说明' } },
    async (req, reply) => {
      requireActor(req);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('training-participants-template.xlsx', '参训人员导入模板.xlsx'))
        .send(await participantTemplate());
    },
  );
  r.get(
    '/api/v1/trainings/:id',
    {
      schema: {
        tags,
        summary: 'One training with its participants in the scope (ID numbers masked for masked roles)',
        params: IdParamSchema,
        response: { 200: TrainingDetailSchema },
      },
    },
    async (req) => service.getTraining(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/trainings/:id',
    ...versionedSave(
      {
        tags,
        summary: 'Change a training (send the version read, body `version` or If-Match)',
        params: IdParamSchema,
        body: TrainingPatchSchema,
        response: { 200: TrainingDetailSchema },
      },
      (actor, req, version) => service.patchTraining(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.delete(
    '/api/v1/trainings/:id',
    ...versionedDelete(
      {
        tags,
        summary: 'Delete a training and its participant rows (If-Match or ?version=; audited; skills gained stay)',
        params: IdParamSchema,
        querystring: VersionQuerySchema,
      },
      (actor, req, version) => service.deleteTraining(deps, actor, req.params.id, version),
    ),
  );
  r.get(
    '/api/v1/trainings/:id/export.xlsx',
    { schema: { tags, summary: 'The training and its participants in the scope (.xlsx, the import’s columns), audited', params: IdParamSchema } },
    async (req, reply) => {
      const buf = await exportTrainingXlsx(deps, actorOf(req), req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`training-${req.params.id}.xlsx`, `技能培训-${req.params.id}.xlsx`))
        .send(buf);
    },
  );
  r.get(
    '/api/v1/trainings/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Persons who may join (in the scope and the organiser’s region): name prefix or whole ID number, at most 20',
        params: IdParamSchema,
        querystring: TrainingCandidatesQuerySchema,
        response: { 200: TrainingCandidateListSchema },
      },
    },
    async (req) => participants.trainingCandidates(deps, actorOf(req), req.params.id, req.query.q),
  );
  r.post(
    '/api/v1/trainings/:id/participants',
    {
      schema: {
        tags,
        summary: 'Add a participant; a completed course adds its skill to the person’s 掌握技能 (same transaction, `skillAdded`)',
        params: IdParamSchema,
        body: ParticipantAddSchema,
        response: { 201: ParticipantAddResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await participants.addParticipant(deps, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/training-participants/:id',
    ...versionedSave(
      {
        tags,
        summary: '结业 and 证书编号 of a participant (with version); newly completed adds the skill',
        params: IdParamSchema,
        body: ParticipantPatchSchema,
        response: { 200: ParticipantAddResultSchema },
      },
      (actor, req, version) => participants.patchParticipant(deps, actor, req.params.id, req.body, version),
    ),
  );
  r.delete(
    '/api/v1/training-participants/:id',
    ...versionedDelete({ tags, summary: 'Remove a participant (If-Match or ?version=; audited)', params: IdParamSchema, querystring: VersionQuerySchema }, (actor, req, version) =>
      participants.removeParticipant(deps, actor, req.params.id, version),
    ),
  );
  // the participants import: multipart in a child context limited to the upload size (as record-import.routes.ts)
  void app.register(async (child) => {
    if (!child.hasContentTypeParser('multipart/form-data')) await child.register(multipart, { limits: { fileSize: deps.config.importLimits.maxUploadBytes, files: 1, fields: 5 } });
    child.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/trainings/:id/participants/import',
      {
        schema: {
          tags,
          summary: 'Import participants (multipart `file`: 姓名, 证件号码, 是否结业, 证书编号): all rows or none → {added, updated, skillsAdded}',
          params: IdParamSchema,
          response: { 200: ParticipantImportReportSchema },
        },
      },
      async (req) => importParticipants(deps, actorOf(req), req.params.id, await multipartFile(req)),
    );
  });
}
