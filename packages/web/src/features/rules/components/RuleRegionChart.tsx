import { Empty } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import type { RuleRegionRow } from '../api.ts';
import { formatRuleValue, isShare } from '../rule-format.ts';

export type RuleRegionChartProps = { rows: RuleRegionRow[]; threshold: number | null; title: string; onPick: (row: RuleRegionRow) => void };

/** A region's figure for the subject: the given value, else met ÷ total. */
export function regionValue(row: { total: number; met: number; value: number | null }): number | null {
  if (row.value !== null && row.value !== undefined) return row.value;
  return row.total ? row.met / row.total : null;
}

/** The rule's figure per child region with the target as a dashed line; a bar drills into its region. */
export function RuleRegionChart({ rows, threshold, title, onPick }: RuleRegionChartProps) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const share = rows.every((r) => isShare(regionValue(r), threshold));
  const option = useMemo<ChartOption>(() => {
    const scale = (v: number | null) => (v === null ? 0 : share ? Math.round(v * 1000) / 10 : v);
    const target = threshold !== null ? formatRuleValue(threshold, threshold, lang) : null;
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const row = rows[p.dataIndex];
          if (!row) return '';
          return `${row.name}<br/>${t('rules.col.value')}: ${formatRuleValue(regionValue(row), threshold, lang)}<br/>${t('rules.col.metTotal')}: ${row.met} / ${row.total}`;
        },
      },
      grid: { left: 56, right: 24, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: mobile || rows.length > 8 ? 35 : 0 } },
      yAxis: share
        ? // headroom above 100 % so the target's label does not sit on the bars' labels
          { type: 'value', max: 120, interval: 20, axisLabel: { formatter: (v: number) => (v > 100 ? '' : `${v}%`) } }
        : { type: 'value', axisLabel: { formatter: (v: number) => (Math.abs(v) >= 10_000 ? `${v / 10_000}万` : String(v)) } },
      series: [
        {
          type: 'bar',
          name: t('rules.col.value'),
          data: rows.map((r) => {
            const v = regionValue(r);
            const ok = r.status ? r.status !== 'not_met' : threshold === null || v === null || v >= threshold;
            return { value: scale(v), itemStyle: { color: ok ? '#1f7a4d' : '#d4380d' } };
          }),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => {
              const row = rows[p.dataIndex];
              return row ? formatRuleValue(regionValue(row), threshold, lang) : '';
            },
          },
          markLine:
            threshold !== null && target
              ? {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#faad14' },
                  data: [{ yAxis: scale(threshold), name: t('rules.target', { text: target }) }],
                  label: { formatter: t('rules.target', { text: target }), position: 'insideEndTop' },
                }
              : undefined,
        },
      ],
    };
  }, [rows, threshold, t, lang, mobile, share]);
  if (rows.every((r) => regionValue(r) === null)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.drill.noFigures')} />;
  return (
    <EChart
      option={option}
      ariaLabel={title}
      testId="chart-rule-regions"
      onClick={(e) => {
        const row = rows[e.dataIndex];
        if (row) onPick(row);
      }}
    />
  );
}
