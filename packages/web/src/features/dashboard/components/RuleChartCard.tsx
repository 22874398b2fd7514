import { Card, Flex, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { formatClause } from '@chanbang/domain';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Dashboard } from '../../../lib/types.ts';
import { RuleRegionChart } from '../../rules/components/RuleRegionChart.tsx';
import { formatRuleValue } from '../../rules/rule-format.ts';
import { householdsLink } from '../api.ts';

/** a rule's evaluation as the dashboard carries it (`h1`: the units may be absent when the pack has no H1) */
export type RuleChartCardProps = { regionCode: string; rule: Dashboard['h1'] };

/**
 * A household rule on the dashboard (H1): its name and clause, the region's figure, the link to the households
 * failing it, and the figure per child region (RuleRegionChart, test id `chart-<rule id>`); a bar opens the
 * household list of that region filtered by the rule.
 */
export function RuleChartCard({ regionCode, rule }: RuleChartCardProps) {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const unmet = rule.total - rule.met;
  // officers read the rule's name, never its catalogue id
  const title = rule.titleZh || rule.titleEn ? pick(rule.titleZh ?? '', rule.titleEn ?? '') : t('dashboard.h1');
  const below = rule.value !== null && rule.threshold !== null && rule.value < rule.threshold;
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}>
      {rule.clause ? (
        <Tag color="gold" style={{ whiteSpace: 'normal', marginBottom: 8 }}>
          {t('dashboard.clause', { clause: formatClause(null, rule.clause) })}
        </Tag>
      ) : null}
      <Flex gap={32} align="center" style={{ marginBottom: 8 }} wrap>
        <Statistic title={t('dashboard.overall')} value={formatRuleValue(rule.value, rule.unit ?? 'share', lang)} valueStyle={{ color: below ? '#d4380d' : '#1f7a4d' }} />
        <Link to={householdsLink(rule.drill, { regionCode, warning: rule.ruleId })}>
          <Typography.Text type={unmet ? 'danger' : 'secondary'}>{t('dashboard.unmetHouseholds', { n: unmet })}</Typography.Text>
        </Link>
      </Flex>
      <RuleRegionChart
        rows={rule.byRegion}
        threshold={rule.threshold}
        thresholdUnit={rule.thresholdUnit ?? 'share'}
        title={title}
        testId={`chart-${rule.ruleId.toLowerCase()}`}
        onPick={(row) => navigate(householdsLink(row.drill, { regionCode: row.code, warning: rule.ruleId }))}
      />
    </Card>
  );
}
