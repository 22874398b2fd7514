import { Alert, Grid, Table } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ExcludedHousehold, ImportError } from '../../../lib/types.ts';
import { IssueCards } from './IssueCards.tsx';

/** Households whose good rows were left out because another of their rows is bad: number, head, rows, reason. */
export function ExcludedHouseholds({ items }: { items: ExcludedHousehold[] }) {
  const { t, pick } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  if (items.length === 0) return null;
  return (
    <>
      <Alert type="warning" showIcon title={t('imp.excludedTitle')} style={{ margin: '16px 0 8px' }} />
      {mobile ? (
        <IssueCards
          label={t('imp.excludedTitle')}
          items={items.map((x) => ({ key: x.householdNo, title: `${x.householdNo} ${x.headName ?? ''}`, text: pick(x.reasonZh, x.reasonEn) }))}
        />
      ) : (
        <Table<ExcludedHousehold>
          size="small"
          rowKey="householdNo"
          dataSource={items}
          aria-label={t('imp.excludedTitle')}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          columns={[
            { title: t('imp.household'), dataIndex: 'householdNo', width: 150 },
            { title: t('imp.headName'), dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
            { title: t('imp.excludedRowList'), dataIndex: 'rows', width: 110, render: (rows: number[]) => rows.join('、') },
            { title: t('imp.excludedReason'), key: 'reason', render: (_, x) => pick(x.reasonZh, x.reasonEn) },
          ]}
        />
      )}
    </>
  );
}

/** Warnings: the rows are imported all the same (出生日期 disagrees with the ID number …). */
export function ImportWarnings({ items }: { items: ImportError[] }) {
  const { t, pick } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  if (items.length === 0) return null;
  return (
    <>
      <Alert type="info" showIcon title={t('imp.warnings')} style={{ margin: '16px 0 8px' }} />
      {mobile ? (
        <IssueCards
          label={t('imp.warnings')}
          items={items.map((e) => ({ key: `${e.row}-${e.column}`, title: `${t('imp.row')} ${e.row} · ${e.column}`, text: pick(e.messageZh, e.messageEn) }))}
        />
      ) : (
        <Table<ImportError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}`}
          dataSource={items}
          aria-label={t('imp.warnings')}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 480 }}
          columns={[
            { title: t('imp.row'), dataIndex: 'row', width: 70 },
            { title: t('imp.column'), dataIndex: 'column', width: 110 },
            { title: t('imp.warningText'), key: 'reason', render: (_, e) => pick(e.messageZh, e.messageEn) },
          ]}
        />
      )}
    </>
  );
}
