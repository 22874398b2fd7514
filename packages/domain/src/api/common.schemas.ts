import { z } from 'zod';

/** Limits shared by the API and the web forms. */
export const API_LIMITS = {
  /** largest page a list returns */
  pageSizeMax: 200,
  pageSizeDefault: 20,
  /** household list totals are counted up to this many rows, then reported as capped */
  listCountCap: 10_000,
  nameMax: 64,
  textMax: 2000,
} as const;

/** Region code: 12-digit statistical code, or 15 digits for a village group (组). */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}(\d{3}){0,3}$/, 'region code must be 6, 9, 12 or 15 digits')
  .describe('区划代码 (12-digit statistical code; 15 for a group)');

/** True when `s` is YYYY-MM-DD and names a real calendar day (no 2024-02-30, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** ISO date YYYY-MM-DD of a real calendar day: every date field of the API uses it. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'no such calendar day (日期不存在)')
  .describe('ISO date YYYY-MM-DD');

// 联系电话 and 户编号 patterns: owned by households/household-checks.ts (one owner per rule), re-exported here
export { HOUSEHOLD_NO_PATTERN, PHONE_PATTERN } from '../households/household-checks.ts';
import { MONEY_MAX_YUAN, moneyIssue, type MoneyRule } from '../money/money.ts';

/**
 * An amount in 元 at the API edge: ≥ 0 (unless `allowNegative`), at most 2 decimals, at most 999 999 999 999.99
 * (numeric(14,2)) or `maxYuan`. The rule and its wording are owned by money/money.ts (moneyIssue).
 */
export function moneySchema(rule: MoneyRule = {}) {
  const max = rule.maxYuan ?? MONEY_MAX_YUAN;
  return z
    .number()
    .superRefine((value, ctx) => {
      const issue = moneyIssue(value, '', rule);
      if (issue) ctx.addIssue({ code: 'custom', message: `${issue.messageEn} (${issue.messageZh})`, input: value });
    })
    .meta({ minimum: rule.allowNegative ? -max : 0, maximum: max }); // for the OpenAPI document only
}
/** A non-negative amount in 元 (收入, 帮扶资金): see {@link moneySchema}. */
export const MoneySchema = moneySchema();

/** Numeric id in a path. */
export const IdParamSchema = z.object({ id: z.coerce.number().int().positive().describe('record id') });
export type IdParam = z.infer<typeof IdParamSchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(API_LIMITS.pageSizeMax).default(API_LIMITS.pageSizeDefault).describe('rows per page'),
});

/** A page of rows. `totalCapped` is true when `total` stopped counting at the cap. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('matching rows (up to the count cap)'),
    totalCapped: z.boolean().optional().describe('true when the total reached the count cap'),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const IssueSchema = z.object({
  path: z.string(),
  row: z.number().optional(),
  value: z.unknown().optional(),
  field: z.string().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  messageZh: z.string(),
  messageEn: z.string(),
});

/** The error envelope every failing request returns. */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string().describe('AppError code'),
    message: z.string().describe('developer message (the UI localises from code and details)'),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const HealthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'pg']) });

const optText = (max: number = API_LIMITS.textMax) => z.string().trim().max(max);
/** Optional nullable text field. */
export const nullableText = (max?: number) => optText(max).nullable().optional();

/** The optimistic-lock version of an editable record, as read (views) and as sent back with a save. */
export const VersionSchema = z.number().int().positive().describe('版本号: the version read; a save must send it back (or If-Match), a stale one is 409 STALE_VERSION');
/** Body fragment of every update of an existing record. Optional in the body only because `If-Match` may carry it instead. */
export const VersionedSaveSchema = z.object({ version: VersionSchema.optional() });
