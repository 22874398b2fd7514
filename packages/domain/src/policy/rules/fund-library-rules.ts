import { z } from 'zod';
import { MoneySchema } from '../../api/common.schemas.ts';
import { evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleContext, RuleDefinition, RuleResult } from '../policy.types.ts';
import { atLeast, emptyFundYear, flagParam, greaterThan, moneyWords, pct, pctThreshold, ratioOf, shareValue, yearOf, type FundFacts } from './fund-shares.ts';

const county = (f: FundFacts) => ({ key: f.regionCode, regionCode: f.regionCode });

/** P2's judgement of one county: library specialty ÷ library industry ≥ minShare and above last year. */
function judgeP2(f: FundFacts, year: number, minShare: number, mustRise: boolean): SubjectOutcome {
  const y = yearOf(f, year);
  const r = y ? ratioOf(y.librarySpecialtyYuan, y.libraryIndustryYuan) : null;
  if (!y || !r) return 'not_applicable';
  const share = shareValue(r);
  const ok = atLeast(r, minShare);
  const m = moneyWords(y.librarySpecialtyYuan);
  let zh = `${year} 年项目库优势特色产业项目资金 ${m.zh}，占库内产业项目 ${pct(share)}，${ok ? '不低于' : '低于'} ${pctThreshold(minShare)}`;
  let en = `${year}: specialty projects in the library ${m.en}, ${pct(share)} of library industry projects, ${ok ? 'at or above' : 'below'} ${pctThreshold(minShare)}`;
  let rise = true;
  if (mustRise) {
    const p = yearOf(f, year - 1);
    const prev = p ? ratioOf(p.librarySpecialtyYuan, p.libraryIndustryYuan) : null;
    if (!prev) {
      zh += `；无 ${year - 1} 年数据，未判断高于上年`;
      en += `; no ${year - 1} figures, "above last year" not judged`;
    } else {
      rise = greaterThan(r, prev);
      zh += rise ? `；高于上年 ${pct(shareValue(prev))}` : `；${ok ? '但' : '且'}未高于上年 ${pct(shareValue(prev))}`;
      en += rise ? `; above last year's ${pct(shareValue(prev))}` : `; not above last year's ${pct(shareValue(prev))}`;
    }
  }
  return { met: ok && rise, value: share, threshold: minShare, reasonZh: zh, reasonEn: en };
}

const P2SandboxSchema = z
  .object({
    years: z
      .record(
        z.string().regex(/^\d{4}$/),
        z.object({
          libraryIndustryYuan: MoneySchema.describe('industry projects in the library that year, 元'),
          librarySpecialtyYuan: MoneySchema.describe('of them, specialty-industry projects (与规划对应), 元'),
        }),
      )
      .describe('the county library by year'),
  })
  .describe('P2 sandbox: one county');

/**
 * P2 — 当年项目库储备的优势特色产业项目资金占库内产业项目的比例不少于 50% 且高于上年. 001 §二(一)5.
 * Params: minShare, mustRise, measure ('funds'). Sandbox: `{ years: { "2023": { libraryIndustryYuan, librarySpecialtyYuan } } }`.
 */
export const P2_RULE: RuleDefinition<FundFacts> = {
  id: 'P2',
  titleZh: '项目库特色产业项目资金占产业项目比例不低于阈值且高于上年',
  titleEn: 'Specialty-industry projects ≥ threshold of library industry projects, above last year',
  factsKind: 'fund',
  subjectLevel: 'county',
  unit: 'share',
  evaluate(facts: FundFacts[], config: RuleConfig, ctx: RuleContext): RuleResult {
    const minShare = numberParam(config, 'minShare');
    const mustRise = flagParam(config, 'mustRise');
    return evaluateSubjects(
      facts.filter((f) => f.level === 'county'),
      config,
      county,
      (f) => judgeP2(f, ctx.year, minShare, mustRise),
      { threshold: minShare },
    );
  },
  sandbox: {
    schema: P2SandboxSchema,
    example: {
      years: { '2022': { libraryIndustryYuan: 30_000_000, librarySpecialtyYuan: 15_600_000 }, '2023': { libraryIndustryYuan: 32_000_000, librarySpecialtyYuan: 17_000_000 } },
    },
    toFacts(input: unknown): FundFacts {
      const parsed = P2SandboxSchema.parse(input);
      const years = Object.fromEntries(Object.entries(parsed.years).map(([k, v]) => [k, { ...emptyFundYear(), ...v }]));
      return { regionCode: 'sandbox', level: 'county', years, leadingIndustries: 0 };
    },
  },
};

const P5SandboxSchema = z.object({ leadingIndustries: z.number().int().min(0).max(1000).describe('主导产业 the county has chosen') }).describe('P5 sandbox: one county');

/**
 * P5 — 每个县重点选择 2—3 个特色主导产业. 001 §二(一)5; 002 §二(二)2; 004 §三. Params: minLeadingIndustries,
 * maxLeadingIndustries. Sandbox: `{ leadingIndustries: 3 }`.
 */
export const P5_RULE: RuleDefinition<FundFacts> = {
  id: 'P5',
  titleZh: '每县重点选择 2—3 个特色主导产业',
  titleEn: 'Each county picks 2–3 leading specialty industries',
  factsKind: 'fund',
  subjectLevel: 'county',
  unit: 'count', // leading industries chosen
  evaluate(facts: FundFacts[], config: RuleConfig): RuleResult {
    const min = numberParam(config, 'minLeadingIndustries');
    const max = numberParam(config, 'maxLeadingIndustries');
    return evaluateSubjects(
      facts.filter((f) => f.level === 'county'),
      config,
      county,
      (f): SubjectOutcome => {
        const n = f.leadingIndustries;
        const met = n >= min && n <= max;
        const cmpZh = n < min ? `少于 ${min} 个` : n > max ? `多于 ${max} 个` : `在 ${min}—${max} 个之间`;
        const cmpEn = n < min ? `fewer than ${min}` : n > max ? `more than ${max}` : `between ${min} and ${max}`;
        return { met, value: n, threshold: min, reasonZh: `已确定特色主导产业 ${n} 个，${cmpZh}`, reasonEn: `${n} leading industries chosen, ${cmpEn}` };
      },
      { threshold: min },
    );
  },
  sandbox: {
    schema: P5SandboxSchema,
    example: { leadingIndustries: 3 },
    toFacts(input: unknown): FundFacts {
      const parsed = P5SandboxSchema.parse(input);
      return { regionCode: 'sandbox', level: 'county', years: {}, leadingIndustries: parsed.leadingIndustries };
    },
  },
};
