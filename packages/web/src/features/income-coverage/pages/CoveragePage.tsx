import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Flex, Row, Select, Typography } from 'antd';
import { ApiError } from '../../../lib/api-client.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useRegion } from '../../regions/api.ts';
import { RULE_YEARS } from '../../rules/api.ts';
import { COVERAGE_RULES, useCoverageDrills, type CoverageRuleId } from '../api.ts';
import { CoverageTable, type CoverageDrill } from '../components/CoverageTable.tsx';
import { LocalIncomeCard } from '../components/LocalIncomeCard.tsx';

const KEYS = ['regionCode', 'year'] as const;

/** The last finished year by default: a year's incomes are recorded after it ends. */
function defaultYear(): number {
  return Math.min(Math.max(new Date().getFullYear() - 1, RULE_YEARS[0]), RULE_YEARS[RULE_YEARS.length - 1]!);
}

/** The county of a region code (its first 6 digits, padded). */
const countyOf = (code: string) => `${code.slice(0, 6)}000000`;

/**
 * 三有一持续 (issue 8 §7–§8): per village, rolled up to township and county, the shares of H3 户户有产业, H4 人人有就业,
 * H5 家家有收入, H2 产业链稳定收入 and H6's income growth against local farmers, each linking to the rule's list of failing
 * households (or villages) with their reasons; below, 当地农民人均可支配收入 by year.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const regionCode = search.regionCode ?? user.regionCode;
  const year = search.year && /^\d{4}$/.test(search.year) ? Number(search.year) : defaultYear();
  const { data: region } = useRegion(regionCode);
  const results = useCoverageDrills(regionCode, year);
  const drills = Object.fromEntries(COVERAGE_RULES.map((id, i) => [id, { data: results[i]?.data, error: results[i]?.error }])) as Record<CoverageRuleId, CoverageDrill>;
  const loading = results.some((r) => r.isFetching);
  const parentCode = region?.parentCode && regionCode !== user.regionCode ? region.parentCode : undefined;
  const drillTo = (code: string | undefined) => setSearch({ regionCode: code === user.regionCode ? undefined : code });
  // a rule not in force this year or not in the county's pack is shown in its column; anything else is an error
  const unexpected = results.find((r) => r.error && !(r.error instanceof ApiError && (typeof r.error.details?.reason === 'string' || r.error.status === 404)));

  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        subtitle={region?.name}
        extra={
          <Flex gap={8} wrap>
            {parentCode ? (
              <Button icon={<ArrowUpOutlined />} onClick={() => drillTo(parentCode)}>
                {t('rules.drill.up')}
              </Button>
            ) : null}
            <RegionSelect aria-label={t('coverage.region')} value={regionCode} allowClear={false} onChange={(code) => drillTo(code)} />
            <Select
              aria-label={t('coverage.year')}
              value={year}
              style={{ width: 120 }}
              onChange={(y) => setSearch({ year: y === defaultYear() ? undefined : y })}
              options={RULE_YEARS.map((y) => ({ value: y, label: t('rules.yearOption', { year: y }) }))}
            />
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('coverage.subtitle')}</Typography.Paragraph>
      {unexpected ? <ErrorAlert error={unexpected.error} onRetry={() => void unexpected.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={t('coverage.byRegion')}>
            <Typography.Paragraph type="secondary">{t('coverage.drillHint')}</Typography.Paragraph>
            <CoverageTable drills={drills} regionCode={regionCode} regionName={region?.name ?? regionCode} year={year} loading={loading} onDrill={drillTo} />
            <Collapse
              size="small"
              ghost
              style={{ marginTop: 8 }}
              items={[
                {
                  key: 'def',
                  label: t('coverage.definitions'),
                  children: (
                    <Flex vertical gap={4}>
                      {COVERAGE_RULES.map((id) => (
                        <Typography.Text key={id} type="secondary">
                          {t(`coverage.def.${id}` as MessageKey)}
                        </Typography.Text>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <LocalIncomeCard regionCode={regionCode} defaultRegion={countyOf(regionCode)} year={year} />
        </Col>
      </Row>
    </>
  );
}
