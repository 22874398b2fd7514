import { Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import type { RuleSummary } from '../api.ts';
import { formatRuleValue, yearsText } from '../rule-format.ts';
import { RuleStatusTag } from './RuleStatusTag.tsx';

export type RulesTableProps = { rules: RuleSummary[]; regionCode?: string; year: number; loading?: boolean };

/** Link of a rule's drill-down for a region and year. */
export function ruleLink(ruleId: string, regionCode: string | undefined, year?: number): string {
  const q = new URLSearchParams();
  if (regionCode) q.set('regionCode', regionCode);
  if (year) q.set('year', String(year));
  const qs = q.toString();
  return `/rules/${encodeURIComponent(ruleId)}${qs ? `?${qs}` : ''}`;
}

/** The rule's name as officers read it: "F1 衔接资金用于产业发展占比". */
export function ruleName(rule: { ruleId: string; titleZh?: string | null; titleEn?: string | null }, pick: (zh?: string | null, en?: string | null) => string): string {
  const title = pick(rule.titleZh, rule.titleEn);
  return title ? `${rule.ruleId} ${title}` : rule.ruleId;
}

/** Every rule of the pack: 规则 | 依据 | 适用年度 | 状态 | 当前值 / 目标 | 达标/总数; a row opens the drill-down. */
export function RulesTable({ rules, regionCode, year, loading }: RulesTableProps) {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <ResponsiveTable<RuleSummary>
      size="small"
      rowKey="ruleId"
      loading={loading}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1040 }}
      dataSource={rules}
      aria-label={t('rules.table')}
      onRow={(r) => ({ onClick: () => navigate(ruleLink(r.ruleId, regionCode, year)), style: { cursor: 'pointer' } })}
      cardTitle={(r) => (
        <Link to={ruleLink(r.ruleId, regionCode, year)} style={{ whiteSpace: 'normal' }}>
          {ruleName(r, pick)}
        </Link>
      )}
      columns={[
        {
          title: t('rules.col.rule'),
          key: 'rule',
          width: 260,
          responsive: ['md'],
          render: (_: unknown, r) => (
            <Link to={ruleLink(r.ruleId, regionCode, year)} onClick={(e) => e.stopPropagation()}>
              {ruleName(r, pick)}
            </Link>
          ),
        },
        { title: t('rules.col.clause'), key: 'clause', width: 220, render: (_: unknown, r) => <span style={{ overflowWrap: 'anywhere' }}>{r.clauseText || r.clause}</span> },
        { title: t('rules.col.years'), key: 'years', width: 120, render: (_: unknown, r) => yearsText(r.years, lang) ?? t('rules.everyYear') },
        { title: t('rules.col.status'), key: 'status', width: 110, render: (_: unknown, r) => <RuleStatusTag status={r.status} /> },
        {
          title: t('rules.col.value'),
          key: 'value',
          render: (_: unknown, r) => (
            <div style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
              {r.value !== null || !(r.paramsTextZh || r.paramsTextEn || r.threshold !== null) ? (
                <Typography.Text strong type={r.status === 'not_met' ? 'danger' : undefined}>
                  {formatRuleValue(r.value, r.unit, lang)}
                </Typography.Text>
              ) : null}
              {r.paramsTextZh || r.paramsTextEn ? (
                <div>
                  <Typography.Text type="secondary">{t('rules.target', { text: pick(r.paramsTextZh, r.paramsTextEn) })}</Typography.Text>
                </div>
              ) : r.threshold !== null ? (
                <div>
                  <Typography.Text type="secondary">{t('rules.target', { text: formatRuleValue(r.threshold, r.thresholdUnit, lang) })}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        },
        { title: t('rules.col.metTotal'), key: 'met', width: 100, render: (_: unknown, r) => (r.total ? `${r.met} / ${r.total}` : '—') },
      ]}
    />
  );
}
