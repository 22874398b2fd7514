import { Button, Card, Col, Flex, Row, Select, Skeleton, Space, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { formatPercent, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useFundsSankey, useFundsSummary, type FundsSummary } from '../api.ts';
import { AllocationCard } from '../components/AllocationCard.tsx';
import { FundSankey, RuleGauge } from '../components/FundCharts.tsx';
import { FundSourcesCard } from '../components/FundSourcesCard.tsx';
import { WhatIfDrawer } from '../components/WhatIfDrawer.tsx';

const KEYS = ['regionCode', 'year'] as const;
const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR - i);
type YearRow = FundsSummary['years'][number];

/**
 * 衔接资金: per region and year the F gauges of the county's pack (threshold marked, status, clause with 文号), P2 and
 * P5, the fund-flow sankey, the money by year, the fund sources and the 安排资金 form, and the what-if drawer.
 */
export function FundsPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const regionCode = search.regionCode ?? user.regionCode;
  const year = search.year ? Number(search.year) : THIS_YEAR;
  const writable = user.role === 'admin' || user.role === 'county_officer';
  const summary = useFundsSummary({ regionCode, year });
  const sankey = useFundsSankey({ regionCode, year });
  const [whatIfOpen, setWhatIfOpen] = useState(false);
  const data = summary.data;
  const wan = (v: number) => `${formatYuan(Math.round(v / 100) / 100, lang)} 万元`;

  return (
    <>
      <PageHeader
        title={t('funds.title')}
        subtitle={data ? `${data.regionName} · ${t('funds.pack', { name: data.packNameZh })}` : undefined}
        extra={
          <Flex gap={8} wrap align="center">
            <RegionSelect
              aria-label={t('funds.region')}
              value={regionCode}
              allowClear={false}
              onChange={(code) => setSearch({ regionCode: code === user.regionCode ? undefined : code })}
              style={{ minWidth: 180 }}
            />
            <Select
              aria-label={t('funds.year')}
              value={year}
              onChange={(y) => setSearch({ year: y === THIS_YEAR ? undefined : String(y) })}
              options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))}
              style={{ width: 110 }}
              data-testid="funds-year"
            />
            {writable ? (
              <Button icon={<ExperimentOutlined />} onClick={() => setWhatIfOpen(true)} data-testid="whatif-open">
                {t('funds.whatIf')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            {data.rules.map((r) => (
              <Col key={r.ruleId} xs={24} sm={12} xl={8}>
                <RuleGauge rule={r} />
              </Col>
            ))}
            {data.rules.length === 0 ? (
              <Col span={24}>
                <Typography.Text type="secondary">{t('funds.notApplicable')}</Typography.Text>
              </Col>
            ) : null}
          </Row>
          <FundSankey data={sankey.data} />
          <Card size="small" title={t('funds.byYear')}>
            <ResponsiveTable<YearRow>
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={[...data.years].reverse()}
              columns={[
                { title: t('funds.col.year'), dataIndex: 'year' },
                { title: t('funds.col.linkage'), dataIndex: 'linkageFundYuan', align: 'right', render: (v: number) => wan(v) },
                { title: t('funds.col.allocated'), dataIndex: 'allocatedYuan', align: 'right', render: (v: number) => wan(v) },
                { title: t('funds.col.industry'), dataIndex: 'industryYuan', align: 'right', render: (v: number) => wan(v) },
                { title: t('funds.col.industryShare'), dataIndex: 'industryShare', align: 'right', render: (v: number | null) => formatPercent(v) },
                { title: t('funds.col.specialtyShare'), dataIndex: 'specialtyShare', align: 'right', render: (v: number | null) => formatPercent(v) },
                { title: t('funds.col.chainShare'), dataIndex: 'leadingChainShare', align: 'right', render: (v: number | null) => formatPercent(v) },
                { title: t('funds.col.libraryShare'), dataIndex: 'librarySpecialtyShare', align: 'right', render: (v: number | null) => formatPercent(v) },
              ]}
            />
          </Card>
          <AllocationCard regionCode={regionCode} year={year} writable={writable} />
          <FundSourcesCard regionCode={regionCode} year={year} writable={writable} />
        </Space>
      ) : null}
      {writable ? <WhatIfDrawer open={whatIfOpen} onClose={() => setWhatIfOpen(false)} regionCode={regionCode} year={year} writable={writable} /> : null}
    </>
  );
}
