import { Alert, Space, Tag, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import type { RegionLoadReport } from '../api.ts';

type Line = { key: string; kind: 'added' | 'renamed' | 'refused'; row?: number; code: string; name: string; detail: string };
const COLOR = { added: 'green', renamed: 'blue', refused: 'red' } as const;

/** The change report of a region list import or dataset load: counts, then one line per added, renamed or refused region. */
export function RegionChangeReport({ report }: { report: RegionLoadReport }) {
  const { t, lang } = useI18n();
  const lines: Line[] = [
    ...report.refused.map((r, i) => ({ key: `x${i}`, kind: 'refused' as const, row: r.row, code: r.code, name: r.name, detail: lang === 'en' ? r.reasonEn : r.reasonZh })),
    ...report.added.map((a) => ({ key: `a${a.code}`, kind: 'added' as const, code: a.code, name: a.name, detail: t(`level.${a.level}` as MessageKey) })),
    ...report.renamed.map((r) => ({ key: `r${r.code}`, kind: 'renamed' as const, code: r.code, name: r.to, detail: `${r.from} → ${r.to}` })),
  ];
  return (
    <section aria-label={t('regions.report')}>
      {report.county ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('regions.datasetCounty', { name: `${report.county.provinceName}${report.county.cityName}${report.county.name}`, code: report.county.code })}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 8 }} data-testid="region-report-counts">
        <Tag color="green">
          {t('regions.added')} {report.added.length}
        </Tag>
        <Tag color="blue">
          {t('regions.renamed')} {report.renamed.length}
        </Tag>
        <Tag>
          {t('regions.unchanged')} {report.unchanged}
        </Tag>
        <Tag color={report.refused.length ? 'red' : undefined}>
          {t('regions.refused')} {report.refused.length}
        </Tag>
      </Space>
      {lines.length ? (
        <ResponsiveTable<Line>
          size="small"
          rowKey="key"
          aria-label={t('regions.report')}
          dataSource={lines}
          pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          cardTitle={(l) => (
            <Space>
              <Tag color={COLOR[l.kind]}>{t(`regions.${l.kind}` as MessageKey)}</Tag>
              {l.name}
            </Space>
          )}
          columns={[
            { title: t('regions.change'), dataIndex: 'kind', render: (k: Line['kind']) => <Tag color={COLOR[k]}>{t(`regions.${k}` as MessageKey)}</Tag> },
            { title: t('regions.row'), dataIndex: 'row', render: (r?: number) => r ?? '—' },
            { title: t('regions.code'), dataIndex: 'code' },
            { title: t('regions.name'), dataIndex: 'name' },
            { title: t('regions.reason'), dataIndex: 'detail', render: (d: string) => <Typography.Text>{d}</Typography.Text> },
          ]}
        />
      ) : null}
    </section>
  );
}
