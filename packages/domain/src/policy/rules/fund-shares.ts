import { yuanToFen } from '../../money/money.ts';
import type { RuleConfig } from '../policy.types.ts';

/**
 * Money of one region in one year, in 元 with at most 2 decimals (the facts of F1–F5, P2). Every share is computed
 * on integer 分 ({@link shareOf}), never by dividing float 元.
 */
export type FundYear = {
  /** 衔接资金 that reached the region this year (all levels) */
  linkageFundYuan: number;
  /** of it, allocated to 产业发展 projects */
  industryYuan: number;
  /** fiscal money (衔接资金 and other fiscal funds) into industry projects flagged 优势特色产业 (F2's numerator) */
  specialtyYuan: number;
  /**
   * fiscal money into 配套设施 industry projects (subtype supporting_facilities: 水电路网 and the like) that serve a
   * specialty industry — linked to a registered industry or chain link — without being flagged 特色 themselves. F2 adds
   * it to `specialtyYuan`: 001 §二(一)2 counts 特色产业资金 "含水电路网等配套设施".
   */
  specialtySupportYuan: number;
  /** of the industry money, to the full chains of leading industries (004 §三) */
  leadingChainYuan: number;
  /** all fiscal money put into industry projects this year (F2's denominator) */
  industryProjectYuan: number;
  /** city-level 衔接资金 allocated to the county, and its industry part (F3, 002 §二(四)1) */
  cityLinkageFundYuan: number;
  cityIndustryYuan: number;
  /** budgets of the industry projects in the library this year, and of the specialty ones among them (P2) */
  libraryIndustryYuan: number;
  librarySpecialtyYuan: number;
  /** budgets of the projects the township plans this year: industry ones and all (F5) */
  plannedIndustryYuan: number;
  plannedTotalYuan: number;
};

/**
 * Facts of one region (a county, or a township for F5) with every year up to the judged one (for "rising"). Built
 * by the server's fund gatherer, or from the sandbox input.
 */
export type FundFacts = {
  regionCode: string;
  level: 'county' | 'township';
  /** by calendar year as text ("2023") */
  years: Record<string, FundYear>;
  /** leading industries (主导产业) of the county (P5) */
  leadingIndustries: number;
};

/** An empty year (every amount 0). */
export function emptyFundYear(): FundYear {
  return {
    linkageFundYuan: 0,
    industryYuan: 0,
    specialtyYuan: 0,
    specialtySupportYuan: 0,
    leadingChainYuan: 0,
    industryProjectYuan: 0,
    cityLinkageFundYuan: 0,
    cityIndustryYuan: 0,
    libraryIndustryYuan: 0,
    librarySpecialtyYuan: 0,
    plannedIndustryYuan: 0,
    plannedTotalYuan: 0,
  };
}

/** A part over a whole, both in 分 (integers). */
export type FenRatio = { partFen: number; wholeFen: number };

/** The ratio of two amounts in 元, converted to 分 first; null when the whole is 0. */
export function ratioOf(partYuan: number, wholeYuan: number): FenRatio | null {
  const wholeFen = yuanToFen(wholeYuan, 'whole');
  if (wholeFen === 0) return null;
  return { partFen: yuanToFen(partYuan, 'part'), wholeFen };
}

/** part ÷ whole rounded half up to 4 decimals, computed exactly on integers (BigInt: no float division of money). */
export function shareValue(r: FenRatio): number {
  const part = BigInt(r.partFen) * 20000n + BigInt(r.wholeFen);
  const q = part / (2n * BigInt(r.wholeFen));
  return Number(q) / 10000;
}

/** part ÷ whole of amounts in 元 to 4 decimals, null when the whole is 0. */
export function shareOf(partYuan: number, wholeYuan: number): number | null {
  const r = ratioOf(partYuan, wholeYuan);
  return r ? shareValue(r) : null;
}

/** The threshold in ten-thousandths (0.55 → 5500), so comparisons are on integers. */
function basisPoints(threshold: number): bigint {
  return BigInt(Math.round(threshold * 10000));
}

/** part ÷ whole ≥ threshold, exactly (54.996 % is below 55 %, even though it rounds to 55.00 %). */
export function atLeast(r: FenRatio, threshold: number): boolean {
  return BigInt(r.partFen) * 10000n >= basisPoints(threshold) * BigInt(r.wholeFen);
}

/** a > b exactly (cross-multiplied on integers). */
export function greaterThan(a: FenRatio, b: FenRatio): boolean {
  return BigInt(a.partFen) * BigInt(b.wholeFen) > BigInt(b.partFen) * BigInt(a.wholeFen);
}

/** An amount for a reason: "540 万元" from 10 000 元 up, else "3 200 元" (display only). */
export function moneyWords(yuan: number): { zh: string; en: string } {
  const fen = yuanToFen(yuan, 'amount');
  const trim = (s: string) => s.replace(/\.?0+$/, '');
  if (Math.abs(fen) >= 1_000_000) return { zh: `${trim((fen / 1_000_000).toFixed(2))} 万元`, en: `${trim((fen / 100_000_000).toFixed(4))} million yuan` };
  return { zh: `${trim((fen / 100).toFixed(2))} 元`, en: `${trim((fen / 100).toFixed(2))} yuan` };
}

/** A share as a percentage with one decimal ("54.0%"). */
export function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A threshold as a percentage without needless decimals ("55%", "67.4%"). */
export function pctThreshold(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** The year's money, or null when the facts do not have it. */
export function yearOf(f: FundFacts, year: number): FundYear | null {
  const y = f.years[String(year)];
  return y ? { ...emptyFundYear(), ...y } : null;
}

/** A boolean param (absent = false). */
export function flagParam(config: RuleConfig, key: string): boolean {
  return config.params[key] === true;
}

/** A numeric param that may be absent. */
export function optionalNumberParam(config: RuleConfig, key: string): number | undefined {
  const v = config.params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A baseline year and share a pack may carry (F4: 2023 was 67.4 %, 004 §二). Tolerates `{ baseline: { year, share } }`
 * and `{ baselineYear, baselineShare }`.
 */
export function baselineParam(config: RuleConfig): { year: number; share: number } | undefined {
  const b = config.params.baseline as { year?: unknown; share?: unknown } | undefined;
  if (b && typeof b === 'object' && typeof b.year === 'number' && typeof b.share === 'number') return { year: b.year, share: b.share };
  const year = optionalNumberParam(config, 'baselineYear');
  const share = optionalNumberParam(config, 'baselineShare');
  return year !== undefined && share !== undefined ? { year, share } : undefined;
}
