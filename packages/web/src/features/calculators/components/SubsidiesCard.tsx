import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Modal, Popconfirm, Select, Typography } from 'antd';
import { computeS1, findPack, S1_KINDS, type S1Kind } from '@chanbang/domain';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useActivePack } from '../../admin/api.ts';
import { useSubsidies, useSubsidyMutations, type SubsidyOwner, type SubsidyView } from '../api.ts';

type Values = { kind: S1Kind; areaMu?: number; claimedYuanPerMu?: number | null; year: number };

/**
 * 设施农业补助 (S1, 002 §二(二)2) carried by a project or a household: the list, add (the amount computed by S1 with
 * the county's active pack, previewed as the officer types) and delete with the version read. For the project and
 * household pages to mount: `<SubsidiesCard owner={{ projectId }} writable />`.
 */
export function SubsidiesCard({ owner, writable }: { owner: SubsidyOwner; writable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const list = useSubsidies(owner);
  const mutations = useSubsidyMutations(owner);
  const stale = useStaleSave();
  const active = useActivePack();
  const cfg = useMemo(() => findPack(active.data ?? '')?.rules.find((r) => r.ruleId === 'S1'), [active.data]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const v = Form.useWatch([], form) as Values | undefined;
  const preview = useMemo(() => {
    if (!cfg || !v?.kind || typeof v.areaMu !== 'number') return null;
    try {
      return computeS1(cfg, { kind: v.kind, areaMu: v.areaMu, claimedYuanPerMu: v.kind === 'greenhouse_renovation' ? v.claimedYuanPerMu : null });
    } catch {
      return null;
    }
  }, [cfg, v]);
  const kindLabel = (k: string) => t(`calculators.kind.${k}` as MessageKey);

  const save = async () => {
    const values = await form.validateFields();
    try {
      await mutations.add.mutateAsync({ ...values, areaMu: values.areaMu!, claimedYuanPerMu: values.kind === 'greenhouse_renovation' ? (values.claimedYuanPerMu ?? null) : null });
      message.success(t('common.saved'));
      setOpen(false);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <Card
      size="small"
      title={t('calculators.subsidies.title')}
      extra={
        writable ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!cfg}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ kind: 'solar_greenhouse', year: dayjs().year() });
              setOpen(true);
            }}
          >
            {t('calculators.subsidies.add')}
          </Button>
        ) : null
      }
    >
      {cfg ? null : <Typography.Text type="secondary">{t('calculators.subsidies.noPack')}</Typography.Text>}
      <ResponsiveTable<SubsidyView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        aria-label={t('calculators.subsidies.title')}
        columns={[
          { title: t('calculators.s1.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
          { title: t('calculators.s1.area'), dataIndex: 'areaMu' },
          { title: t('calculators.subsidies.amount'), dataIndex: 'amountYuan', align: 'right', render: (n: number) => formatYuan(n, i18n.lang) },
          { title: t('calculators.subsidies.year'), dataIndex: 'year' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, s: SubsidyView) => (
                    <Popconfirm
                      title={t('common.confirmDelete')}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        mutations.remove.mutate(s, { onSuccess: () => message.success(t('common.deleted')), onError: (err) => stale.fail(err, () => list.refetch()) })
                      }
                    >
                      <Button type="link" size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={open}
        title={t('calculators.subsidies.add')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        confirmLoading={mutations.add.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: preview !== null && !preview.eligible }}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('calculators.s1.kind')} rules={[{ required: true }]}>
            <Select options={S1_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          <Form.Item name="areaMu" label={t('calculators.s1.area')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {v?.kind === 'greenhouse_renovation' ? (
            <Form.Item name="claimedYuanPerMu" label={t('calculators.s1.claimed')} extra={t('calculators.s1.claimedHelp')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="year" label={t('calculators.subsidies.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
        {preview ? (
          <Typography.Paragraph type={preview.eligible ? undefined : 'danger'} aria-live="polite">
            {preview.eligible ? preview.stepsZh.at(-1) : i18n.pick(preview.reasonZh, preview.reasonEn)}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </Card>
  );
}
