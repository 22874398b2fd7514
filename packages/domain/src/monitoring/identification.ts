import type { Issue } from '../errors.ts';
import type { PolicyPack } from '../policy/policy.types.ts';
import { isoDateToDay } from './iso-date.ts';

/** Dates of one identification (识别纳入) case, ISO `YYYY-MM-DD`; absent or null = not reached yet. */
export type IdentificationDates = {
  leadDate?: string | null;
  homeVisitDate?: string | null;
  infoCheckDate?: string | null;
  villageReviewDate?: string | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  townshipReviewDate?: string | null;
  countyApprovalDate?: string | null;
};

/**
 * The identification steps in their required order (domain-standards §1.5, 永城市 2024): lead → 入户核实 →
 * 信息比对 → 村级民主评议 → 公示 → 乡镇审核 → 县级审批.
 */
export const IDENTIFICATION_STEPS: ReadonlyArray<{ key: keyof IdentificationDates; labelZh: string; labelEn: string }> = [
  { key: 'leadDate', labelZh: '发现线索', labelEn: 'lead found' },
  { key: 'homeVisitDate', labelZh: '入户核实', labelEn: 'home visit' },
  { key: 'infoCheckDate', labelZh: '信息比对', labelEn: 'data cross-check' },
  { key: 'villageReviewDate', labelZh: '村级民主评议', labelEn: 'village deliberation' },
  { key: 'publicityStart', labelZh: '公示开始', labelEn: 'publicity start' },
  { key: 'publicityEnd', labelZh: '公示结束', labelEn: 'publicity end' },
  { key: 'townshipReviewDate', labelZh: '乡镇审核', labelEn: 'township review' },
  { key: 'countyApprovalDate', labelZh: '县级审批', labelEn: 'county approval' },
];

/**
 * Checks the dates of an identification case against the procedure and the pack's limits:
 * every date valid; no step recorded before an earlier one is (error on the missing step); dates in order;
 * village 公示 lasting at least `pack.publicityMinDays` days counting both ends (error); lead → county approval
 * within `pack.identificationMaxDays` days — or, while not approved, lead → `options.asOf` — else a warning.
 * @param c the case's dates
 * @param pack the active policy pack
 * @param options.asOf ISO date of "today" for the overdue warning of open cases (omit to skip it)
 * @returns issues (path = field key); severity `warning` does not block
 */
export function checkIdentificationSteps(c: IdentificationDates, pack: Pick<PolicyPack, 'publicityMinDays' | 'identificationMaxDays'>, options: { asOf?: string } = {}): Issue[] {
  const issues: Issue[] = [];
  const days = new Map<keyof IdentificationDates, number>();
  for (const step of IDENTIFICATION_STEPS) {
    const v = c[step.key];
    if (v === undefined || v === null || v === '') continue;
    const day = isoDateToDay(v);
    if (day === null) {
      issues.push({
        path: step.key,
        value: v,
        messageZh: `${step.labelZh}日期无效：${v}（应为 YYYY-MM-DD）`,
        messageEn: `${step.labelEn} date is invalid: ${v} (expected YYYY-MM-DD)`,
      });
    } else {
      days.set(step.key, day);
    }
  }

  // a later step recorded while an earlier one is missing
  const lastIdx = IDENTIFICATION_STEPS.reduce((acc, s, i) => (c[s.key] ? i : acc), -1);
  for (let i = 0; i < lastIdx; i++) {
    const step = IDENTIFICATION_STEPS[i]!;
    if (c[step.key]) continue;
    const later = IDENTIFICATION_STEPS[lastIdx]!;
    issues.push({
      path: step.key,
      messageZh: `已记录“${later.labelZh}”，但缺少前序步骤“${step.labelZh}”的日期`,
      messageEn: `"${later.labelEn}" is recorded but the earlier step "${step.labelEn}" has no date`,
    });
  }

  // order: each date on or after the previous recorded one
  let prev: { label: string; labelEn: string; day: number; value: string } | null = null;
  for (const step of IDENTIFICATION_STEPS) {
    const day = days.get(step.key);
    if (day === undefined) continue;
    const value = c[step.key] as string;
    if (prev && day < prev.day) {
      issues.push({
        path: step.key,
        value,
        messageZh: `${step.labelZh}日期 ${value} 早于${prev.label}日期 ${prev.value}`,
        messageEn: `${step.labelEn} date ${value} is before the ${prev.labelEn} date ${prev.value}`,
      });
    }
    prev = { label: step.labelZh, labelEn: step.labelEn, day, value };
  }

  const start = days.get('publicityStart');
  const end = days.get('publicityEnd');
  if (start !== undefined && end !== undefined && end >= start && end - start + 1 < pack.publicityMinDays) {
    const n = end - start + 1;
    issues.push({
      path: 'publicityEnd',
      value: c.publicityEnd,
      messageZh: `村内公示仅 ${n} 天，不少于 ${pack.publicityMinDays} 天`,
      messageEn: `village publicity lasted ${n} days; it must last at least ${pack.publicityMinDays}`,
    });
  }

  const lead = days.get('leadDate');
  const approval = days.get('countyApprovalDate');
  if (lead !== undefined) {
    const asOf = options.asOf ? isoDateToDay(options.asOf) : null;
    const until = approval ?? asOf;
    if (until !== undefined && until !== null && until - lead > pack.identificationMaxDays) {
      const n = until - lead;
      issues.push({
        path: approval !== undefined ? 'countyApprovalDate' : 'leadDate',
        value: approval !== undefined ? c.countyApprovalDate : c.leadDate,
        severity: 'warning',
        messageZh:
          approval !== undefined
            ? `从发现线索到县级审批用时 ${n} 天，超过 ${pack.identificationMaxDays} 天时限`
            : `发现线索已 ${n} 天仍未完成县级审批，超过 ${pack.identificationMaxDays} 天时限`,
        messageEn:
          approval !== undefined
            ? `lead to county approval took ${n} days, over the ${pack.identificationMaxDays}-day limit`
            : `lead found ${n} days ago and not yet approved, over the ${pack.identificationMaxDays}-day limit`,
      });
    }
  }
  return issues;
}
