// Zod schemas of the answers of two record imports of issue 8: the 资产台账 file and the national 外出务工信息 file.
import { z } from 'zod';

const count = (what: string) => z.number().int().min(0).describe(what);

/** `POST /api/v1/assets/import`: rows created, updated and unchanged (all rows or none). */
export const AssetImportReportSchema = z.object({
  created: count('new assets registered'),
  updated: count('assets of the scope updated (version + 1)'),
  unchanged: count('rows equal to the stored asset (nothing written)'),
});
export type AssetImportReport = z.infer<typeof AssetImportReportSchema>;

/** `POST /api/v1/migrant-work/import`: persons updated and unchanged, and what the file held that is not stored. */
export const MigrantWorkImportReportSchema = z.object({
  updated: count('persons whose employment fields changed (version + 1)'),
  unchanged: count('rows equal to the stored person'),
  year: z.number().int().describe('the year 务工时间（月） is counted in when computed from 开始时间 / 结束时间'),
  employersMatched: count('rows whose 务工企业名称 named an entity of the registry (linked)'),
  ignored: z
    .array(z.object({ column: z.string(), rows: count('rows with a value in it'), reasonZh: z.string(), reasonEn: z.string() }))
    .describe(
      'columns read but not stored: 年度交通费补助 (a subsidy payment, recorded in the subsidy register), 所属行业, 就业渠道 where it would set or clear 公益性岗位 (a hire or an exit does)',
    ),
});
export type MigrantWorkImportReport = z.infer<typeof MigrantWorkImportReportSchema>;
