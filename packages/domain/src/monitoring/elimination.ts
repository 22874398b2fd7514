import { codesWithAttr, DICT } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';
import { computeIncomeFen, type IncomeInput } from '../income/income.ts';
import { divideFen, fenToYuan, sumFen, yuanToFen } from '../money/money.ts';
import { findMonitoringLine } from '../policy/packs/monitoring-lines.ts';
import type { MonitoringLine, PolicyPack } from '../policy/policy.types.ts';
import { isoDateToDay } from './iso-date.ts';

/** One recorded year of household income, with 理赔收入 and 合规自付支出 (household_incomes). */
export type IncomeRecord = IncomeInput & { year: number; memberCount: number; claimIncome?: number; compliantSelfPaid?: number };

/** What {@link checkRiskElimination} needs to know about a monitored household. */
export type RiskEliminationInput = {
  /** dict labor_capacity of every member */
  laborCapacities: string[];
  /** the household's recorded incomes, any years */
  incomes: IncomeRecord[];
  /** dict monitoring_type of the case: for `sudden` (突发严重困难户) income is judged after 合规自付支出 and 理赔收入 */
  monitoringType: string;
  /** date of the decision (ISO) */
  asOf: string;
  /** 2-digit province code (or a longer region code) */
  provinceCode: string;
  /** dict elimination_method: assisted (帮扶消除) | natural (自然消除) */
  method: string | null;
  /** number of development-type measures the household has had while monitored */
  developmentalMeasureCount: number;
  /** true = secure, false = a problem, null = not yet assessed (refused like a problem) */
  housingSecure: boolean | null;
  waterSecure: boolean | null;
  educationSecure: boolean | null;
  medicalSecure: boolean | null;
  /** 大额刚性支出稳定解决, 不存在新增风险: assessed at the elimination home visit (null = not assessed) */
  rigidExpenseResolved: boolean | null;
  noNewRisk: boolean | null;
};

/** "7300 元" for a confirmed line, "7300 元（未确认的占位值）" for a placeholder. */
export function lineTextZh(line: Pick<MonitoringLine, 'amountYuan' | 'confirmed'>): string {
  return `${line.amountYuan} 元${line.confirmed ? '' : '（未确认的占位值）'}`;
}
function lineTextEn(line: Pick<MonitoringLine, 'amountYuan' | 'confirmed'>): string {
  return `${line.amountYuan} yuan${line.confirmed ? '' : ' (unconfirmed placeholder)'}`;
}

/**
 * The per-capita income the elimination is judged on. 人均纯收入 = 家庭纯收入 ÷ 人数 (domain-standards §2.5).
 * For 突发严重困难户 (monitoring type `sudden`) local rules judge income after deducting the large unavoidable
 * spending ("扣除刚性支出后家庭收入", domain-standards §2.5, 慢湾村 [OFFICIAL-local]); the national 收支 schema keeps
 * 理赔收入 (jtlpsr) and 合规自付支出 (hgzfzc) apart from the four income components (domain-standards §2.5,
 * national-exports 监测对象信息). Our reading, stated here and tested:
 *   判定人均收入 = (家庭纯收入 + 理赔收入 − 合规自付支出) ÷ 人数   (for `sudden`; otherwise 人均纯收入)
 */
export function judgedPerCapita(r: IncomeRecord, monitoringType: string): number {
  return fenToYuan(judgedPerCapitaFen(r, monitoringType));
}

/** {@link judgedPerCapita} in integer 分 (summed and divided once, half away from zero): what is compared with a line. */
export function judgedPerCapitaFen(r: IncomeRecord, monitoringType: string): number {
  const { netIncomeFen, perCapitaFen } = computeIncomeFen(r, r.memberCount);
  if (monitoringType !== 'sudden') return perCapitaFen;
  const net = sumFen([netIncomeFen, yuanToFen(r.claimIncome ?? 0, 'claimIncome'), -yuanToFen(r.compliantSelfPaid ?? 0, 'compliantSelfPaid')]);
  return divideFen(net, r.memberCount);
}

/** True when a per-capita income in 分 is strictly above a line in 元 (compared as integer 分). */
function aboveLine(perCapitaFen: number, line: Pick<MonitoringLine, 'amountYuan'>): boolean {
  return perCapitaFen > yuanToFen(line.amountYuan, 'monitoringLine.amountYuan');
}

/** One year of the stability walk. */
export type StableYear = { year: number; perCapita: number | null; line: MonitoringLine | null; above: boolean; months: number };

/** The income part of the check, also shown as a preview. */
export type IncomeAssessment = {
  decisionYear: number;
  /** the monitoring line of the decision year (null: none recorded) */
  line: MonitoringLine | null;
  /** the income compared with it: the decision year's record, else the year before's */
  judged: { year: number; perCapita: number } | null;
  /** months of income above each year's line, counted back from the decision (see {@link assessIncome}) */
  stableMonths: number;
  requiredMonths: number;
  years: StableYear[];
};

/**
 * Income assessment of a 风险消除 decision on `asOf` (domain-standards §1.5: "年人均纯收入稳定超过当年监测范围",
 * "收入持续稳定，原则上不得低于半年" 枞阳县). Defined on the RECORDED yearly incomes:
 * - the judged income is the decision year's record, else the previous year's; it must be above the line of the
 *   DECISION year (当年监测范围);
 * - stable months are counted backwards from the decision: the decision year's record, when present and above
 *   that year's line, covers January to the decision month (asOf 2024-05-10 → 5 months); each earlier year,
 *   recorded and above ITS year's line, covers 12 months; the walk stops at the first year missing, without a
 *   line, or not above its line (a missing decision-year record is skipped: the year is not over). Stable when
 *   the months reach `requiredMonths` (pack.incomeStableMinMonths).
 */
export function assessIncome(
  input: Pick<RiskEliminationInput, 'incomes' | 'monitoringType' | 'asOf' | 'provinceCode'>,
  lines: readonly MonitoringLine[],
  requiredMonths: number,
): IncomeAssessment {
  const decisionYear = Number(input.asOf.slice(0, 4));
  const month = Number(input.asOf.slice(5, 7));
  const byYear = new Map(input.incomes.map((r) => [r.year, judgedPerCapitaFen(r, input.monitoringType)]));
  const line = findMonitoringLine(lines, input.provinceCode, decisionYear) ?? null;
  const judgedYear = byYear.has(decisionYear) ? decisionYear : byYear.has(decisionYear - 1) ? decisionYear - 1 : null;
  const judged = judgedYear === null ? null : { year: judgedYear, perCapita: fenToYuan(byYear.get(judgedYear) as number) };
  const years: StableYear[] = [];
  let stableMonths = 0;
  for (let y = decisionYear; stableMonths < requiredMonths && y >= decisionYear - 10; y--) {
    const perCapitaFen = byYear.get(y) ?? null;
    const perCapita = perCapitaFen === null ? null : fenToYuan(perCapitaFen);
    const yLine = findMonitoringLine(lines, input.provinceCode, y) ?? null;
    if (perCapitaFen === null && y === decisionYear) continue;
    const above = perCapitaFen !== null && yLine !== null && aboveLine(perCapitaFen, yLine);
    const months = above ? (y === decisionYear ? month : 12) : 0;
    years.push({ year: y, perCapita, line: yLine, above, months });
    if (!above) break;
    stableMonths += months;
  }
  return { decisionYear, line, judged, stableMonths, requiredMonths, years };
}

const GUARANTEES: ReadonlyArray<{ key: 'housingSecure' | 'waterSecure' | 'educationSecure' | 'medicalSecure'; zh: string; en: string }> = [
  { key: 'housingSecure', zh: '住房安全', en: 'housing' },
  { key: 'waterSecure', zh: '饮水安全', en: 'drinking water' },
  { key: 'educationSecure', zh: '义务教育', en: 'compulsory education' },
  { key: 'medicalSecure', zh: '基本医疗', en: 'basic medical insurance' },
];

/**
 * The national conditions of 风险消除 (domain-standards §1.5, 秦安县 / 长寿 / 枞阳县 / 海南; DOMAIN.md "Risk
 * elimination"). Refuses, each with its reason in officer language, when: no member has labour capacity
 * (无劳动能力户暂不标注风险消除); the method is not 帮扶消除/自然消除; no income is recorded for the decision year or
 * the year before; no monitoring line is recorded for the province and the decision year; the judged per-capita
 * income is not above the decision year's line; income has not stayed above the lines for
 * `pack.incomeStableMinMonths` months ({@link assessIncome}); housing, water, schooling or medical insurance is
 * not secure or not assessed (两不愁三保障 and 饮水); large unavoidable spending is not resolved or a new risk
 * exists (or either is not assessed); or 帮扶消除 without any development-type measure.
 * @param lines the monitoring lines (from the monitoring_lines table)
 * @returns blocking issues; an empty list means elimination is allowed
 */
export function checkRiskElimination(input: RiskEliminationInput, lines: readonly MonitoringLine[], pack: Pick<PolicyPack, 'incomeStableMinMonths'>): Issue[] {
  const issues: Issue[] = [];
  const withLabor = new Set(codesWithAttr(DICT.laborCapacity, 'hasLabor'));
  if (!input.laborCapacities.some((c) => withLabor.has(c))) {
    issues.push({
      path: 'laborCapacities',
      value: input.laborCapacities,
      messageZh: '家庭无劳动能力成员：无劳动能力户落实兜底保障后暂不标注风险消除，继续跟踪监测',
      messageEn: 'no member has labour capacity: such households are kept under monitoring after social-security measures, not exited',
    });
  }
  if (input.method !== 'assisted' && input.method !== 'natural') {
    issues.push({ path: 'method', value: input.method, messageZh: '风险消除方式须为“帮扶消除”或“自然消除”', messageEn: 'elimination method must be assisted or natural' });
  }

  if (isoDateToDay(input.asOf) === null) {
    issues.push({ path: 'asOf', value: input.asOf, messageZh: `审批日期无效：${input.asOf}`, messageEn: `decision date is invalid: ${input.asOf}` });
  } else {
    const a = assessIncome(input, lines, pack.incomeStableMinMonths);
    const y = a.decisionYear;
    const after = input.monitoringType === 'sudden' ? '（扣除合规自付支出、计入理赔收入后）' : '';
    const afterEn = input.monitoringType === 'sudden' ? ' (after compliant self-paid spending and claim income)' : '';
    if (a.judged === null) {
      issues.push({
        path: 'incomes',
        messageZh: `未录入 ${y - 1} 年或 ${y} 年的家庭收入，无法判断是否稳定超过监测范围`,
        messageEn: `no income recorded for ${y - 1} or ${y}: cannot tell whether it is above the monitoring line`,
      });
    } else if (a.line === null) {
      issues.push({
        path: 'monitoringLine',
        value: y,
        messageZh: `未设置本省 ${y} 年监测范围，无法判断收入，请县级管理员在“监测范围”中录入`,
        messageEn: `no monitoring line is recorded for the province in ${y}: an administrator must enter it`,
      });
    } else if (!aboveLine(yuanToFen(a.judged.perCapita), a.line)) {
      issues.push({
        path: 'incomes',
        value: a.judged.perCapita,
        messageZh: `${a.judged.year} 年人均纯收入${after || ' '}${a.judged.perCapita} 元未超过 ${y} 年监测范围 ${lineTextZh(a.line)}`,
        messageEn: `${a.judged.year} per-capita net income${afterEn} ${a.judged.perCapita} yuan is not above the ${y} monitoring line of ${lineTextEn(a.line)}`,
      });
    }
    if (a.judged !== null && a.stableMonths < a.requiredMonths) {
      const stop = a.years.find((s) => !s.above);
      const why = !stop
        ? ''
        : stop.perCapita === null
          ? `；${stop.year} 年未录入收入`
          : stop.line === null
            ? `；未设置 ${stop.year} 年监测范围`
            : `；${stop.year} 年人均 ${stop.perCapita} 元未超过当年监测范围 ${lineTextZh(stop.line)}`;
      issues.push({
        path: 'incomeStable',
        value: a.stableMonths,
        messageZh: `收入稳定超过监测范围仅 ${a.stableMonths} 个月（按已录入的年度收入计算），不满 ${a.requiredMonths} 个月${why}`,
        messageEn: `income has been above the monitoring line for only ${a.stableMonths} months by the recorded incomes, less than ${a.requiredMonths}`,
      });
    }
  }

  for (const g of GUARANTEES) {
    const v = input[g.key];
    if (v !== true) {
      issues.push({
        path: g.key,
        value: v,
        messageZh: v === null ? `${g.zh}保障尚未评估，不能标注风险消除` : `${g.zh}保障未稳定解决，不能标注风险消除`,
        messageEn: v === null ? `${g.en} has not been assessed: risk cannot be marked eliminated` : `${g.en} is not secure: risk cannot be marked eliminated`,
      });
    }
  }
  if (input.rigidExpenseResolved !== true) {
    issues.push({
      path: 'rigidExpenseResolved',
      value: input.rigidExpenseResolved,
      messageZh: input.rigidExpenseResolved === null ? '入户核实尚未评估大额刚性支出，不能标注风险消除' : '大额刚性支出尚未稳定解决，不能标注风险消除',
      messageEn: 'large unavoidable spending is not resolved (or not assessed)',
    });
  }
  if (input.noNewRisk !== true) {
    issues.push({
      path: 'noNewRisk',
      value: input.noNewRisk,
      messageZh: input.noNewRisk === null ? '入户核实尚未评估是否有新增风险，不能标注风险消除' : '存在新增风险，不能标注风险消除',
      messageEn: 'a new risk exists (or it was not assessed)',
    });
  }

  if (input.method === 'assisted' && !(input.developmentalMeasureCount >= 1)) {
    issues.push({
      path: 'developmentalMeasureCount',
      value: input.developmentalMeasureCount,
      messageZh: '“帮扶消除”须已落实至少一项开发式帮扶措施（产业、就业、金融、公益岗位）；否则应为“自然消除”',
      messageEn: '"assisted" elimination needs at least one development-type measure (industry, employment, finance, public post); otherwise use "natural"',
    });
  }
  return issues;
}
