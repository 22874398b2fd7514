import { formatPercent } from '../../lib/format.ts';
import type { Lang } from '../../lib/i18n.tsx';

/**
 * Is a rule's figure a share (0..1)? Coverage and fund shares are; amounts (元) and counts are not. A threshold at
 * most 1 is a share; without one, a value between 0 and 1 is.
 */
export function isShare(value: number | null | undefined, threshold: number | null | undefined): boolean {
  if (threshold !== null && threshold !== undefined) return threshold >= 0 && threshold <= 1;
  return value !== null && value !== undefined && value >= 0 && value <= 1;
}

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
 * One subject's figure (a 试算 answer) is a share only when its threshold lies strictly between 0 and 1 or the
 * figure is a fraction: "1 家 / 至少 1 家" (E1 for one village) is a count, not 100%.
 */
export function isSubjectShare(value: number | null | undefined, threshold: number | null | undefined): boolean {
  if (threshold !== null && threshold !== undefined && threshold > 0 && threshold < 1) return true;
  return value !== null && value !== undefined && !Number.isInteger(value) && value > 0 && value < 1;
}

/** A rule's figure in words: shares as %, other figures as amounts (≥ 100: 元/万元) or plain numbers. */
export function formatRuleValue(value: number | null | undefined, threshold: number | null | undefined, lang: Lang, share = isShare(value, threshold)): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (share) return formatPercent(value);
  if (Number.isInteger(value) && Math.abs(value) < 100) return String(value);
  return formatAmount(value, lang);
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
