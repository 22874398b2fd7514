import { A2_HOUSEHOLD_TYPES } from '@chanbang/domain';
import { Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useDistributionCandidates } from '../api.ts';
import type { EditLine } from './LinesEditor.tsx';

type Values = { householdId?: number; kind: 'work' | 'base'; workUnits?: number | null; amountYuan?: number | null };
const A2_TYPES: readonly string[] = A2_HOUSEHOLD_TYPES;

/**
 * 添加农户 to a draft's lines: one of the village's active 脱贫户/监测户 not yet in the lines, found by 户编号 or 户主姓名
 * (the registry's search), with its 分配方式, 劳动量 and amount. The line joins the editor; the officer saves the lines as
 * usual (versioned PATCH); the server checks the household again and fills in its labour.
 */
export function AddHouseholdModal({
  open,
  village,
  lines,
  onClose,
  onAdd,
}: {
  open: boolean;
  village: string;
  lines: readonly EditLine[];
  onClose: () => void;
  onAdd: (line: EditLine) => void;
}) {
  const { t } = useI18n();
  const dict = useDict();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const kind = Form.useWatch('kind', form) ?? 'work';
  const found = useDistributionCandidates(village, q);
  const taken = new Set(lines.map((l) => l.householdId));
  const candidates = (found.data?.items ?? []).filter((h) => A2_TYPES.includes(h.householdType) && !taken.has(h.id));
  // the household picked: kept apart from the search results, which change (and may empty) once the search text is
  // cleared by the pick itself
  const [picked, setPicked] = useState<(typeof candidates)[number] | null>(null);
  const shown = picked && !candidates.some((c) => c.id === picked.id) ? [picked, ...candidates] : candidates;
  const close = () => {
    form.resetFields();
    setQ('');
    setPicked(null);
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const h = picked?.id === v.householdId ? picked : candidates.find((c) => c.id === v.householdId);
    if (!h) return;
    onAdd({
      id: 0,
      householdId: h.id,
      householdNo: h.householdNo,
      headName: h.headName,
      householdType: h.householdType,
      hasLabor: null,
      kind: v.kind,
      workUnits: v.kind === 'work' ? (v.workUnits ?? 0) : null,
      amountYuan: v.amountYuan ?? 0,
      carriedAt: null,
    });
    close();
  };
  return (
    <Modal open={open} title={t('dist.add.title')} onCancel={close} onOk={() => void submit()} okText={t('dist.add.ok')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'work', workUnits: 1, amountYuan: 0 }}>
        <Form.Item name="householdId" label={t('dist.add.household')} rules={[{ required: true, message: t('dist.add.search') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={(text) => {
              // the pick clears the search text: keep the results the officer picked from
              if (text.trim()) setQ(text);
            }}
            onChange={(id: number) => setPicked(shown.find((c) => c.id === id) ?? null)}
            loading={found.isFetching}
            placeholder={t('dist.add.search')}
            aria-label={t('dist.add.household')}
            data-testid="dist-add-household"
            notFoundContent={q.trim() ? t('dist.add.none') : null}
            options={shown.map((h) => ({ value: h.id, label: `${h.headName ?? '—'}（${h.householdNo}）${dict.label('household_type', h.householdType)}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('dist.line.kind')}>
          <Select aria-label={t('dist.line.kind')} options={(['work', 'base'] as const).map((k) => ({ value: k, label: t(`dist.line.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'work' ? (
          <Form.Item name="workUnits" label={t('dist.line.units')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('dist.line.units')} />
          </Form.Item>
        ) : null}
        <Form.Item name="amountYuan" label={t('dist.line.amount')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('dist.line.amount')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
