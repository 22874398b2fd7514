import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { GaugeChart, SankeyChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { formatPercent } from '../../../lib/format.ts';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import type { FundRuleOutcome, Sankey } from '../api.ts';

// the funds page also draws gauges and a sankey (ui/EChart registers bars only)
use([GaugeChart, SankeyChart]);

/** Is the rule's figure a share (0..1) or a count / coverage? */
const isCount = (r: FundRuleOutcome) => r.ruleId === 'P5';
const isCoverage = (r: FundRuleOutcome) => r.ruleId === 'F5';

/** The status words of a rule (达标 / 未达标 / 不适用). */
export function StatusTag({ status, testId }: { status: FundRuleOutcome['status']; testId?: string }) {
  const { t } = useI18n();
  if (status === 'met')
    return (
      <Tag color="success" data-testid={testId}>
        {t('funds.met')}
      </Tag>
    );
  if (status === 'not_met')
    return (
      <Tag color="error" data-testid={testId}>
        {t('funds.notMet')}
      </Tag>
    );
  return <Tag data-testid={testId}>{t('funds.notApplicable')}</Tag>;
}

/** The rule's own figure in words: a share as 54.0 %, P5 as a count, F5 as townships met. */
export function ruleFigure(r: FundRuleOutcome, t: ReturnType<typeof useI18n>['t']): string {
  if (r.status === 'not_applicable') return '—';
  if (isCount(r)) return t('funds.leadingCount', { n: r.value ?? 0 });
  if (isCoverage(r)) return t('funds.townships', { met: r.met, total: r.total });
  return formatPercent(r.value);
}

/** One rule as a gauge with its threshold marked (red below, green from it), status and clause with 文号. */
export function RuleGauge({ rule }: { rule: FundRuleOutcome }) {
  const { t, pick } = useI18n();
  const share = !isCount(rule) && !isCoverage(rule);
  const value = rule.value === null ? 0 : share ? Math.round(rule.value * 1000) / 10 : isCoverage(rule) ? Math.round((rule.value ?? 0) * 1000) / 10 : rule.value;
  const max = isCount(rule) ? 6 : 100;
  const thr = isCount(rule) ? (rule.threshold ?? 0) / max : isCoverage(rule) ? 1 : (rule.threshold ?? 0);
  const option = useMemo(
    () =>
      ({
        series: [
          {
            type: 'gauge',
            min: 0,
            max,
            radius: '95%',
            center: ['50%', '58%'],
            startAngle: 200,
            endAngle: -20,
            progress: { show: true, width: 10 },
            axisLine: {
              lineStyle: {
                width: 10,
                color: [
                  [Math.min(Math.max(thr - 0.0001, 0), 1), '#ffccc7'],
                  [1, '#d9f7be'],
                ],
              },
            },
            axisTick: { show: false },
            splitLine: { length: 6 },
            axisLabel: { distance: 14, fontSize: 10 },
            pointer: { width: 4 },
            itemStyle: { color: rule.status === 'met' ? '#52c41a' : rule.status === 'not_met' ? '#ff4d4f' : '#bfbfbf' },
            detail: { valueAnimation: false, fontSize: 18, offsetCenter: [0, '45%'], formatter: share || isCoverage(rule) ? '{value}%' : '{value}' },
            data: [{ value }],
          },
        ],
      }) as unknown as ChartOption,
    [max, thr, value, share, rule],
  );
  const threshold = isCount(rule) ? `2—3` : isCoverage(rule) ? '100%' : formatPercent(rule.threshold);
  return (
    <Card size="small" data-testid={`fund-rule-${rule.ruleId}`} title={`${rule.ruleId} ${pick(rule.titleZh, rule.titleEn)}`} styles={{ header: { whiteSpace: 'normal' } }}>
      <EChart option={option} height={170} ariaLabel={pick(rule.titleZh, rule.titleEn)} testId={`gauge-${rule.ruleId}`} />
      <Flex gap={8} wrap align="center">
        <StatusTag status={rule.status} testId={`fund-rule-${rule.ruleId}-status`} />
        <Typography.Text strong data-testid={`fund-rule-${rule.ruleId}-value`}>
          {ruleFigure(rule, t)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('funds.threshold', { value: threshold })}</Typography.Text>
      </Flex>
      {!rule.inForce ? <Typography.Paragraph type="secondary">{t('funds.notInForce')}</Typography.Paragraph> : null}
      {rule.reasons.slice(0, 3).map((r) => (
        <Typography.Paragraph key={r.regionCode} style={{ marginBottom: 4, fontSize: 13 }} type={r.met ? undefined : 'danger'}>
          {pick(r.reasonZh, r.reasonEn)}
        </Typography.Paragraph>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rule.clauseText}
      </Typography.Text>
    </Card>
  );
}

/** 衔接资金 flow: level → project type → industry (values in 元, tooltips in 万元). */
export function FundSankey({ data }: { data: Sankey | undefined }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const option = useMemo(
    () =>
      ({
        tooltip: { trigger: 'item', valueFormatter: (v: number) => `${(v / 10000).toFixed(2)} 万元` },
        series: [
          {
            type: 'sankey',
            data: data?.nodes ?? [],
            links: data?.links ?? [],
            emphasis: { focus: 'adjacency' },
            nodeGap: 10,
            left: 4,
            right: mobile ? 70 : 140,
            label: { fontSize: mobile ? 10 : 12 },
            lineStyle: { color: 'gradient', opacity: 0.4 },
          },
        ],
      }) as unknown as ChartOption,
    [data, mobile],
  );
  return (
    <Card size="small" title={t('funds.sankey')}>
      {data && data.links.length ? (
        <EChart option={option} height={mobile ? 320 : 380} ariaLabel={t('funds.sankey')} testId="fund-sankey" />
      ) : (
        <Empty description={t('funds.sankeyEmpty')} />
      )}
    </Card>
  );
}
