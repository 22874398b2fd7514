import { z } from 'zod';

/** Shape check of a rule config (e.g. when an admin edits the active pack). */
export const RuleConfigSchema = z.object({
  ruleId: z
    .string()
    .regex(/^[A-Z][0-9]{1,2}$/)
    .describe('catalogue id, e.g. H1'),
  clause: z.string().min(1).describe('source clause, e.g. 002 §二(一)1'),
  params: z.record(z.string(), z.unknown()),
  years: z.array(z.number().int().min(2000).max(2100)).optional(),
  noteZh: z.string().optional(),
  noteEn: z.string().optional(),
});

/** Shape check of a monitoring line. */
export const MonitoringLineSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  year: z.number().int().min(2000).max(2100),
  amountYuan: z.number().positive(),
  source: z.string().min(1),
  confirmed: z.boolean(),
});

/** Shape check of a cited document (文号 and title). */
export const PolicyDocumentSchema = z.object({
  ref: z.string().min(1),
  docNo: z.string().min(1).nullable(),
  titleZh: z.string().min(1),
  issuerZh: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
});

/** Shape check of a whole policy pack. */
export const PolicyPackSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  seed: z.string(),
  provinceCode: z.string().regex(/^\d{2}$/),
  documents: z.array(PolicyDocumentSchema).min(1),
  rules: z.array(RuleConfigSchema),
  monitoringLines: z.array(MonitoringLineSchema),
  publicityMinDays: z.number().int().min(1),
  identificationMaxDays: z.number().int().min(1),
  incomeStableMinMonths: z.number().int().min(0),
  noteZh: z.string().optional(),
});
