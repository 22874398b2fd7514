// Zod schemas of the trainings API (issue 8 §6; H7 002 §二(三)1): 技能培训 (course, provider, dates, skill taught,
// certificate) organised by a county, township or village, and their participants (persons of households in
// scope, with 结业 and 证书编号). Codes: dict training_certificate (dictionaries/employment.dict.ts).
import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, RegionCodeSchema, VersionSchema, nullableText, pageOf } from './common.schemas.ts';
import { SkillNameSchema } from './person-employment.schemas.ts';

export const CERTIFICATE_NO_MAX = 60;

const trainingFields = {
  regionCode: RegionCodeSchema.describe('组织单位所在地: the county, township or village organising the course (scoping)'),
  course: z.string().trim().min(1).max(100).describe('培训名称 (大枣栽培管理培训班 …)'),
  provider: nullableText(100).describe('培训机构'),
  startsOn: IsoDateSchema.describe('开始日期 (the training counts for H7 in this year)'),
  endsOn: IsoDateSchema.nullable().optional().describe('结束日期 (not before the start)'),
  skill: SkillNameSchema.nullable().optional().describe('所授技能: added to a participant’s 掌握技能 when the participant completes the course'),
  certificate: z.string().trim().min(1).max(24).nullable().optional().describe('证书类型 (dict training_certificate)'),
  note: nullableText(500).describe('备注'),
};

/** `POST /api/v1/trainings`. */
export const TrainingCreateSchema = z.object(trainingFields);
export type TrainingCreate = z.infer<typeof TrainingCreateSchema>;

/** `PATCH /api/v1/trainings/:id` (send the version read, or If-Match). */
export const TrainingPatchSchema = z.object({ ...trainingFields, version: VersionSchema.optional() }).partial();
export type TrainingPatch = z.infer<typeof TrainingPatchSchema>;

export const TrainingListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('trainings organised under this region (default: the user’s scope)'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('year of the start date'),
  q: z.string().trim().max(50).optional().describe('part of the course, provider or skill'),
});
export type TrainingListQuery = z.infer<typeof TrainingListQuerySchema>;

export const TrainingViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  course: z.string(),
  provider: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  skill: z.string().nullable(),
  certificate: z.string().nullable(),
  note: z.string().nullable(),
  participants: z.number().int().describe('参训人数 (in the user’s scope)'),
  completed: z.number().int().describe('结业人数 (in the user’s scope)'),
  version: VersionSchema,
  updatedAt: z.string(),
});
export type TrainingView = z.infer<typeof TrainingViewSchema>;
export const TrainingPageSchema = pageOf(TrainingViewSchema);
export type TrainingPage = z.infer<typeof TrainingPageSchema>;

export const ParticipantViewSchema = z.object({
  id: z.number().int(),
  trainingId: z.number().int(),
  personId: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked unless the role may see personal information'),
  regionCode: z.string().describe('the person’s household village'),
  regionName: z.string().nullable(),
  completed: z.boolean().describe('结业'),
  certificateNo: z.string().nullable(),
  version: VersionSchema,
});
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;

/** A training with its participants that the user may see (persons of households in the user’s scope). */
export const TrainingDetailSchema = TrainingViewSchema.extend({ participantList: z.array(ParticipantViewSchema) });
export type TrainingDetail = z.infer<typeof TrainingDetailSchema>;

/** `POST /api/v1/trainings/:id/participants`. */
export const ParticipantAddSchema = z.object({
  personId: z.number().int().positive().describe('a person in the registry of a household in the user’s scope'),
  completed: z.boolean().optional().describe('结业 (default true)'),
  certificateNo: nullableText(CERTIFICATE_NO_MAX).describe('证书编号'),
});
export type ParticipantAdd = z.infer<typeof ParticipantAddSchema>;

/** The answer of an add: the participant and the skill added to the person’s 掌握技能 (null when none was). */
export const ParticipantAddResultSchema = z.object({
  participant: ParticipantViewSchema,
  skillAdded: z.string().nullable().describe('the course’s skill, added to the person’s 掌握技能 in the same transaction'),
});
export type ParticipantAddResult = z.infer<typeof ParticipantAddResultSchema>;

/** `PATCH /api/v1/training-participants/:id`. */
export const ParticipantPatchSchema = z.object({
  completed: z.boolean().optional(),
  certificateNo: nullableText(CERTIFICATE_NO_MAX),
  version: VersionSchema.optional(),
});
export type ParticipantPatch = z.infer<typeof ParticipantPatchSchema>;

export const TrainingCandidatesQuerySchema = z.object({
  q: z.string().trim().max(32).optional().describe('姓名 (prefix) or 证件号码 (whole); absent = the first persons in name order'),
});
export const TrainingCandidateSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('masked unless the role may see personal information'),
  householdNo: z.string(),
  regionName: z.string().nullable(),
  skills: z.array(z.string()),
  already: z.boolean().describe('already a participant'),
});
export const TrainingCandidateListSchema = z.object({ items: z.array(TrainingCandidateSchema) });
export type TrainingCandidateList = z.infer<typeof TrainingCandidateListSchema>;

/** The answer of the participants import: rows added, rows updated (结业 / 证书编号), skills added to persons. */
export const ParticipantImportReportSchema = z.object({ added: z.number().int(), updated: z.number().int(), skillsAdded: z.number().int() });
export type ParticipantImportReport = z.infer<typeof ParticipantImportReportSchema>;
