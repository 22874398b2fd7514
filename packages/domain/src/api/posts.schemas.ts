// Zod schemas of the public-welfare posts API (issue 8 §4, J5 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗).
// Money is 元 at the edge (≤ 2 decimals), integer 分 in the database. Codes: dict public_post_type, post_exit_reason
// (dictionaries/employment.dict.ts; posts.schemas.test.ts holds the enums to the dictionaries).
import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, VersionSchema, nullableText, pageOf } from './common.schemas.ts';

const text = (max: number = API_LIMITS.nameMax) => z.string().trim().max(max);

export const PublicPostTypeSchema = z
  .enum(['cleaning', 'forest_ranger', 'road_care', 'water_care', 'security', 'care', 'other'])
  .describe('岗位类型 (dict public_post_type): 保洁员, 护林员, 护路员, 水管员, 治安巡逻员, 养老护理员, 其他');
export const PostExitReasonSchema = z
  .enum(['found_job', 'no_longer_eligible', 'unfit', 'resigned', 'health', 'post_closed', 'death', 'other'])
  .describe('退岗原因 (dict post_exit_reason)');
export const PostStatusSchema = z.enum(['open', 'filled', 'closed']).describe('岗位状态: open 待聘, filled 在岗, closed 已撤岗');
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM (月份格式应为 YYYY-MM)')
  .describe('月份 YYYY-MM');

const postFields = {
  name: text(100).min(1).describe('岗位名称 (如 张庄村保洁员)'),
  postType: PublicPostTypeSchema,
  regionCode: RegionCodeSchema.describe('设岗地: the village (or township) the post serves; scoping'),
  needReason: text(500).min(1).describe('设岗需求 (按需设岗: why the post is needed)'),
  monthlySubsidyYuan: MoneySchema.describe('岗位补贴 (元/月)'),
  note: nullableText(500).describe('备注'),
};

/** `POST /api/v1/posts` (按需设岗): the post starts open (待聘). */
export const PostCreateSchema = z.object(postFields);
export type PostCreate = z.infer<typeof PostCreateSchema>;

/** `PATCH /api/v1/posts/:id`: the fields sent; the status moves through hire, exit and close. */
export const PostPatchSchema = z
  .object({ ...postFields, version: VersionSchema.optional() })
  .partial()
  .describe('fields to change; send the version read (or If-Match)');
export type PostPatch = z.infer<typeof PostPatchSchema>;

/** `POST /api/v1/posts/:id/close` (撤岗): only while nobody holds the post. */
export const PostCloseSchema = z.object({
  reason: text(500).min(1).describe('撤岗原因'),
  closedOn: IsoDateSchema.describe('撤岗日期'),
  version: VersionSchema.optional(),
});
export type PostClose = z.infer<typeof PostCloseSchema>;

/** `POST /api/v1/posts/:id/appointments` (以岗聘任): the post must be open; sets it filled. */
export const PostHireSchema = z.object({
  personId: z.number().int().positive().describe('聘任人员 (person id): of a household in the post’s area, in the registry, not on another post'),
  startedOn: IsoDateSchema.describe('聘任（上岗）日期'),
  version: VersionSchema.optional().describe('the post’s version read'),
});
export type PostHire = z.infer<typeof PostHireSchema>;

/** `POST /api/v1/posts/:id/appointments/:appointmentId/exit` (有序退岗): the post goes back to open. */
export const PostExitSchema = z.object({
  endedOn: IsoDateSchema.describe('退岗日期 (≥ 聘任日期, not in the future)'),
  exitReason: PostExitReasonSchema,
  exitNote: nullableText(500).describe('退岗说明'),
  version: VersionSchema.optional().describe('the appointment’s version read'),
});
export type PostExit = z.infer<typeof PostExitSchema>;

/** `POST /api/v1/posts/:id/payments` (在岗领补): one row per month; all months or none. */
export const PostPaySchema = z.object({
  appointmentId: z.number().int().positive().optional().describe('the holding paid (default the current holder; a past holder’s months need it)'),
  months: z.array(MonthSchema).min(1).max(24).describe('months paid for (YYYY-MM), each on post, not in the future, not yet paid'),
  amountYuan: MoneySchema.optional().describe('amount per month (元): the post’s monthly subsidy, the default; any other amount is refused (400)'),
  paidOn: IsoDateSchema.optional().describe('发放日期 (default today)'),
});
export type PostPay = z.infer<typeof PostPaySchema>;

/** `POST /api/v1/posts/payments/batch`: pay one month for every filled post under a region (a village’s payroll). */
export const PostBatchPaySchema = z.object({
  regionCode: RegionCodeSchema.describe('the village (or township) whose filled posts are paid'),
  month: MonthSchema,
  paidOn: IsoDateSchema.optional().describe('发放日期 (default today)'),
});
export type PostBatchPay = z.infer<typeof PostBatchPaySchema>;
export const PostBatchPayResultSchema = z.object({
  paid: z.number().int().describe('holders paid for the month'),
  alreadyPaid: z.number().int().describe('holders already paid for the month (left as they were)'),
  totalYuan: z.number().describe('amount paid now (元)'),
  holderExited: z
    .array(
      z.object({
        postId: z.number().int(),
        postName: z.string(),
        personName: z.string(),
        exitReason: z.string().describe('dict exit_reason'),
        exitDate: z.string().nullable(),
        exitZh: z.string().describe('自然减少 in words: 死亡，2026-03-05'),
        exitEn: z.string(),
      }),
    )
    .describe('holders skipped: they left the registry (自然减少) before the month and their exit from the post is not recorded'),
});
export type PostBatchPayResult = z.infer<typeof PostBatchPayResultSchema>;

export const PostPaymentViewSchema = z.object({
  id: z.number().int(),
  appointmentId: z.number().int(),
  month: z.string().describe('YYYY-MM'),
  amountYuan: z.number(),
  paidOn: z.string().nullable(),
});
export type PostPaymentView = z.infer<typeof PostPaymentViewSchema>;

export const PostAppointmentViewSchema = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  idNumber: z.string().describe('身份证号 (masked for masked roles)'),
  householdId: z.number().int(),
  householdType: z.string().describe('dict household_type of the holder’s household'),
  regionCode: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  exitReason: z.string().nullable(),
  exitNote: z.string().nullable(),
  payments: z.array(PostPaymentViewSchema).describe('months paid, oldest first'),
  version: VersionSchema,
});
export type PostAppointmentView = z.infer<typeof PostAppointmentViewSchema>;

export const PostViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  postType: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  needReason: z.string(),
  monthlySubsidyYuan: z.number().describe('岗位补贴 (元/月)'),
  status: PostStatusSchema,
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  note: z.string().nullable(),
  holderName: z.string().nullable().describe('在岗人员'),
  holderSince: z.string().nullable(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PostView = z.infer<typeof PostViewSchema>;

/** One post with its holders, newest first, and their paid months. */
export const PostDetailSchema = PostViewSchema.extend({ appointments: z.array(PostAppointmentViewSchema) });
export type PostDetail = z.infer<typeof PostDetailSchema>;

export const PostListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('posts under this region'),
  postType: PublicPostTypeSchema.optional(),
  status: z.enum(['open', 'filled', 'closed', 'active', 'all']).default('active').describe('open, filled, closed, active (open or filled, default) or all'),
  q: z.string().trim().max(100).optional().describe('post name or holder name contains'),
});
export type PostListQuery = z.infer<typeof PostListQuerySchema>;
export const PostPageSchema = pageOf(PostViewSchema);
export type PostPage = z.infer<typeof PostPageSchema>;

/** `GET /api/v1/posts/candidates`: persons a post may take (聘任: pick a person of the village). */
export const PostCandidateQuerySchema = z.object({
  regionCode: RegionCodeSchema.describe('the post’s region: persons of households under it'),
  q: z.string().trim().max(50).optional().describe('name contains (none: the first persons of the region)'),
});
export type PostCandidateQuery = z.infer<typeof PostCandidateQuerySchema>;
export const PostCandidateSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('masked for masked roles'),
  householdId: z.number().int(),
  householdNo: z.string(),
  householdType: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  priority: z.boolean().describe('003 §二(二)4 优先安置: of a 脱贫户 or 监测户'),
  onPost: z.boolean().describe('already on a post (cannot be hired)'),
});
export const PostCandidateListSchema = z.object({ items: z.array(PostCandidateSchema) });
export type PostCandidate = z.infer<typeof PostCandidateSchema>;
