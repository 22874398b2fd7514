import { Card, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useRuleResults, type RuleFailingItem, type RuleGroup } from '../api.ts';

export type FailingListProps = {
  ruleId: string;
  regionCode?: string;
  year: number;
  groups: RuleGroup[];
  failingTotal: number;
  group?: string;
  page: number;
  onChange: (next: { group?: string; page?: number }) => void;
};

const PAGE_SIZE = 20;

/** Where a failing subject opens: the server's link, kept inside the app. */
function appLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** 未达标清单: each failing subject with its region and reason, group tabs (H1: 劳动能力未采集 …), paged from /results. */
export function FailingList({ ruleId, regionCode, year, groups, failingTotal, group, page, onChange }: FailingListProps) {
  const { t, pick } = useI18n();
  const failing = useRuleResults(ruleId, { regionCode, year, status: 'not_met', group, page, pageSize: PAGE_SIZE });
  // a group of subjects listed for information only (H1 弱劳力半劳力: not counted) has no failing ones: show those
  const groupCount = groups.find((g) => g.code === group)?.count ?? 0;
  const listedOnly = !!group && groupCount > 0 && failing.data?.total === 0 && !failing.isPlaceholderData;
  const listed = useRuleResults(ruleId, { regionCode, year, status: 'listed', group, page, pageSize: PAGE_SIZE }, listedOnly);
  const results = listedOnly ? listed : failing;
  const items = results.data?.items ?? [];
  const label = (r: RuleFailingItem) => {
    const text = r.label || r.key;
    const to = appLink(r.link);
    // a long label (J3: 企业名称 · 姓名（户编号）) wraps in a phone's card title instead of losing the name to an ellipsis
    const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;
    return to ? (
      <Link to={to} style={wrap}>
        {text}
      </Link>
    ) : (
      <span style={wrap}>{text}</span>
    );
  };
  const tabs = groups.length
    ? [{ key: '', label: t('rules.drill.allGroups', { n: failingTotal }) }, ...groups.map((g) => ({ key: g.code, label: `${pick(g.labelZh, g.labelEn)}（${g.count}）` }))]
    : null;
  return (
    <Card size="small" title={t('rules.drill.failing', { n: failingTotal })}>
      {tabs ? <Tabs size="small" activeKey={group ?? ''} items={tabs} onChange={(k) => onChange({ group: k || undefined, page: 1 })} /> : null}
      {results.error ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      <ResponsiveTable<RuleFailingItem>
        size="small"
        rowKey={(r) => `${r.key}-${r.groupCode ?? ''}`}
        loading={results.isFetching}
        dataSource={items}
        aria-label={t('rules.drill.failingList')}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        cardTitle={(r) => label(r)}
        locale={{ emptyText: t('rules.drill.noFailing') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: results.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p) => onChange({ group, page: p }),
        }}
        columns={[
          { title: t('rules.drill.subject'), key: 'label', width: 240, responsive: ['md'], render: (_: unknown, r) => label(r) },
          { title: t('rules.drill.region'), key: 'region', width: 150, render: (_: unknown, r) => r.regionName || r.regionCode },
          {
            title: t('rules.drill.reason'),
            key: 'reason',
            render: (_: unknown, r) =>
              r.status === 'listed' ? (
                <Typography.Text>
                  <Tag>{t('rules.drill.listed')}</Tag>
                  {pick(r.reasonZh, r.reasonEn)}
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">{pick(r.reasonZh, r.reasonEn)}</Typography.Text>
              ),
          },
          ...(groups.length
            ? [
                {
                  title: t('rules.drill.group'),
                  key: 'group',
                  width: 200,
                  render: (_: unknown, r: RuleFailingItem) => {
                    const g = groups.find((x) => x.code === r.groupCode);
                    return g ? pick(g.labelZh, g.labelEn) : '—';
                  },
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
