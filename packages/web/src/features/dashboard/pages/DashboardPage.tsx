import { Button, Col, Flex, Row, Skeleton } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useRegion } from '../../regions/api.ts';
import { useDashboard } from '../api.ts';
import { HouseholdsByTypeChart } from '../components/HouseholdsByTypeChart.tsx';
import { RuleChartCard } from '../components/RuleChartCard.tsx';
import { TypeCountCards } from '../components/TypeCountCards.tsx';
import { WarningList } from '../components/WarningList.tsx';
import { RulesSummaryCard } from '../components/RulesSummaryCard.tsx';
import { ruleName } from '../../rules/components/RulesTable.tsx';
import type { RuleSummary } from '../../rules/api.ts';

const KEYS = ['regionCode'] as const;

/** 工作台: counts, households by type per child region, H1 coverage, warnings. Region in the URL. */
export function DashboardPage() {
  const { t, pick } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const regionCode = search.regionCode ?? user.regionCode;
  const { data, isLoading, error, refetch } = useDashboard(regionCode);
  const { data: region } = useRegion(regionCode);
  const parentCode = region?.parentCode && regionCode !== user.regionCode ? region.parentCode : undefined;
  const name = data?.region.name ?? region?.name ?? regionCode;
  const level = data?.region.level ?? region?.level;
  // the rule summaries of the county's pack (GET /dashboard `rules`)
  const rules: RuleSummary[] = data?.rules ?? [];
  const ruleTitles = Object.fromEntries(rules.map((r) => [r.ruleId, ruleName(r, pick)]));

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={level ? `${name} · ${t(`level.${level}` as MessageKey)}` : name}
        extra={
          <Flex gap={8} align="center">
            {parentCode ? (
              <Button icon={<ArrowUpOutlined />} onClick={() => setSearch({ regionCode: parentCode === user.regionCode ? undefined : parentCode })}>
                {t('common.back')}
              </Button>
            ) : null}
            <RegionSelect
              aria-label={t('dashboard.region')}
              value={regionCode}
              allowClear={false}
              onChange={(code) => setSearch({ regionCode: code === user.regionCode ? undefined : code })}
            />
          </Flex>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isLoading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {data ? (
        <>
          <TypeCountCards regionCode={regionCode} counts={data.countsByType} drill={data.countsDrill} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <HouseholdsByTypeChart data={data} />
            </Col>
            <Col xs={24} xl={12}>
              <RuleChartCard regionCode={regionCode} rule={data.h1} />
            </Col>
            <Col span={24}>
              <RulesSummaryCard regionCode={regionCode} rules={rules} />
            </Col>
            <Col span={24}>
              <WarningList regionCode={regionCode} warnings={data.warnings} totals={data.warningTotals} ruleTitles={ruleTitles} />
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
