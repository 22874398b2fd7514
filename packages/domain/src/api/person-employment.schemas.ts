// Employment fields of a person (issue 8 §4; 003 §一(二)2 H4, 002 §二(三)1 H7): 就业意愿, 就业渠道, 务工企业, 务工月收入,
// 掌握技能 — beside the registry's 务工状况 / 务工时间（月）/ 务工地点 of PersonCreateSchema. Spread into the person
// schemas of households.schemas.ts. Money is 元 at the edge, 分 in persons.monthly_wage_fen.
import { z } from 'zod';
import { moneySchema, nullableText } from './common.schemas.ts';

/** At most this many skills per person, each at most this many characters. */
export const PERSON_SKILLS_MAX = 20;
export const SKILL_NAME_MAX = 40;

export const SkillNameSchema = z.string().trim().min(1).max(SKILL_NAME_MAX).describe('技能名称 (大枣栽培管理, 电工 …)');

/** Input fields (create and edit of a member). */
export const PersonEmploymentInputFields = {
  wantsWork: z.boolean().nullable().optional().describe('就业意愿 (H4); null = not recorded'),
  employmentChannel: z.string().trim().min(1).max(24).nullable().optional().describe('就业渠道 (dict employment_channel)'),
  employerEntityId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('务工企业: an entity of the registry the user may read (its name becomes 务工企业名称); members API only'),
  employerName: nullableText(100).describe('务工企业名称 as recorded, also when no entity matches'),
  monthlyWageYuan: moneySchema().nullable().optional().describe('务工月收入 (元, ≤ 2 decimals)'),
  skills: z.array(SkillNameSchema).max(PERSON_SKILLS_MAX).optional().describe('掌握技能 (repeats removed)'),
};

/** View fields of a person. */
export const PersonEmploymentViewFields = {
  wantsWork: z.boolean().nullable(),
  employmentChannel: z.string().nullable(),
  employerEntityId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  monthlyWageYuan: z.number().nullable().describe('务工月收入 (元)'),
  skills: z.array(z.string()),
};
