import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { RuleSummary } from '../../rules/api.ts';
import { RuleStatusTag } from '../../rules/components/RuleStatusTag.tsx';
import { ruleLink, ruleName } from '../../rules/components/RulesTable.tsx';
import { formatRuleValue } from '../../rules/rule-format.ts';

export type RulesSummaryCardProps = { regionCode: string; rules: RuleSummary[]; year?: number };

/** 政策规则达标情况: every rule of the county's pack with its status and figure; each opens its drill-down. */
export function RulesSummaryCard({ regionCode, rules, year }: RulesSummaryCardProps) {
  const { t, pick, lang } = useI18n();
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#1f7a4d' }} /> {t('rules.dash.title')}
        </span>
      }
      extra={<Link to={`/rules?regionCode=${encodeURIComponent(regionCode)}`}>{t('rules.dash.all')}</Link>}
      data-testid="dashboard-rules"
    >
      {rules.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.dash.none')} />
      ) : (
        <List
          size="small"
          aria-label={t('rules.dash.title')}
          dataSource={rules}
          renderItem={(r) => (
            <List.Item key={r.ruleId}>
              <Flex gap={8} wrap align="center" style={{ width: '100%' }}>
                <RuleStatusTag status={r.status} />
                <Link to={ruleLink(r.ruleId, regionCode, year)} style={{ flex: '1 1 220px', minWidth: 0, overflowWrap: 'anywhere' }}>
                  {ruleName(r, pick)}
                </Link>
                <Typography.Text type={r.status === 'not_met' ? 'danger' : 'secondary'} style={{ overflowWrap: 'anywhere' }}>
                  {[
                    r.value !== null ? formatRuleValue(r.value, r.unit, lang) : null,
                    r.threshold !== null ? t('rules.target', { text: formatRuleValue(r.threshold, r.thresholdUnit, lang) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
