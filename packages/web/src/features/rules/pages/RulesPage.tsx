import { Card, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { defaultRuleYear, RULE_YEARS, useRules } from '../api.ts';
import { RulesTable } from '../components/RulesTable.tsx';
import { SandboxPanel } from '../components/SandboxPanel.tsx';

const KEYS = ['regionCode', 'year', 'tab', 'packId', 'ruleId'] as const;

/** 政策规则: every rule of the county's pack with its figure for a region and year, and the 试算 sandbox. */
export function RulesPage() {
  const { t, pick } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const regionCode = search.regionCode ?? user.regionCode;
  const year = search.year && /^\d{4}$/.test(search.year) ? Number(search.year) : defaultRuleYear();
  const { data, isLoading, error, refetch, isFetching } = useRules(regionCode, year);
  const tab = search.tab === 'sandbox' ? 'sandbox' : 'rules';
  const packName = data ? pick(data.packNameZh, data.packNameEn) : undefined;

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={packName ? t('rules.packOf', { pack: packName }) : undefined}
        extra={
          <Flex gap={8} wrap>
            <RegionSelect
              aria-label={t('rules.region')}
              value={regionCode}
              allowClear={false}
              onChange={(code) => setSearch({ regionCode: code === user.regionCode ? undefined : code }, { keepPage: true })}
            />
            <Select
              aria-label={t('rules.year')}
              value={year}
              style={{ width: 120 }}
              onChange={(y) => setSearch({ year: y === defaultRuleYear() ? undefined : y }, { keepPage: true })}
              options={RULE_YEARS.map((y) => ({ value: y, label: t('rules.yearOption', { year: y }) }))}
            />
          </Flex>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k === 'sandbox' ? 'sandbox' : undefined }, { keepPage: true })}
        items={[
          {
            key: 'rules',
            label: t('rules.tab.rules'),
            children: isLoading ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : data ? (
              <Card size="small">
                <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                  {t('rules.hint', { year })}
                </Typography.Paragraph>
                <RulesTable rules={data.rules} regionCode={search.regionCode} year={year} loading={isFetching} />
              </Card>
            ) : null,
          },
          {
            key: 'sandbox',
            label: t('rules.tab.sandbox'),
            children: <SandboxPanel rules={data?.rules ?? []} defaultPackId={data?.packId} year={year} initialPackId={search.packId} initialRuleId={search.ruleId} />,
          },
        ]}
      />
    </>
  );
}
