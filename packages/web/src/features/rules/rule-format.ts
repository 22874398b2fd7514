import { formatPercent } from '../../lib/format.ts';
import type { Lang } from '../../lib/i18n.tsx';
import type { RuleUnit } from '@chanbang/domain';

/** The unit of a rule's figure as the server names it (RuleSummary, RuleEvaluation, the 试算 answer). */
export type { RuleUnit };

/** 12 345 元 below 1 万, 1 234.5 万元 above: display only, never summed or compared. */
export function formatAmount(value: number, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  if (Math.abs(value) >= 10_000) {
    const wan = (value / 10_000).toLocaleString(locale, { maximumFractionDigits: 2 });
    return lang === 'zh' ? `${wan} 万元` : `${wan} × 10k yuan`;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: 2 })}${lang === 'zh' ? ' 元' : ' yuan'}`;
}

/**
 * A rule's figure in words, from the unit the server gives with it (never guessed from the number): a share as
 * % (54.0%), an amount in 元 or 万元, a count as a whole number. No unit (an old answer): a share.
 */
export function formatRuleValue(value: number | null | undefined, unit: RuleUnit | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'yuan') return formatAmount(value, lang);
  if (unit === 'count') return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  return formatPercent(value);
}

/** The colour of a status tag. */
export const STATUS_COLOR: Record<string, string> = {
  met: 'green',
  not_met: 'red',
  not_applicable: 'default',
  not_in_force: 'default',
  not_implemented: 'purple',
};

/** Years in words: 2023、2024 年; empty = every year. */
export function yearsText(years: readonly number[] | null | undefined, lang: Lang): string | null {
  if (!years?.length) return null;
  return lang === 'zh' ? `${years.join('、')} 年` : years.join(', ');
}
