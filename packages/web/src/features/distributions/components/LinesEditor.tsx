import type { DistributionView } from '@chanbang/domain';
import { fenToYuan, splitByLargestRemainder, yuanToFen } from '@chanbang/domain';
import { Button, InputNumber, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useDict } from '../../dictionaries/api.ts';

/** A line as the editor holds it: a household added in the browser has no labour figure until the save (`hasLabor` null). */
export type EditLine = Omit<DistributionView['lines'][number], 'hasLabor'> & { hasLabor: boolean | null };

/** Lines per page, in the table and in the phone cards alike. */
export const LINES_PAGE_SIZE = 20;

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

/**
 * The lines of a distribution: editable (kind, units, amount, remove) while a draft, else read-only. Cards on phones.
 * Paged by {@link LINES_PAGE_SIZE} with the count (a village of 70 households is 4 pages, not 70 cards); `focus` (a
 * household just added) turns to its page. Edits of every page stay in `lines`.
 */
export function LinesEditor({ lines, editable, onChange, focus }: { lines: EditLine[]; editable: boolean; onChange: (lines: EditLine[]) => void; focus?: number | null }) {
  const { t, lang } = useI18n();
  const dict = useDict();
  const [page, setPage] = useState(1);
  useEffect(() => {
    const at = focus ? lines.findIndex((l) => l.householdId === focus) : -1;
    if (at >= 0) setPage(Math.floor(at / LINES_PAGE_SIZE) + 1);
    // only when another household is focused, not on every edit of the lines
  }, [focus]);
  const pages = Math.max(1, Math.ceil(lines.length / LINES_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = lines.slice((current - 1) * LINES_PAGE_SIZE, current * LINES_PAGE_SIZE);
  const set = (id: number, patch: Partial<EditLine>) => onChange(lines.map((l) => (l.householdId === id ? { ...l, ...patch } : l)));
  const count = t('dist.line.count', { n: String(lines.length) });
  return (
    <>
      <Typography.Text type="secondary" data-testid="dist-line-count">
        {count}
      </Typography.Text>
      <ResponsiveTable<EditLine>
        rowKey="householdId"
        size="small"
        dataSource={shown}
        pagination={{ current, pageSize: LINES_PAGE_SIZE, total: lines.length, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        aria-label={t('dist.detail.lines')}
        cardTitle={(l) => `${l.headName ?? '—'}（${l.householdNo}）`}
        columns={[
          { title: t('dist.line.householdNo'), dataIndex: 'householdNo', responsive: ['md'] },
          { title: t('dist.line.head'), dataIndex: 'headName', responsive: ['md'] },
          { title: t('dist.line.type'), dataIndex: 'householdType', render: (v: string) => dict.label('household_type', v) },
          {
            title: t('dist.line.labor'),
            dataIndex: 'hasLabor',
            render: (v: boolean | null) =>
              v === null ? (
                <Typography.Text type="secondary">{t('dist.line.laborPending')}</Typography.Text>
              ) : (
                <Tag color={v ? 'blue' : 'default'}>{v ? t('dist.line.hasLabor') : t('dist.line.noLabor')}</Tag>
              ),
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
    </>
  );
}
