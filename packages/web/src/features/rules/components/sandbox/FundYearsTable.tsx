import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber } from 'antd';
import { useI18n } from '../../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../../ui/ResponsiveTable.tsx';
import { fundColumnWords, type FundYearKey, type FundYearRow } from '../../sandbox-facts.ts';

export type FundYearsTableProps = {
  ruleId: string;
  columns: FundYearKey[];
  rows: FundYearRow[];
  onChange: (rows: FundYearRow[]) => void;
  /** the year judged: its row cannot be removed */
  year: number;
};

/** 12345678.5 → 12,345,678.5 (the integer part grouped by thousands; display in the box only). */
export function groupDigits(v: number | string | undefined): string {
  if (v === undefined || v === '') return '';
  const [int = '', dec] = String(v).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec !== undefined ? `${grouped}.${dec}` : grouped;
}

/** F1–F4 试算: one row per year, amounts in 元 (≤ 2 decimals); the judged year and earlier years for "rising". */
export function FundYearsTable({ ruleId, columns, rows, onChange, year }: FundYearsTableProps) {
  const { t, pick } = useI18n();
  const set = (y: number, key: FundYearKey, v: number | null) => onChange(rows.map((r) => (r.year === y ? { ...r, [key]: v } : r)));
  const addYear = () => {
    const first = rows.length ? Math.min(...rows.map((r) => r.year)) : year;
    onChange([{ year: first - 1, linkageFundYuan: null, industryYuan: null, leadingChainYuan: null }, ...rows]);
  };
  return (
    <>
      <ResponsiveTable<FundYearRow>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        aria-label={t('rules.sandbox.fundTable')}
        cardTitle={(r) => t('rules.sandbox.yearRow', { year: r.year })}
        cardActions={(r) =>
          r.year !== year ? (
            <Button size="small" icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((x) => x.year !== r.year))}>
              {t('rules.sandbox.removeYear', { year: r.year })}
            </Button>
          ) : null
        }
        columns={[
          { title: t('rules.sandbox.year'), key: 'year', width: 90, responsive: ['md'], render: (_: unknown, r) => t('rules.sandbox.yearRow', { year: r.year }) },
          ...columns.map((c) => {
            const label = pick(...fundColumnWords(ruleId, c));
            return {
              title: label,
              key: c,
              render: (_: unknown, r: FundYearRow) => (
                <InputNumber<number>
                  aria-label={`${r.year} 年 ${label}`}
                  value={r[c]}
                  min={0}
                  max={999_999_999_999.99}
                  precision={2}
                  step={10_000}
                  formatter={(v) => groupDigits(v)}
                  parser={(v) => (v ?? '').replace(/,/g, '') as unknown as number}
                  style={{ width: '100%', minWidth: 140 }}
                  onChange={(v) => set(r.year, c, v ?? null)}
                />
              ),
            };
          }),
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            responsive: ['md'],
            render: (_: unknown, r) =>
              r.year !== year ? (
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('rules.sandbox.removeYear', { year: r.year })}
                  onClick={() => onChange(rows.filter((x) => x.year !== r.year))}
                />
              ) : null,
          },
        ]}
      />
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={addYear}>
        {t('rules.sandbox.addYear')}
      </Button>
    </>
  );
}
