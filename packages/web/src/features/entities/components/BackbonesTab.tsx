import { PlusOutlined } from '@ant-design/icons';
import type { BackboneView, EntityView } from '@chanbang/domain';
import { App, Button, Flex, Form, Input, Modal, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useEntityBackbones, useEntityMutations } from '../api.ts';

type Values = { name: string; kind: string; specialty?: string; title?: string; phone?: string; regionCode?: string; active?: boolean };

const seatIsVillage = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

/** 技术骨干 of an entity (000 §五(二): every cooperative has at least one): list, add, edit with versions. */
export function BackbonesTab({ entity, writable }: { entity: EntityView; writable: boolean }) {
  const { t } = useI18n();
  const dict = useDict();
  const list = useEntityBackbones(entity.id);
  const [editing, setEditing] = useState<BackboneView | 'new' | null>(null);
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {writable && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="backbone-add">
            {t('entities.backbone.add')}
          </Button>
        </div>
      )}
      <ResponsiveTable<BackboneView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('entities.backbone.empty') }}
        cardActions={writable ? (b) => <Button onClick={() => setEditing(b)}>{t('common.edit')}</Button> : undefined}
        columns={[
          { title: t('entities.backbone.name'), dataIndex: 'name' },
          { title: t('entities.backbone.kind'), dataIndex: 'kind', render: (_, b) => dict.label('backbone_kind', b.kind) },
          { title: t('entities.backbone.specialty'), dataIndex: 'specialty' },
          { title: t('entities.backbone.title'), dataIndex: 'title' },
          { title: t('entities.backbone.village'), dataIndex: 'regionName', render: (_, b) => b.regionName ?? b.regionCode },
          { title: t('entities.backbone.phone'), dataIndex: 'phone' },
          { title: t('entities.backbone.active'), dataIndex: 'active', render: (_, b) => (b.active ? t('entities.yes') : <Tag>{t('entities.no')}</Tag>) },
          ...(writable
            ? [{ title: '', key: 'edit', responsive: ['md' as const], render: (_: unknown, b: BackboneView) => <a onClick={() => setEditing(b)}>{t('common.edit')}</a> }]
            : []),
        ]}
      />
      <BackboneModal
        entity={entity}
        backbone={editing}
        onClose={() => setEditing(null)}
        reload={async () => (await list.refetch()).data?.items.find((b) => editing !== 'new' && b.id === editing?.id)}
      />
    </Flex>
  );
}

function BackboneModal({
  entity,
  backbone,
  onClose,
  reload,
}: {
  entity: EntityView;
  backbone: BackboneView | 'new' | null;
  onClose: () => void;
  reload: () => Promise<BackboneView | undefined>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  const [form] = Form.useForm<Values>();
  const existing = backbone && backbone !== 'new' ? backbone : null;
  useEffect(() => {
    if (!backbone) return;
    form.resetFields();
    if (existing) form.setFieldsValue({ ...existing, specialty: existing.specialty ?? undefined, title: existing.title ?? undefined, phone: existing.phone ?? undefined });
    else form.setFieldsValue({ kind: 'backbone', active: true, regionCode: seatIsVillage(entity.regionCode) ? entity.regionCode : undefined });
  }, [backbone, existing, entity.regionCode, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name,
      kind: v.kind,
      specialty: v.specialty?.trim() || null,
      title: v.title?.trim() || null,
      ...(existing && v.phone === existing.phone ? {} : { phone: v.phone?.trim() || null }),
      ...(v.regionCode ? { regionCode: v.regionCode } : {}),
      active: v.active ?? true,
    };
    try {
      if (existing) await m.updateBackbone.mutateAsync({ id: existing.id, ...withVersion(body, existing) });
      else await m.addBackbone.mutateAsync({ entityId: entity.id, ...body });
      message.success(t('entities.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload();
        if (fresh) form.setFieldsValue({ ...fresh, specialty: fresh.specialty ?? undefined, title: fresh.title ?? undefined, phone: fresh.phone ?? undefined });
      });
    }
  };

  return (
    <Modal
      open={!!backbone}
      title={existing ? t('entities.backbone.edit') : t('entities.backbone.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.addBackbone.isPending || m.updateBackbone.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} name="backbone" layout="vertical" data-testid="backbone-form">
        <Form.Item name="name" label={t('entities.backbone.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="kind" label={t('entities.backbone.kind')} rules={[{ required: true }]}>
          <DictSelect dictCode="backbone_kind" aria-label={t('entities.backbone.kind')} allowClear={false} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('entities.backbone.village')} rules={[{ required: !seatIsVillage(entity.regionCode) }]}>
          <RegionSelect aria-label={t('entities.backbone.village')} />
        </Form.Item>
        <Form.Item name="specialty" label={t('entities.backbone.specialty')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="title" label={t('entities.backbone.title')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={t('entities.backbone.phone')}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        <Form.Item name="active" label={t('entities.backbone.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
