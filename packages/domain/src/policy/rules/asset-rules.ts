import { z } from 'zod';
import { yuanText } from '../../calculators/amount-text.ts';
import { moneySchema } from '../../api/common.schemas.ts';
import { AppError } from '../../errors.ts';
import { yuanToFen } from '../../money/money.ts';
import { assetLabel, isIncomeGenerating } from '../../assets/asset-codes.ts';
import { benchmarkIncomeFen, dueStocktake, hasStocktake } from '../../assets/asset-income.ts';
import { halfYearLabel, lastCompletedHalfYear, type HalfYear } from '../../assets/stocktake-period.ts';
import { evaluateSubjects, numberParam, stringListParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';
import { A2_RULE } from './distribution-rules.ts';

/**
 * The facts of one 帮扶项目资产 for A1, A3 and A4 (factsKind `asset`: the server's asset gatherer, one row per asset
 * under the region prefix, with its income records and class history).
 */
export type AssetFacts = {
  assetId: number;
  /** the asset's village (or township) code */
  regionCode: string;
  name?: string;
  /** dict asset_category: operating | public_welfare | household */
  category: string;
  /** 资产价值 in 分 */
  valueFen: number;
  /** 形成（验收）日期 YYYY-MM-DD; null = not known */
  formedOn: string | null;
  /** 处置日期; null = still held */
  disposedOn: string | null;
  /** dict asset_management_level; null = not set */
  managementLevel: string | null;
  /** dict asset_class (四个一批); null = not classed */
  assetClass: string | null;
  /** the class history, oldest first: each change with its reason */
  classChanges: readonly { assetClass: string; reason: string | null }[];
  /** income recorded per half year, 分 */
  incomes: readonly (HalfYear & { incomeFen: number })[];
  /** A1: a yearly rate given by value (the 试算), a share (0.015); absent = the pack's rate of the year */
  benchmarkRate?: number | null;
  /** A3: the day the stock-takes are judged on (the gatherer gives today); absent = the end of the judged year */
  asOf?: string | null;
};

const assetKey = (f: AssetFacts) => ({ key: String(f.assetId), regionCode: f.regionCode });

/** Held during some part of `year`: formed by its end, not disposed of before it began. */
function heldIn(f: AssetFacts, year: number): boolean {
  if (f.formedOn && f.formedOn > `${year}-12-31`) return false;
  if (f.disposedOn && f.disposedOn < `${year}-01-01`) return false;
  return true;
}

function emptyResult(config: RuleConfig): RuleResult {
  return { ruleId: config.ruleId, clause: config.clause, status: 'not_applicable', total: 0, met: 0, value: null, threshold: null, failing: [], records: [] };
}

/** The pack's benchmark rate of a year (params.benchmarkRateByYear, e.g. { "2024": 0.015 }), undefined when it sets none. */
export function benchmarkRateOf(config: RuleConfig, year: number): number | undefined {
  const by = config.params.benchmarkRateByYear as Record<string, unknown> | undefined;
  const v = by?.[String(year)];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** 1.50% (two decimals, as banks quote rates). */
const ratePct = (rate: number) => `${(Math.round(rate * 1_000_000) / 10_000).toFixed(2)}%`;

const A1SandboxSchema = z.object({
  assetValueYuan: moneySchema()
    .refine((v) => v > 0, { message: 'the asset value must be more than 0 (资产价值须大于 0)' })
    .describe('资产价值（元）'),
  yearIncomeYuan: moneySchema().describe('本年度资产运营收益（元）'),
  benchmarkRate: z
    .number()
    .min(0, 'the rate must be between 0 and 100 (利率须在 0 至 100 之间)')
    .max(100, 'the rate must be between 0 and 100 (利率须在 0 至 100 之间)')
    .optional()
    .describe('同期银行基准利率（%，如 1.5 表示 1.50%）; absent = the pack’s rate of the year'),
});

/**
 * A1 (004 §五 "确保产业资产运营收益不低于同期银行基准利率获得收益"): each 经营性资产 held in the year and taken stock of in it
 * earns at least its value × the year's bank benchmark rate (pack params.benchmarkRateByYear) over the months its
 * stock-takes cover (同期: both half years → 12 months, one → 6; {@link benchmarkIncomeFen}, on 分). An asset without a
 * stock-take in the year is A3's finding, not judged here. A year the pack gives no rate for is not judged.
 */
export const A1_RULE: RuleDefinition<AssetFacts> = {
  id: 'A1',
  titleZh: '资产运营收益不低于同期银行基准利率',
  titleEn: 'Asset income at least the bank benchmark rate',
  factsKind: 'asset',
  subjectLevel: 'record',
  unit: 'yuan', // the year's income against value × rate
  evaluate(facts, config, ctx) {
    const packRate = benchmarkRateOf(config, ctx.year);
    if (packRate === undefined && !facts.some((f) => typeof f.benchmarkRate === 'number')) return emptyResult(config);
    return evaluateSubjects(facts, config, assetKey, (f): SubjectOutcome => {
      const rate = typeof f.benchmarkRate === 'number' ? f.benchmarkRate : packRate;
      if (rate === undefined || !isIncomeGenerating(f.category) || !heldIn(f, ctx.year)) return 'not_applicable';
      const rows = f.incomes.filter((i) => i.year === ctx.year);
      const halves = new Set(rows.map((i) => i.half));
      if (halves.size === 0) return 'not_applicable';
      const months = halves.size * 6;
      const incomeFen = rows.reduce((a, i) => a + i.incomeFen, 0);
      const dueFen = benchmarkIncomeFen(f.valueFen, rate, months);
      const period = months === 12 ? `${ctx.year}年` : halfYearLabel({ year: ctx.year, half: [...halves][0]! }).zh;
      const periodEn = months === 12 ? String(ctx.year) : halfYearLabel({ year: ctx.year, half: [...halves][0]! }).en;
      const basis = `资产价值 ${yuanText(f.valueFen)} 元 × 同期银行基准利率 ${ratePct(rate)}${months === 12 ? '' : ' × 6/12'} = ${yuanText(dueFen)} 元`;
      const basisEn = `value ${yuanText(f.valueFen)} yuan × benchmark rate ${ratePct(rate)}${months === 12 ? '' : ' × 6/12'} = ${yuanText(dueFen)} yuan`;
      const met = incomeFen >= dueFen;
      return {
        met,
        value: incomeFen / 100,
        threshold: dueFen / 100,
        reasonZh: `${period}运营收益 ${yuanText(incomeFen)} 元，${met ? '不低于' : '低于'}${basis}`,
        reasonEn: `income ${periodEn}: ${yuanText(incomeFen)} yuan, ${met ? 'at least' : 'below'} ${basisEn}`,
      };
    });
  },
  sandbox: {
    schema: A1SandboxSchema,
    example: { assetValueYuan: 800_000, yearIncomeYuan: 12_000 },
    toFacts(input, year) {
      const i = A1SandboxSchema.parse(input);
      return {
        assetId: 0,
        regionCode: '',
        name: '试算资产',
        category: 'operating',
        valueFen: yuanToFen(i.assetValueYuan, 'assetValueYuan'),
        formedOn: null,
        disposedOn: null,
        managementLevel: null,
        assetClass: null,
        classChanges: [],
        // the year's income as one figure: both half years taken stock of
        incomes: [
          { year, half: 1, incomeFen: yuanToFen(i.yearIncomeYuan, 'yearIncomeYuan') },
          { year, half: 2, incomeFen: 0 },
        ],
        benchmarkRate: i.benchmarkRate === undefined ? null : i.benchmarkRate / 100,
      };
    },
  },
};

/**
 * A3 (004 §五 "每半年开展一次帮扶产业收益集中盘点"): each 经营性资产 due a stock-take ({@link dueStocktake}) has an income
 * record for the last half year that has ended on the day judged — `asOf`, but no later than the end of the judged
 * year (a past year is judged on its 下半年). params.stocktakeEveryMonths must be 6 (the seed's half year).
 */
export const A3_RULE: RuleDefinition<AssetFacts> = {
  id: 'A3',
  titleZh: '资产收益每半年集中盘点',
  titleEn: 'Half-yearly stock-take of asset income',
  factsKind: 'asset',
  subjectLevel: 'record',
  unit: 'share', // assets taken stock of ÷ assets due
  evaluate(facts, config, ctx) {
    const every = numberParam(config, 'stocktakeEveryMonths');
    if (every !== 6) throw new AppError('VALIDATION_FAILED', `rule A3: stocktakeEveryMonths ${every} is not supported (half-yearly only)`);
    const yearEnd = `${ctx.year + 1}-01-01`;
    return evaluateSubjects(facts, config, assetKey, (f): SubjectOutcome => {
      const asOf = f.asOf && f.asOf < yearEnd ? f.asOf : yearEnd;
      const period = lastCompletedHalfYear(asOf);
      if (!dueStocktake(f, period)) return 'not_applicable';
      const t = halfYearLabel(period);
      return hasStocktake(f, period)
        ? { met: true, reasonZh: `已完成${t.zh}收益盘点`, reasonEn: `income of ${t.en} taken stock of` }
        : { met: false, reasonZh: `缺少${t.zh}收益盘点（每半年集中盘点一次）`, reasonEn: `no income stock-take for ${t.en} (due every half year)` };
    });
  },
};

/**
 * A4 (004 §五 "落实市级领管、县级统管、乡镇辖管、村级直管四级管理责任 … 开展四个一批行动"): every asset held has a management
 * level of the pack's list (params.managementLevels); an 经营性资产 also has a 四个一批 class of the pack's list
 * (params.classes), and each change of its class states the reason.
 */
export const A4_RULE: RuleDefinition<AssetFacts> = {
  id: 'A4',
  titleZh: '资产分级管理和“四个一批”分类',
  titleEn: 'Asset management levels and four-batch classes',
  factsKind: 'asset',
  subjectLevel: 'record',
  unit: 'share', // assets in order ÷ assets held
  evaluate(facts, config, ctx) {
    const levels = stringListParam(config, 'managementLevels');
    const classes = stringListParam(config, 'classes');
    const named = (vocabulary: 'managementLevel' | 'assetClass', codes: readonly string[]) => codes.map((c) => assetLabel(vocabulary, c).zh).join('、');
    return evaluateSubjects(facts, config, assetKey, (f): SubjectOutcome => {
      if (!heldIn(f, ctx.year)) return 'not_applicable';
      const zh: string[] = [];
      const en: string[] = [];
      if (!f.managementLevel) {
        zh.push('未明确管理层级');
        en.push('no management level');
      } else if (!levels.includes(f.managementLevel)) {
        zh.push(`管理层级「${assetLabel('managementLevel', f.managementLevel).zh}」不在${named('managementLevel', levels)}之列`);
        en.push(`management level ${assetLabel('managementLevel', f.managementLevel).en} is not one of the pack's`);
      }
      if (isIncomeGenerating(f.category)) {
        if (!f.assetClass) {
          zh.push('经营性资产未按“四个一批”分类');
          en.push('operating asset not classed');
        } else if (!classes.includes(f.assetClass)) {
          zh.push(`分类「${assetLabel('assetClass', f.assetClass).zh}」不在${named('assetClass', classes)}之列`);
          en.push(`class ${assetLabel('assetClass', f.assetClass).en} is not one of the pack's`);
        }
        const bare = f.classChanges.filter((c) => !c.reason || c.reason.trim() === '').length;
        if (bare > 0) {
          zh.push(`${bare} 次分类调整未说明理由`);
          en.push(`${bare} class change(s) without a reason`);
        }
      }
      if (zh.length) return { met: false, reasonZh: zh.join('；'), reasonEn: en.join('; ') };
      const level = assetLabel('managementLevel', f.managementLevel!).zh;
      return isIncomeGenerating(f.category)
        ? {
            met: true,
            reasonZh: `${level}，${assetLabel('assetClass', f.assetClass!).zh}`,
            reasonEn: `${assetLabel('managementLevel', f.managementLevel!).en}, ${assetLabel('assetClass', f.assetClass!).en}`,
          }
        : { met: true, reasonZh: level, reasonEn: assetLabel('managementLevel', f.managementLevel!).en };
    });
  },
};

/** A1–A4 (project assets and their income, issue 8): the implementations of this area, registered in rule-registry.ts. */
export const ASSET_RULES: RuleDefinition<never>[] = [A1_RULE, A2_RULE, A3_RULE, A4_RULE] as unknown as RuleDefinition<never>[];
