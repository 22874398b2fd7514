import { Card, Empty, Flex, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatClause } from '@chanbang/domain';
import { formatPercent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { RuleEvaluation } from '../../../lib/types.ts';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { householdsLink } from '../api.ts';

export type H1CoverageChartProps = { regionCode: string; rule: RuleEvaluation };

function coverage(row: { total: number; met: number; value: number | null }): number | null {
  if (row.value !== null && row.value !== undefined) return row.value;
  return row.total ? row.met / row.total : null;
}

/** H1 coverage per child region with the target line and the clause; bars open the failing households. */
export function H1CoverageChart({ regionCode, rule }: H1CoverageChartProps) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const rows = rule.byRegion;
  const unmetTotal = rule.total - rule.met;
  // officers read the rule's name, never its catalogue id
  const title = rule.titleZh || rule.titleEn ? pick(rule.titleZh, rule.titleEn) : t('dashboard.h1');

  const option = useMemo<ChartOption>(
    () => ({
      // No animation: figures are read, not watched, and re-renders (language, data) stay instant.
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const row = rows[p.dataIndex];
          if (!row) return '';
          return `${row.name}<br/>${t('dashboard.coverage')}: ${formatPercent(coverage(row))}<br/>${t('dashboard.met')}: ${row.met} / ${row.total}`;
        },
      },
      // phones: less room for the target label, names slanted (the desktop grid is what dashboard.spec clicks into)
      grid: { left: 48, right: mobile ? 72 : 96, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: mobile || rows.length > 8 ? 35 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('dashboard.coverage'),
          data: rows.map((r) => {
            const v = coverage(r);
            const pct = v === null ? 0 : Math.round(v * 1000) / 10;
            const ok = rule.threshold === null || v === null || v >= rule.threshold;
            return { value: pct, itemStyle: { color: ok ? '#1f7a4d' : '#d4380d' } };
          }),
          label: { show: true, position: 'top', formatter: '{c}%' },
          markLine:
            rule.threshold !== null
              ? {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#faad14' },
                  data: [{ yAxis: rule.threshold * 100, name: t('dashboard.threshold', { value: formatPercent(rule.threshold) }) }],
                  label: { formatter: t('dashboard.threshold', { value: formatPercent(rule.threshold) }) },
                }
              : undefined,
        },
      ],
    }),
    [rows, rule.threshold, t, mobile],
  );

  const handleClick = (e: { dataIndex: number }) => {
    const row = rows[e.dataIndex];
    if (row) navigate(householdsLink(row.drill, { regionCode: row.code, warning: rule.ruleId }));
  };

  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}>
      {rule.clause ? (
        <Tag color="gold" style={{ whiteSpace: 'normal', marginBottom: 8 }}>
          {t('dashboard.clause', { clause: formatClause(null, rule.clause) })}
        </Tag>
      ) : null}
      <Flex gap={32} align="center" style={{ marginBottom: 8 }} wrap>
        <Statistic
          title={t('dashboard.overall')}
          value={formatPercent(rule.value)}
          valueStyle={{ color: rule.value !== null && rule.threshold !== null && rule.value < rule.threshold ? '#d4380d' : '#1f7a4d' }}
        />
        <Link to={householdsLink(rule.drill, { regionCode, warning: rule.ruleId })}>
          <Typography.Text type={unmetTotal ? 'danger' : 'secondary'}>{t('dashboard.unmetHouseholds', { n: unmetTotal })}</Typography.Text>
        </Link>
      </Flex>
      {rows.length ? <EChart option={option} onClick={handleClick} ariaLabel={title} testId="chart-h1" /> : <Empty description={t('common.empty')} />}
    </Card>
  );
}
