import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Dashboard } from '../../../lib/types.ts';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';

export type HouseholdsByTypeChartProps = { data: Dashboard };

/** Stacked bars: households by type per child region. Click a bar to open that region's dashboard. */
export function HouseholdsByTypeChart({ data }: HouseholdsByTypeChartProps) {
  const { t } = useI18n();
  const dict = useDict();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const types = useMemo(() => {
    const list = dict.items(DICT.householdType).map((i) => i.code);
    for (const child of data.byChild) for (const code of Object.keys(child.counts)) if (code !== 'total' && !list.includes(code)) list.push(code);
    return list;
  }, [dict, data.byChild]);

  const option = useMemo<ChartOption>(
    () => ({
      // No animation: figures are read, not watched, and re-renders (language, data) stay instant.
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: data.byChild.map((c) => c.name), axisLabel: { interval: 0, rotate: mobile || data.byChild.length > 8 ? 35 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: types.map((code) => ({
        type: 'bar',
        stack: 'total',
        name: dict.label(DICT.householdType, code),
        emphasis: { focus: 'series' },
        data: data.byChild.map((c) => c.counts[code] ?? 0),
      })),
    }),
    [data.byChild, types, dict, mobile],
  );

  const handleClick = (e: { dataIndex: number }) => {
    const child = data.byChild[e.dataIndex];
    if (child) navigate(`/dashboard?regionCode=${encodeURIComponent(child.code)}`);
  };

  return (
    <Card title={t('dashboard.byType')} size="small" extra={mobile ? null : <span style={{ color: '#888', fontSize: 12 }}>{t('dashboard.drillHint')}</span>}>
      {data.byChild.length ? <EChart option={option} onClick={handleClick} ariaLabel={t('dashboard.byType')} testId="chart-by-type" /> : <Empty description={t('common.empty')} />}
    </Card>
  );
}
