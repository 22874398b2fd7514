import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client.ts';
import { formatPercent } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import type { RuleDrill } from '../../rules/api.ts';
import { yearsText } from '../../rules/rule-format.ts';
import { COVERAGE_RULES, type CoverageRuleId } from '../api.ts';

/** One rule's figure of one region: met of total and the rule's own value (H6: the village's growth). */
type Figure = { total: number; met: number; value: number | null; status?: string };
type Row = { code: string; name: string; own: boolean; figures: Partial<Record<CoverageRuleId, Figure>> };

export type CoverageDrill = { data?: RuleDrill; error: unknown };

/** Why a rule has no figures: not in force this year (with its years), or not in the county's pack. */
function absence(err: unknown): { reason: string; years: number[] } | null {
  if (!(err instanceof ApiError)) return null;
  const years = Array.isArray(err.details?.years) ? (err.details.years as unknown[]).filter((y): y is number => typeof y === 'number') : [];
  return { reason: typeof err.details?.reason === 'string' ? err.details.reason : err.code, years };
}

/** Rows: this region's own totals, then its child regions (townships of a county, villages of a township). */
function rowsOf(drills: Record<CoverageRuleId, CoverageDrill>, regionCode: string, regionName: string): Row[] {
  const rows = new Map<string, Row>();
  rows.set(regionCode, { code: regionCode, name: regionName, own: true, figures: {} });
  for (const id of COVERAGE_RULES) {
    const d = drills[id].data;
    if (!d) continue;
    rows.get(regionCode)!.figures[id] = { total: d.total, met: d.met, value: d.value, status: d.status };
    for (const c of d.byRegion) {
      if (!rows.has(c.code)) rows.set(c.code, { code: c.code, name: c.name, own: false, figures: {} });
      rows.get(c.code)!.figures[id] = { total: c.total, met: c.met, value: c.value, status: c.status };
    }
  }
  return [...rows.values()];
}

export type CoverageTableProps = {
  drills: Record<CoverageRuleId, CoverageDrill>;
  regionCode: string;
  regionName: string;
  year: number;
  loading: boolean;
  onDrill: (code: string) => void;
};

/** 三有一持续 by region: each figure links to the rule's list of failing households (or villages, H6) with their reasons. */
export function CoverageTable({ drills, regionCode, regionName, year, loading, onDrill }: CoverageTableProps) {
  const { t, lang } = useI18n();
  const rows = rowsOf(drills, regionCode, regionName);
  const cell = (id: CoverageRuleId, r: Row) => {
    const gone = absence(drills[id].error);
    if (gone) {
      const text = gone.reason === 'not_in_force' ? t('coverage.notInForce', { years: yearsText(gone.years, lang) ?? '—' }) : t('coverage.notConfigured');
      return <Typography.Text type="secondary">{r.own ? text : '—'}</Typography.Text>;
    }
    const f = r.figures[id];
    if (!f || f.total === 0) return <Typography.Text type="secondary">{t('coverage.noData')}</Typography.Text>;
    const to = `/rules/${id}?regionCode=${r.code}&year=${year}`;
    const failing = f.total - f.met;
    const bad = f.status === 'not_met';
    const villageGrowth = id === 'H6' && f.total === 1 && f.value !== null;
    const main = villageGrowth ? formatPercent(f.value) : formatPercent(f.total ? f.met / f.total : null);
    const sub = id === 'H6' ? (villageGrowth ? '' : t('coverage.cell.villages', { met: f.met, total: f.total })) : t('coverage.cell', { met: f.met, total: f.total });
    return (
      <Flex vertical gap={0} data-testid={`coverage-cell-${id}-${r.code}`}>
        <Link to={to} data-testid={`coverage-${id}-${r.code}`}>
          <Typography.Text strong type={bad ? 'danger' : undefined}>
            {main}
          </Typography.Text>
          {villageGrowth ? (
            <Tag color={bad ? 'red' : 'green'} style={{ marginInlineStart: 6 }}>
              {t(bad ? 'rules.status.not_met' : 'rules.status.met')}
            </Tag>
          ) : null}
        </Link>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
        {failing > 0 && id !== 'H6' ? (
          <Link to={to}>
            <Typography.Text type="danger">{t(id === 'H4' ? 'coverage.cell.failPersons' : 'coverage.cell.fail', { n: failing })}</Typography.Text>
          </Link>
        ) : null}
      </Flex>
    );
  };
  const name = (r: Row) =>
    r.own ? (
      <Typography.Text strong>
        {r.name}（{t('coverage.total')}）
      </Typography.Text>
    ) : (
      <Button type="link" style={{ padding: 0 }} onClick={() => onDrill(r.code)}>
        {r.name}
      </Button>
    );
  return (
    <ResponsiveTable<Row>
      size="small"
      rowKey="code"
      loading={loading}
      pagination={false}
      dataSource={rows}
      aria-label={t('coverage.title')}
      cardTitle={(r) => name(r)}
      scroll={{ x: 960 }}
      columns={[
        { title: t('coverage.col.region'), key: 'name', width: 180, responsive: ['md'], render: (_: unknown, r) => name(r) },
        ...COVERAGE_RULES.map((id) => ({
          title: (
            <Tooltip title={t(`coverage.def.${id}` as MessageKey)}>
              <span>{t(`coverage.col.${id}` as MessageKey)}</span>
            </Tooltip>
          ),
          key: id,
          render: (_: unknown, r: Row) => cell(id, r),
        })),
      ]}
    />
  );
}
