import { codesWithAttr, DICT } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';
import { findMonitoringLine } from '../policy/packs/monitoring-lines.ts';
import type { PolicyPack } from '../policy/policy.types.ts';
import { addMonthsIso, isoDateToDay } from './iso-date.ts';

/** What {@link checkRiskElimination} needs to know about a monitored household. */
export type RiskEliminationInput = {
  /** dict labor_capacity of every member */
  laborCapacities: string[];
  /** 人均纯收入 by year (元) */
  perCapitaIncomeByYear: Record<number, number>;
  /** date since which income has stayed above the line */
  incomeStableSince: string | null;
  /** date of the decision (ISO) */
  asOf: string;
  /** 2-digit province code (or a longer region code) */
  provinceCode: string;
  /** dict elimination_method: assisted (帮扶消除) | natural (自然消除) */
  method: string;
  /** number of development-type measures the household has had while monitored */
  developmentalMeasureCount: number;
  /** true = secure, false = a problem, null = not yet assessed (refused like a problem) */
  housingSecure: boolean | null;
  waterSecure: boolean | null;
  educationSecure: boolean | null;
  medicalSecure: boolean | null;
};

const GUARANTEES: ReadonlyArray<{ key: 'housingSecure' | 'waterSecure' | 'educationSecure' | 'medicalSecure'; zh: string; en: string }> = [
  { key: 'housingSecure', zh: '住房安全', en: 'housing' },
  { key: 'waterSecure', zh: '饮水安全', en: 'drinking water' },
  { key: 'educationSecure', zh: '义务教育', en: 'compulsory education' },
  { key: 'medicalSecure', zh: '基本医疗', en: 'basic medical insurance' },
];

/**
 * Guards 风险消除 (domain-standards §1.5; DOMAIN.md "Risk elimination"). Refuses when:
 * no member has labour capacity (无劳动能力户暂不标注风险消除: only 丧失/无劳动力 or nothing recorded);
 * the method is not 帮扶消除/自然消除; no income is recorded for the decision year or the year before; the
 * pack has no monitoring line for the province and that income year; 人均纯收入 is not above the line;
 * income has not been stable for `pack.incomeStableMinMonths` months before `asOf`; housing, water,
 * schooling or medical insurance is not secure; or 帮扶消除 without any development-type measure.
 * @param input the household's facts
 * @param pack the active policy pack (monitoring lines, stable-income months)
 * @returns blocking issues; an empty list means elimination is allowed
 */
export function checkRiskElimination(input: RiskEliminationInput, pack: PolicyPack): Issue[] {
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

  const asOfDay = isoDateToDay(input.asOf);
  if (asOfDay === null) {
    issues.push({ path: 'asOf', value: input.asOf, messageZh: `消除日期无效：${input.asOf}`, messageEn: `decision date is invalid: ${input.asOf}` });
  } else {
    const asOfYear = Number(input.asOf.slice(0, 4));
    const years = Object.keys(input.perCapitaIncomeByYear).map(Number).filter((y) => y <= asOfYear && y >= asOfYear - 1);
    const year = years.length ? Math.max(...years) : null;
    if (year === null) {
      issues.push({
        path: 'perCapitaIncomeByYear',
        messageZh: `未录入 ${asOfYear - 1} 年或 ${asOfYear} 年的家庭收入，无法判断是否稳定超过监测范围`,
        messageEn: `no income recorded for ${asOfYear - 1} or ${asOfYear}: cannot tell whether it is above the monitoring line`,
      });
    } else {
      const income = input.perCapitaIncomeByYear[year] as number;
      const line = findMonitoringLine(pack.monitoringLines, input.provinceCode, year);
      if (!line) {
        issues.push({
          path: 'perCapitaIncomeByYear',
          value: year,
          messageZh: `政策包“${pack.nameZh}”未设置省份 ${input.provinceCode.slice(0, 2)} ${year} 年的监测范围，请管理员先录入`,
          messageEn: `policy pack ${pack.id} has no monitoring line for province ${input.provinceCode.slice(0, 2)} in ${year}: an administrator must enter it`,
        });
      } else if (!(income > line.amountYuan)) {
        issues.push({
          path: 'perCapitaIncomeByYear',
          value: income,
          messageZh: `${year} 年人均纯收入 ${income} 元未超过当年监测范围 ${line.amountYuan} 元`,
          messageEn: `${year} per-capita net income ${income} yuan is not above that year's monitoring line of ${line.amountYuan} yuan`,
        });
      }
    }

    const months = pack.incomeStableMinMonths;
    const stableDay = input.incomeStableSince ? isoDateToDay(input.incomeStableSince) : null;
    if (input.incomeStableSince === null || input.incomeStableSince === '') {
      issues.push({ path: 'incomeStableSince', messageZh: '未填写收入稳定起始日期', messageEn: 'the date since which income is stable is missing' });
    } else if (stableDay === null) {
      issues.push({ path: 'incomeStableSince', value: input.incomeStableSince, messageZh: `收入稳定起始日期无效：${input.incomeStableSince}`, messageEn: `income-stable-since date is invalid: ${input.incomeStableSince}` });
    } else if (addMonthsIso(input.incomeStableSince, months) > input.asOf) {
      issues.push({
        path: 'incomeStableSince',
        value: input.incomeStableSince,
        messageZh: `收入自 ${input.incomeStableSince} 起稳定，至 ${input.asOf} 不满 ${months} 个月（最早可于 ${addMonthsIso(input.incomeStableSince, months)} 消除）`,
        messageEn: `income stable since ${input.incomeStableSince}: less than ${months} months before ${input.asOf} (earliest ${addMonthsIso(input.incomeStableSince, months)})`,
      });
    }
  }

  for (const g of GUARANTEES) {
    if (input[g.key] !== true) {
      issues.push({ path: g.key, value: input[g.key], messageZh: `${g.zh}保障未稳定解决，不能标注风险消除`, messageEn: `${g.en} is not secure: risk cannot be marked eliminated` });
    }
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
