import { clauseDocuments, describeRuleParams, formatClause, type PolicyDocument } from '@chanbang/domain';
import { Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { PolicyPack, PolicyRule } from '../../../lib/types.ts';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';

type Pack = PolicyPack & { documents?: PolicyDocument[] };
type Rule = PolicyRule & { params?: Record<string, unknown>; noteZh?: string; noteEn?: string; implemented?: boolean };

/** Where a clause comes from: 文号 and section, with the documents' titles and issuers on hover. */
export function ClauseCitation({ pack, clause }: { pack: Pack | null; clause: string }) {
  const docs = clauseDocuments(pack, clause);
  const text = formatClause(pack, clause);
  const tip = docs.map((d) => `${d.issuerZh}《${d.titleZh}》${d.docNo ? `（${d.docNo}）` : ''}，${d.date}`).join('\n');
  return (
    <Tooltip title={tip ? <span style={{ whiteSpace: 'pre-line' }}>{tip}</span> : undefined}>
      <span>{text}</span>
    </Tooltip>
  );
}

/** A pack's rules as 规则名称 | 阈值 | 适用年度 | 依据 (文号 + 条款), thresholds in words. */
export function PackRules({ pack }: { pack: Pack }) {
  const { t, pick } = useI18n();
  return (
    <ResponsiveTable<Rule>
      size="small"
      rowKey="id"
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 900 }}
      dataSource={pack.rules as Rule[]}
      aria-label={pick(pack.nameZh, pack.nameEn)}
      cardTitle={(r) => pick(r.titleZh, r.titleEn) || '—'}
      columns={[
        {
          title: t('policy.ruleTitle'),
          key: 'title',
          width: 260,
          responsive: ['md'],
          render: (_: unknown, r: Rule) => (
            <span>
              {pick(r.titleZh, r.titleEn) || '—'}
              {r.implemented ? (
                <Tag color="green" style={{ marginInlineStart: 6 }}>
                  {t('policy.evaluated')}
                </Tag>
              ) : null}
            </span>
          ),
        },
        {
          title: t('policy.threshold'),
          key: 'threshold',
          render: (_: unknown, r: Rule) => {
            const texts = describeRuleParams({ params: r.params ?? {} });
            return (
              <div>
                {texts.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {texts.map((x) => (
                      <li key={x.zh}>{pick(x.zh, x.en)}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
                {r.noteZh ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 2, expandable: true, symbol: t('policy.more') }}>
                    {pick(r.noteZh, r.noteEn ?? r.noteZh)}
                  </Typography.Paragraph>
                ) : null}
              </div>
            );
          },
        },
        { title: t('policy.years'), dataIndex: 'years', width: 130, render: (y?: number[]) => (y?.length ? y.map((v) => `${v} 年`).join('、') : t('policy.allYears')) },
        { title: t('policy.clause'), dataIndex: 'clause', width: 240, render: (v: string) => <ClauseCitation pack={pack} clause={v} /> },
      ]}
    />
  );
}
