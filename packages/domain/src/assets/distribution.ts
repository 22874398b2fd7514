import { yuanText } from '../calculators/amount-text.ts';
import { AppError, type Issue } from '../errors.ts';
import { pct, pctThreshold, shareValue, atLeast } from '../policy/rules/fund-shares.ts';
import { A2_HOUSEHOLD_TYPES, DISTRIBUTION_LINE_KINDS, type DistributionLineKind } from './asset-codes.ts';

// 村集体产业收益分配 (A2, 004 §五): "落实村集体产业收益 70%以上用于脱贫群众和监测对象差异化分配制度，确保有劳动力的帮扶
// 对象按劳取酬，无劳动力的获得基础保障". All amounts are integer 分.

/** A household the proposal pays: a 脱贫户 or 监测户, whether it has labour, and the work it did. */
export type DistributionHousehold = {
  householdId: number;
  /** household_type: lifted or monitored */
  householdType: string;
  /** has a member who can work (普通、技能、弱劳力半劳力) */
  hasLabor: boolean;
  /** work done this period (公益性劳动、务工 labour days or work points), ≥ 0 with at most 2 decimals; ignored without labour */
  workUnits: number;
};

/**
 * The base share of households without labour (基础保障): a fixed amount per household, or a share of the amount
 * to distribute split equally among them.
 */
export type BaseShareRule = { mode: 'per_household'; amountFen: number } | { mode: 'pool'; share: number };

/** One proposed (or recorded) payment to a household. */
export type DistributionLine = {
  householdId: number;
  householdType: string;
  kind: DistributionLineKind;
  /** the work units it was paid for (work lines), else null */
  workUnits: number | null;
  amountFen: number;
};

export type DistributionProposal = { totalFen: number; baseFen: number; workFen: number; lines: DistributionLine[] };

function refuse(path: string, messageZh: string, messageEn: string): never {
  throw new AppError('VALIDATION_FAILED', messageEn, { issues: [{ path, messageZh, messageEn }] });
}

/**
 * Splits `totalFen` by integer weights so that the parts add up to it exactly: each part gets the whole 分 of its
 * quota total × weight ÷ Σweights, and the 分 left over go one each to the largest remainders (largest-remainder
 * method, Hamilton); equal remainders go in list order. A weight of 0 gets 0. Integers only (BigInt).
 * @throws Error when the weights are all 0 but the total is not
 */
export function splitByLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (totalFen !== 0) throw new Error('nothing to split by: every weight is 0');
    return weights.map(() => 0);
  }
  const total = BigInt(totalFen);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const rems = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }));
  let left = Number(total - parts.reduce((a, p) => a + p, 0n));
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

/** Work units as hundredths (2.5 → 250); refuses a negative value or more than 2 decimals. */
function unitsOf(h: DistributionHousehold, i: number): number {
  const v = h.workUnits;
  const hundredths = Number.isFinite(v) && v >= 0 ? Math.round(v * 100) : NaN;
  if (!Number.isSafeInteger(hundredths) || Math.abs(v * 100 - hundredths) > 1e-6) {
    refuse(`households.${i}.workUnits`, '劳动量须为不小于 0 的数，最多两位小数', 'work units must be ≥ 0 with at most 2 decimals');
  }
  return hundredths;
}

/**
 * Proposes how a village collective pays out `amountFen` of its industry income to its 脱贫户 and 监测户 (004 §五):
 * households without labour get the base share ({@link BaseShareRule}); the rest is paid to the households with
 * labour in proportion to their work units (按劳取酬). A household with labour and no work gets 0 (its line is kept so
 * the officer sees it). When no household did any work, the whole amount goes to the households without labour.
 * Rounding: each part is split by {@link splitByLargestRemainder}, so the lines add up to `amountFen` exactly, to the 分.
 * The officer adjusts the proposal; {@link checkDistribution} judges what is confirmed.
 * @throws AppError VALIDATION_FAILED (zh/en, naming the field) when the amount is not a whole number of 分 ≥ 0, there
 *   are no households, a household is listed twice or is not a 脱贫户 or 监测户, work units are invalid, the base share
 *   exceeds the amount, or the amount cannot be paid (households with labour only, none of them did any work)
 */
export function proposeDistribution(input: { amountFen: number; households: readonly DistributionHousehold[]; base: BaseShareRule }): DistributionProposal {
  const { amountFen, households, base } = input;
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) refuse('amountYuan', '可分配金额须为不小于 0 的金额（到分）', 'the amount must be ≥ 0, in whole fen');
  if (households.length === 0) refuse('households', '本村没有可参与分配的脱贫户或监测户', 'no lifted or monitored household to pay');
  const seen = new Set<number>();
  households.forEach((h, i) => {
    if (seen.has(h.householdId)) refuse(`households.${i}.householdId`, '同一农户不能重复列出', 'a household is listed twice');
    seen.add(h.householdId);
    if (!(A2_HOUSEHOLD_TYPES as readonly string[]).includes(h.householdType)) {
      refuse(`households.${i}.householdType`, '收益分配对象须为脱贫户或监测户', 'only lifted and monitored households are paid');
    }
  });
  const units = households.map((h, i) => (h.hasLabor ? unitsOf(h, i) : 0));
  const baseIdx = households.flatMap((h, i) => (h.hasLabor ? [] : [i]));
  const totalUnits = units.reduce((a, u) => a + u, 0);

  let baseFen = 0;
  if (baseIdx.length > 0) {
    if (base.mode === 'per_household') {
      if (!Number.isSafeInteger(base.amountFen) || base.amountFen < 0) refuse('base.amountYuan', '基础保障标准须为不小于 0 的金额', 'the base share must be ≥ 0');
      baseFen = base.amountFen * baseIdx.length;
      if (baseFen > amountFen) {
        refuse(
          'base.amountYuan',
          `无劳动力户 ${baseIdx.length} 户的基础保障合计 ${yuanText(baseFen)} 元，超过可分配金额 ${yuanText(amountFen)} 元`,
          `the base shares of ${baseIdx.length} households (${yuanText(baseFen)} yuan) exceed the amount (${yuanText(amountFen)} yuan)`,
        );
      }
    } else {
      if (!(base.share >= 0 && base.share <= 1)) refuse('base.share', '基础保障比例须在 0 至 100% 之间', 'the base share must be between 0 and 100%');
      baseFen = splitByLargestRemainder(amountFen, [Math.round(base.share * 10000), 10000 - Math.round(base.share * 10000)])[0]!;
    }
  }
  if (totalUnits === 0) {
    if (baseIdx.length === 0 && amountFen > 0) {
      refuse('households', '有劳动能力的户均未登记劳动量，无法按劳分配，请先登记公益性劳动或务工天数', 'no household with labour has any work recorded: record the work first');
    }
    baseFen = amountFen;
  }
  const workFen = amountFen - baseFen;
  const baseParts = splitByLargestRemainder(
    baseFen,
    baseIdx.map(() => 1),
  );
  const workParts = splitByLargestRemainder(workFen, units);
  const lines: DistributionLine[] = households.map((h, i) => {
    const b = baseIdx.indexOf(i);
    if (b >= 0) return { householdId: h.householdId, householdType: h.householdType, kind: 'base', workUnits: null, amountFen: baseParts[b]! };
    return { householdId: h.householdId, householdType: h.householdType, kind: 'work', workUnits: units[i]! / 100, amountFen: workParts[i]! };
  });
  return { totalFen: amountFen, baseFen, workFen, lines };
}

/** A distribution as the officer confirms it. */
export type DistributionInput = {
  /** 村集体产业收益: the village collective's industry income the distribution is of (A2's whole) */
  collectiveIncomeFen: number;
  /** 分配总额 as the officer states it: the lines must add up to it; absent = the lines' sum */
  totalFen?: number | null;
  lines: readonly Pick<DistributionLine, 'householdId' | 'householdType' | 'kind' | 'amountFen'>[];
};

export type DistributionCheck = {
  ok: boolean;
  /** refusals, worded for officers (paths as the API names the fields) */
  issues: Issue[];
  /** paid to 脱贫户 and 监测户, 分 */
  liftedMonitoredFen: number;
  /** liftedMonitoredFen ÷ collectiveIncomeFen, 4 decimals (null without income) */
  share: number | null;
  minShare: number;
};

/**
 * Judges a distribution before it is confirmed (A2, 004 §五): refused when the collective income is not positive, a
 * line is negative or not whole 分, a household appears twice, a kind is neither 按劳取酬 nor 基础保障, the lines do not add
 * up to the stated total, they add up to more than the collective income, or the 脱贫户 and 监测户 receive less than `minShare` of the
 * collective income (the share compared exactly on integers: 69.996 % is below 70 %).
 * @param minShare the pack's A2 minShare (0.7 in the Xinxiang pack)
 */
export function checkDistribution(input: DistributionInput, minShare: number): DistributionCheck {
  const issues: Issue[] = [];
  const add = (path: string, messageZh: string, messageEn: string) => issues.push({ path, messageZh, messageEn });
  const { collectiveIncomeFen, lines } = input;
  const incomeOk = Number.isSafeInteger(collectiveIncomeFen) && collectiveIncomeFen > 0;
  if (!incomeOk) add('collectiveIncomeYuan', '村集体产业收益须大于 0', 'the collective industry income must be more than 0');
  const seen = new Set<number>();
  let sum = 0;
  let lm = 0;
  let linesOk = true;
  lines.forEach((l, i) => {
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen < 0) {
      linesOk = false;
      add(`lines.${i}.amountYuan`, `第 ${i + 1} 行分配金额不能为负数，且须到分`, `line ${i + 1}: the amount must be ≥ 0, in whole fen`);
      return;
    }
    if (seen.has(l.householdId)) add(`lines.${i}.householdId`, `第 ${i + 1} 行：同一农户重复列出`, `line ${i + 1}: the household is listed twice`);
    seen.add(l.householdId);
    if (!(DISTRIBUTION_LINE_KINDS as readonly string[]).includes(l.kind)) {
      add(`lines.${i}.kind`, `第 ${i + 1} 行：分配方式须为按劳取酬或基础保障`, `line ${i + 1}: the kind must be work or base`);
    }
    sum += l.amountFen;
    if ((A2_HOUSEHOLD_TYPES as readonly string[]).includes(l.householdType)) lm += l.amountFen;
  });
  const stated = input.totalFen ?? null;
  if (linesOk && stated !== null && sum !== stated) {
    add(
      'totalYuan',
      `分配明细合计 ${yuanText(sum)} 元，与分配总额 ${yuanText(stated)} 元不符`,
      `the lines add up to ${yuanText(sum)} yuan, not the total of ${yuanText(stated)} yuan`,
    );
  }
  if (incomeOk && linesOk && sum > collectiveIncomeFen) {
    add(
      'lines',
      `分配总额 ${yuanText(sum)} 元超过村集体产业收益 ${yuanText(collectiveIncomeFen)} 元`,
      `the lines (${yuanText(sum)} yuan) exceed the collective income (${yuanText(collectiveIncomeFen)} yuan)`,
    );
  }
  const ratio = incomeOk && linesOk ? { partFen: lm, wholeFen: collectiveIncomeFen } : null;
  const share = ratio ? shareValue(ratio) : null;
  if (ratio && !atLeast(ratio, minShare)) {
    add(
      'lines',
      `分配给脱贫户和监测户的收益 ${yuanText(lm)} 元，占村集体产业收益 ${yuanText(collectiveIncomeFen)} 元的 ${pct(share!)}，低于 ${pctThreshold(minShare)}（村集体产业收益 ${pctThreshold(minShare)} 以上用于脱贫群众和监测对象）`,
      `lifted and monitored households receive ${yuanText(lm)} yuan, ${pct(share!)} of the collective income of ${yuanText(collectiveIncomeFen)} yuan: below ${pctThreshold(minShare)}`,
    );
  }
  return { ok: issues.length === 0, issues, liftedMonitoredFen: lm, share, minShare };
}
