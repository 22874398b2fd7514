import { z } from 'zod';
import { yuanText } from '../../calculators/amount-text.ts';
import { moneySchema } from '../../api/common.schemas.ts';
import { yuanToFen } from '../../money/money.ts';
import { evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleDefinition } from '../policy.types.ts';
import { atLeast, pct, pctThreshold, shareValue } from './fund-shares.ts';

/**
 * The facts of one village's collective industry income in the judged year for A2 (factsKind `distribution`: one row
 * per village under the prefix): what the collective earned from its industry assets, and what its confirmed
 * distributions paid to 脱贫户 and 监测户.
 */
export type VillageDistributionFacts = {
  /** the village's 12-digit code */
  regionCode: string;
  name?: string;
  /** 村集体产业收益 of the year, 分 */
  collectiveIncomeFen: number;
  /** paid to 脱贫户 and 监测户 by the year's confirmed distributions, 分 */
  toLiftedMonitoredFen: number;
};

const A2SandboxSchema = z
  .object({
    collectiveIncomeYuan: moneySchema()
      .refine((v) => v > 0, { message: 'the collective income must be more than 0 (村集体产业收益须大于 0)' })
      .describe('村集体产业收益（元）'),
    toLiftedMonitoredYuan: moneySchema().describe('其中分配给脱贫户和监测户的收益（元）'),
  })
  .refine((v) => v.toLiftedMonitoredYuan <= v.collectiveIncomeYuan, {
    path: ['toLiftedMonitoredYuan'],
    message: 'cannot exceed the collective income (分配给脱贫户和监测户的收益不能超过村集体产业收益)',
  });

/**
 * A2 (004 §五 "落实村集体产业收益 70%以上用于脱贫群众和监测对象差异化分配制度"): in each village with collective industry
 * income in the year, the 脱贫户 and 监测户 receive at least params.minShare of it (compared exactly on 分: 69.996 % is
 * below 70 %). A village without such income is not judged. How a distribution is split (按劳取酬, 基础保障) and
 * refused is `assets/distribution.ts`.
 */
export const A2_RULE: RuleDefinition<VillageDistributionFacts> = {
  id: 'A2',
  titleZh: '村集体产业收益用于脱贫户和监测户的比例',
  titleEn: 'Share of village collective industry income to lifted and monitored households',
  factsKind: 'distribution',
  subjectLevel: 'village',
  unit: 'share', // paid to lifted/monitored households ÷ collective industry income
  evaluate(facts, config) {
    const min = numberParam(config, 'minShare');
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: f.regionCode, regionCode: f.regionCode }),
      (f): SubjectOutcome => {
        if (f.collectiveIncomeFen <= 0) return 'not_applicable';
        const ratio = { partFen: f.toLiftedMonitoredFen, wholeFen: f.collectiveIncomeFen };
        const share = shareValue(ratio);
        const met = atLeast(ratio, min);
        return {
          met,
          value: share,
          threshold: min,
          reasonZh: `村集体产业收益 ${yuanText(f.collectiveIncomeFen)} 元，分配给脱贫户和监测户 ${yuanText(f.toLiftedMonitoredFen)} 元，占 ${pct(share)}，${met ? '达到' : '低于'} ${pctThreshold(min)}`,
          reasonEn: `collective industry income ${yuanText(f.collectiveIncomeFen)} yuan, ${yuanText(f.toLiftedMonitoredFen)} yuan to lifted and monitored households: ${pct(share)}, ${met ? 'at least' : 'below'} ${pctThreshold(min)}`,
        };
      },
      { threshold: min },
    );
  },
  sandbox: {
    schema: A2SandboxSchema,
    example: { collectiveIncomeYuan: 100_000, toLiftedMonitoredYuan: 70_000 },
    toFacts(input) {
      const i = A2SandboxSchema.parse(input);
      return {
        regionCode: '',
        name: '试算村',
        collectiveIncomeFen: yuanToFen(i.collectiveIncomeYuan, 'collectiveIncomeYuan'),
        toLiftedMonitoredFen: yuanToFen(i.toLiftedMonitoredYuan, 'toLiftedMonitoredYuan'),
      };
    },
  },
};
