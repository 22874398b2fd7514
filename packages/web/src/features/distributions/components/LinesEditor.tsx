import type { DistributionView } from '@chanbang/domain';
import { fenToYuan, splitByLargestRemainder, yuanToFen } from '@chanbang/domain';
import { Button, InputNumber, Select, Tag } from 'antd';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useDict } from '../../dictionaries/api.ts';

export type EditLine = DistributionView['lines'][number];

/** Totals of the lines in 分 (the share counts 脱贫户 and 监测户 only). */
export function lineTotals(lines: readonly EditLine[]): { totalFen: number; lmFen: number; workFen: number } {
  let totalFen = 0;
  let lmFen = 0;
  let workFen = 0;
  for (const l of lines) {
    const f = yuanToFen(l.amountYuan || 0);
    totalFen += f;
    if (l.householdType === 'lifted' || l.householdType === 'monitored') lmFen += f;
    if (l.kind === 'work') workFen += f;
  }
  return { totalFen, lmFen, workFen };
}

/** 按劳动量重算: the work lines' total split again by their units (hundredths), largest remainder to the 分. */
export function recomputeByWork(lines: readonly EditLine[]): EditLine[] {
  const work = lines.filter((l) => l.kind === 'work');
  const poolFen = lineTotals(lines).workFen;
  const weights = work.map((l) => Math.round((l.workUnits ?? 0) * 100));
  if (weights.every((w) => w === 0)) return [...lines];
  const parts = splitByLargestRemainder(poolFen, weights);
  const byId = new Map(work.map((l, i) => [l.householdId, fenToYuan(parts[i]!)]));
  return lines.map((l) => (byId.has(l.householdId) ? { ...l, amountYuan: byId.get(l.householdId)! } : l));
}

/** The lines of a distribution: editable (kind, units, amount, remove) while a draft, else read-only. Cards on phones. */
export function LinesEditor({ lines, editable, onChange }: { lines: EditLine[]; editable: boolean; onChange: (lines: EditLine[]) => void }) {
  const { t, lang } = useI18n();
  const dict = useDict();
  const set = (id: number, patch: Partial<EditLine>) => onChange(lines.map((l) => (l.householdId === id ? { ...l, ...patch } : l)));
  return (
    <ResponsiveTable<EditLine>
      rowKey="householdId"
      size="small"
      dataSource={lines}
      pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      aria-label={t('dist.detail.lines')}
      cardTitle={(l) => `${l.headName ?? '—'}（${l.householdNo}）`}
      columns={[
        { title: t('dist.line.householdNo'), dataIndex: 'householdNo', responsive: ['md'] },
        { title: t('dist.line.head'), dataIndex: 'headName', responsive: ['md'] },
        { title: t('dist.line.type'), dataIndex: 'householdType', render: (v: string) => dict.label('household_type', v) },
        {
          title: t('dist.line.labor'),
          dataIndex: 'hasLabor',
          render: (v: boolean) => <Tag color={v ? 'blue' : 'default'}>{v ? t('dist.line.hasLabor') : t('dist.line.noLabor')}</Tag>,
        },
        {
          title: t('dist.line.kind'),
          dataIndex: 'kind',
          render: (_, l) =>
            editable ? (
              <Select
                size="small"
                value={l.kind}
                aria-label={t('dist.line.kind')}
                style={{ width: 110 }}
                onChange={(kind) => set(l.householdId, { kind, workUnits: kind === 'work' ? (l.workUnits ?? 1) : null })}
                options={(['work', 'base'] as const).map((k) => ({ value: k, label: t(`dist.line.kind.${k}`) }))}
              />
            ) : (
              t(`dist.line.kind.${l.kind}`)
            ),
        },
        {
          title: t('dist.line.units'),
          dataIndex: 'workUnits',
          align: 'right',
          render: (_, l) =>
            l.kind !== 'work' ? (
              '—'
            ) : editable ? (
              <InputNumber size="small" min={0} precision={2} value={l.workUnits} aria-label={t('dist.line.units')} onChange={(v) => set(l.householdId, { workUnits: v ?? 0 })} />
            ) : (
              l.workUnits
            ),
        },
        {
          title: t('dist.line.amount'),
          dataIndex: 'amountYuan',
          align: 'right',
          render: (_, l) =>
            editable ? (
              <InputNumber
                size="small"
                min={0}
                precision={2}
                value={l.amountYuan}
                aria-label={`${t('dist.line.amount')} ${l.householdNo}`}
                data-testid={`dist-amount-${l.householdId}`}
                onChange={(v) => set(l.householdId, { amountYuan: v ?? 0 })}
              />
            ) : (
              formatYuan(l.amountYuan, lang)
            ),
        },
        ...(editable
          ? [
              {
                title: '',
                key: 'remove',
                render: (_: unknown, l: EditLine) => (
                  <Button size="small" type="link" danger onClick={() => onChange(lines.filter((x) => x.householdId !== l.householdId))}>
                    {t('dist.line.remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
