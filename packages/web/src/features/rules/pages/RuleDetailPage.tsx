import { ArrowLeftOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useRegion } from '../../regions/api.ts';
import { defaultRuleYear, RULE_YEARS, useRuleDrill, type RuleRegionRow } from '../api.ts';
import { FailingList } from '../components/FailingList.tsx';
import { RuleRegionChart, regionValue } from '../components/RuleRegionChart.tsx';
import { ruleName } from '../components/RulesTable.tsx';
import { RuleStatusTag } from '../components/RuleStatusTag.tsx';
import { formatRuleValue, yearsText } from '../rule-format.ts';
import { ApiError } from '../../../lib/api-client.ts';

/** Why the server would not evaluate the rule (not_in_force, not_implemented), from the error's details. */
function reasonOf(err: unknown): string | undefined {
  return err instanceof ApiError && typeof err.details?.reason === 'string' ? err.details.reason : undefined;
}
function yearsOf(err: unknown): number[] {
  const years = err instanceof ApiError ? err.details?.years : undefined;
  return Array.isArray(years) ? years.filter((y): y is number => typeof y === 'number') : [];
}

const KEYS = ['regionCode', 'year', 'group', 'page'] as const;

/** One rule for a region and year: the figure by child region (chart + table), and the failing subjects. */
export function RuleDetailPage() {
  const { t, pick, lang } = useI18n();
  const { ruleId = '' } = useParams();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const regionCode = search.regionCode ?? user.regionCode;
  const year = search.year && /^\d{4}$/.test(search.year) ? Number(search.year) : defaultRuleYear();
  const page = Math.max(1, Number(search.page) || 1);
  const { data, isLoading, error, refetch } = useRuleDrill(ruleId, regionCode, year);
  const { data: region } = useRegion(regionCode);
  const parentCode = region?.parentCode && regionCode !== user.regionCode ? region.parentCode : undefined;
  const drillTo = (code: string | undefined) => setSearch({ regionCode: code === user.regionCode ? undefined : code, group: undefined });
  const title = data ? ruleName(data, pick) : ruleId;
  const backQs = new URLSearchParams(Object.entries({ regionCode: search.regionCode, year: search.year }).filter((e): e is [string, string] => !!e[1])).toString();

  return (
    <>
      <PageHeader
        title={title}
        subtitle={region?.name}
        extra={
          <Flex gap={8} wrap>
            <Link to={`/rules${backQs ? `?${backQs}` : ''}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('rules.drill.back')}</Button>
            </Link>
            {parentCode ? (
              <Button icon={<ArrowUpOutlined />} onClick={() => drillTo(parentCode)}>
                {t('rules.drill.up')}
              </Button>
            ) : null}
            <RegionSelect aria-label={t('rules.region')} value={regionCode} allowClear={false} onChange={(code) => drillTo(code)} />
            <Select
              aria-label={t('rules.year')}
              value={year}
              style={{ width: 120 }}
              onChange={(y) => setSearch({ year: y === defaultRuleYear() ? undefined : y, group: undefined })}
              options={RULE_YEARS.map((y) => ({ value: y, label: t('rules.yearOption', { year: y }) }))}
            />
          </Flex>
        }
      />
      {error && reasonOf(error) === 'not_in_force' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('rules.drill.notInForce', { year, years: yearsText(yearsOf(error), lang) ?? '—' })}
          action={
            <Flex gap={8} wrap>
              {yearsOf(error).map((y) => (
                <Button key={y} size="small" onClick={() => setSearch({ year: y === defaultRuleYear() ? undefined : y, group: undefined })}>
                  {t('rules.yearOption', { year: y })}
                </Button>
              ))}
            </Flex>
          }
        />
      ) : error && reasonOf(error) === 'not_implemented' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('rules.drill.notImplemented')} />
      ) : error ? (
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      ) : null}
      {isLoading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('rules.col.status')}>
                  <RuleStatusTag status={data.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('rules.col.value')}>
                  <Typography.Text strong type={data.status === 'not_met' ? 'danger' : undefined}>
                    {formatRuleValue(data.value, data.unit, lang)}
                  </Typography.Text>
                  {data.threshold !== null ? (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t('rules.target', { text: formatRuleValue(data.threshold, data.thresholdUnit, lang) })}
                    </Typography.Text>
                  ) : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('rules.col.metTotal')}>{data.total ? `${data.met} / ${data.total}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('rules.year')}>{t('rules.yearOption', { year: data.year ?? year })}</Descriptions.Item>
                {data.paramsTextZh ? <Descriptions.Item label={t('rules.drill.params')}>{pick(data.paramsTextZh, data.paramsTextEn)}</Descriptions.Item> : null}
                <Descriptions.Item label={t('rules.col.clause')}>
                  <Tag color="gold" style={{ whiteSpace: 'normal' }}>
                    {data.clauseText || data.clause}
                  </Tag>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('rules.drill.byRegion')}>
              {data.byRegion.length ? (
                <RuleRegionChart rows={data.byRegion} threshold={data.threshold} thresholdUnit={data.thresholdUnit} title={title} onPick={(r) => drillTo(r.code)} />
              ) : (
                <Empty description={t('common.empty')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('rules.drill.byRegionTable')}>
              <ResponsiveTable<RuleRegionRow>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={data.byRegion}
                aria-label={t('rules.drill.byRegionTable')}
                cardTitle={(r) => (
                  <Button type="link" style={{ padding: 0 }} onClick={() => drillTo(r.code)}>
                    {r.name}
                  </Button>
                )}
                columns={[
                  {
                    title: t('rules.drill.region'),
                    key: 'name',
                    responsive: ['md'],
                    render: (_: unknown, r) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => drillTo(r.code)}>
                        {r.name}
                      </Button>
                    ),
                  },
                  { title: t('rules.col.value'), key: 'value', render: (_: unknown, r) => formatRuleValue(regionValue(r), r.unit, lang) },
                  { title: t('rules.col.metTotal'), key: 'met', render: (_: unknown, r) => (r.total ? `${r.met} / ${r.total}` : '—') },
                  { title: t('rules.col.status'), key: 'status', render: (_: unknown, r) => (r.status ? <RuleStatusTag status={r.status} /> : '—') },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <FailingList
              ruleId={ruleId}
              regionCode={search.regionCode}
              year={year}
              groups={data.groups ?? []}
              failingTotal={data.failingTotal ?? data.total - data.met}
              group={search.group}
              page={page}
              onChange={(next) => setSearch({ group: next.group, page: next.page && next.page > 1 ? next.page : undefined }, { keepPage: true })}
            />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
