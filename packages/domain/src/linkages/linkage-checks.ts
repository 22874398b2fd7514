import type { Issue } from '../errors.ts';
import { DICT, getDictItems } from '../dictionaries/dictionaries.ts';
import { fenToYuan, sumFen, yuanToFen } from '../money/money.ts';
import { moneyIssue } from '../money/money.ts';

// 联农带农 (farmer linkage): field checks, the income type a mode brings by default, and the carry-over of linkage
// income into a household's income year. Sources: 000 §四(五), 002 §二(四)3 (逐村逐户摸清…主体带动、联农带农),
// 003 §二(一)2 (完善联农带农机制，逐步提高脱贫人口家庭经营净收入占比), 004 (whole: 联农带农 modes and income).

/** The four income types of a household's income year (dict income_type; domain-standards §2 收入). */
export const INCOME_TYPES = ['wage', 'business', 'property', 'transfer'] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** Amounts by income type, in integer 分. */
export type FenByType = Record<IncomeType, number>;
/** Amounts by income type, in 元. */
export type YuanByType = Record<IncomeType, number>;

export const LINKAGE_YEAR_MIN = 2013;
export const LINKAGE_YEAR_MAX = 2100;

/**
 * The income type a linkage mode brings a household when the record names none. domain-standards §2 income
 * sources: 工资性收入 = 务工收入, 公益岗; 财产性收入 = 资产收益扶贫分红, 土地流转, 代种代养; 生产经营性收入 = 种植业,
 * 养殖业 (the household's own production sold by order or consignment, or farmed in custody).
 */
export const LINKAGE_MODE_INCOME_TYPE: Record<string, IncomeType> = {
  employment: 'wage', // 务工就业 / 吸纳就业 → 务工收入
  equity_coop: 'property', // 股份合作 → 分红
  share_dividend: 'property', // 入股分红 → 资产收益分红
  guaranteed_dividend: 'property', // 保底分红
  second_rebate: 'property', // 二次返利
  land_transfer: 'property', // 土地流转 → 土地流转收入
  order_production: 'business', // 订单生产 → 种植业/养殖业
  consignment: 'business', // 产品代销
  custody: 'business', // 托养托管 (the household's own herd or land)
  seed_supply: 'business', // 统一供种
  tech_service: 'business', // 技术服务
  mentoring: 'business', // 联帮带
};

/** The default income type of a mode (an unknown mode, e.g. one an administrator added, brings business income). */
export function defaultIncomeType(mode: string): IncomeType {
  return LINKAGE_MODE_INCOME_TYPE[mode] ?? 'business';
}

export function isIncomeType(v: unknown): v is IncomeType {
  return typeof v === 'string' && (INCOME_TYPES as readonly string[]).includes(v);
}

/** A linkage record as typed or imported. */
export type LinkageInput = {
  mode: string;
  year: number;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  amountYuan: number;
  incomeType?: string | null | undefined;
};

/**
 * Problems of a linkage record, worded in Chinese and English, one per field (empty when it is valid): mode ∈ dict
 * linkage_mode (`modes`: the dictionary's codes, administrators may add some), year 2013–2100, end ≥ start, the
 * period overlapping the year, amount ≥ 0 元 with at most 2 decimals, income type one of the four.
 */
export function linkageIssues(input: LinkageInput, modes: readonly string[] = getDictItems(DICT.linkageMode).map((i) => i.code)): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, value: unknown, messageZh: string, messageEn: string) => issues.push({ path, value, messageZh, messageEn });
  if (!modes.includes(input.mode)) add('mode', input.mode, '联农带农方式不在字典中', 'the linkage mode is not in the dictionary');
  const yearOk = Number.isInteger(input.year) && input.year >= LINKAGE_YEAR_MIN && input.year <= LINKAGE_YEAR_MAX;
  if (!yearOk) add('year', input.year, `年度须在 ${LINKAGE_YEAR_MIN}–${LINKAGE_YEAR_MAX} 之间`, `the year must be between ${LINKAGE_YEAR_MIN} and ${LINKAGE_YEAR_MAX}`);
  const { startDate: s, endDate: e } = input;
  if (s && e && e < s) add('endDate', e, '带动结束日期不能早于开始日期', 'the end date must not be before the start date');
  else if (yearOk) {
    if (s && s > `${input.year}-12-31`)
      add('startDate', s, `带动开始日期晚于 ${input.year} 年，期限须与该年度重叠`, `the period starts after ${input.year}: it must overlap the year`);
    if (e && e < `${input.year}-01-01`)
      add('endDate', e, `带动结束日期早于 ${input.year} 年，期限须与该年度重叠`, `the period ends before ${input.year}: it must overlap the year`);
  }
  const money = moneyIssue(input.amountYuan, 'amountYuan');
  if (money) issues.push(money);
  if (input.incomeType != null && !isIncomeType(input.incomeType))
    add('incomeType', input.incomeType, '收入类型须为工资性、生产经营性、财产性或转移性收入', 'the income type must be wage, business, property or transfer');
  return issues;
}

/** A linkage as the carry-over sees it. */
export type CarryLinkage = { id: number; year: number; incomeFen: number; incomeType: string; carriedAt: Date | string | null };

/** The result of carrying a year's linkages into the household's income of that year. */
export type CarryResult = {
  /** the linkages carried now (not yet carried, of the year, with an amount) */
  carriedIds: number[];
  /** what is added, by income type (分) */
  addedFen: FenByType;
  /** the income year's four figures after the carry (元) */
  after: YuanByType;
};

export const zeroByType = (): FenByType => ({ wage: 0, business: 0, property: 0, transfer: 0 });

/** Sums linkage amounts (分) by their income type. */
export function sumByType(rows: readonly { incomeFen: number; incomeType: string }[]): FenByType {
  const out = zeroByType();
  for (const t of INCOME_TYPES) out[t] = sumFen(rows.filter((r) => r.incomeType === t).map((r) => r.incomeFen));
  return out;
}

/**
 * Carries the not-yet-carried linkages of `year` into the household's income of that year (003 §二(一)2: linkage
 * income is part of the household's 家庭纯收入). `income` holds the year's four figures in 元 (null when the year is
 * not recorded: it starts at 0). Arithmetic in integer 分. Linkages of another year, already carried or of 0 元 are
 * left out; carrying again therefore adds nothing.
 */
export function carryLinkages(income: YuanByType | null, linkages: readonly CarryLinkage[], year: number): CarryResult {
  const due = linkages.filter((l) => l.year === year && l.carriedAt === null && l.incomeFen > 0 && isIncomeType(l.incomeType));
  const addedFen = sumByType(due);
  const after = {} as YuanByType;
  for (const t of INCOME_TYPES) after[t] = fenToYuan(sumFen([income ? yuanToFen(income[t], t) : 0, addedFen[t]]));
  return { carriedIds: due.map((l) => l.id), addedFen, after };
}
