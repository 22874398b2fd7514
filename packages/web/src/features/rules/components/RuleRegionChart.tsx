import { Empty } from 'antd';
import { useMemo } from 'react';
import type { RuleUnit } from '@chanbang/domain';
import { useI18n } from '../../../lib/i18n.tsx';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import type { RuleRegionRow } from '../api.ts';
import { formatRuleValue } from '../rule-format.ts';

export type RuleRegionChartProps = {
  rows: RuleRegionRow[];
  /** the rule's threshold for the region, drawn as a dashed line when its unit is the bars' unit */
  threshold: number | null;
  /** unit of threshold (absent: share) */
  thresholdUnit?: RuleUnit | undefined;
  title: string;
  onPick: (row: RuleRegionRow) => void;
  /** test id of the chart (default chart-rule-regions; the dashboard's H1 chart is chart-h1) */
  testId?: string;
};

/**
 * The chart's plot area in px. e2e/dashboard.spec.ts clicks a township's bar at coordinates computed from it:
 * change both together.
 */
export const RULE_CHART_GRID = { left: 56, right: 24, top: 32, bottom: 64 } as const;

/** A region's figure for the subject: the given value, else met ÷ total. */
export function regionValue(row: { total: number; met: number; value: number | null }): number | null {
  if (row.value !== null && row.value !== undefined) return row.value;
  return row.total ? row.met / row.total : null;
}

/**
 * The bars' unit and figures: the rows' common unit (a township's H1 coverage, a village's cooperatives), or, when
 * the rows mix units (one region with a single subject among coverages), the coverage met ÷ total of each.
 */
export function chartFigures(rows: readonly RuleRegionRow[]): { unit: RuleUnit; values: (number | null)[] } {
  const units = new Set(rows.filter((r) => regionValue(r) !== null).map((r) => r.unit ?? 'share'));
  if (units.size <= 1) return { unit: [...units][0] ?? 'share', values: rows.map(regionValue) };
  return { unit: 'share', values: rows.map((r) => (r.total ? r.met / r.total : null)) };
}

/** The rule's figure per child region with the target as a dashed line; a bar drills into its region. */
export function RuleRegionChart({ rows, threshold, thresholdUnit = 'share', title, onPick, testId = 'chart-rule-regions' }: RuleRegionChartProps) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const { unit, values } = useMemo(() => chartFigures(rows), [rows]);
  const option = useMemo<ChartOption>(() => {
    const share = unit === 'share';
    const scale = (v: number | null) => (v === null ? 0 : share ? Math.round(v * 1000) / 10 : v);
    // a threshold of another unit (F5's amount beside the share) is not drawn on these bars
    const line = threshold !== null && thresholdUnit === unit ? threshold : null;
    const target = line !== null ? formatRuleValue(line, unit, lang) : null;
    const text = (i: number) => formatRuleValue(values[i], unit, lang);
    return {
      // No animation: figures are read, not watched, and re-renders (language, data) stay instant.
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const row = rows[p.dataIndex];
          if (!row) return '';
          return `${row.name}<br/>${t('rules.col.value')}: ${text(p.dataIndex)}<br/>${t('rules.col.metTotal')}: ${row.met} / ${row.total}`;
        },
      },
      grid: { ...RULE_CHART_GRID },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: mobile || rows.length > 8 ? 35 : 0 } },
      yAxis: share
        ? // headroom above 100 % so the target's label does not sit on the bars' labels
          { type: 'value', max: 120, interval: 20, axisLabel: { formatter: (v: number) => (v > 100 ? '' : `${v}%`) } }
        : unit === 'yuan'
          ? { type: 'value', axisLabel: { formatter: (v: number) => (Math.abs(v) >= 10_000 ? `${v / 10_000}万` : String(v)) } }
          : { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('rules.col.value'),
          data: rows.map((r, i) => {
            const v = values[i] ?? null;
            const ok = r.status ? r.status !== 'not_met' : line === null || v === null || v >= line;
            return { value: scale(v), itemStyle: { color: ok ? '#1f7a4d' : '#d4380d' } };
          }),
          label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => (rows[p.dataIndex] ? text(p.dataIndex) : '') },
          markLine:
            line !== null && target
              ? {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#faad14' },
                  data: [{ yAxis: scale(line), name: t('rules.target', { text: target }) }],
                  label: { formatter: t('rules.target', { text: target }), position: 'insideEndTop' },
                }
              : undefined,
        },
      ],
    };
  }, [rows, values, unit, threshold, thresholdUnit, t, lang, mobile]);
  if (values.every((v) => v === null)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.drill.noFigures')} />;
  return (
    <EChart
      option={option}
      ariaLabel={title}
      testId={testId}
      onClick={(e) => {
        const row = rows[e.dataIndex];
        if (row) onPick(row);
      }}
    />
  );
}
