import type { BackboneView } from '@chanbang/domain';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useEntityMutations } from '../api.ts';

type Values = { name: string; kind: string; specialty?: string; title?: string; phone?: string; regionCode?: string; active?: boolean };

/** A 12-digit code that is not a township's (ends in 000): the village a backbone serves by default. */
export const seatIsVillage = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

const formValues = (b: BackboneView): Values => ({ ...b, specialty: b.specialty ?? undefined, title: b.title ?? undefined, phone: b.phone ?? undefined });

/**
 * Add or edit a 技术骨干. With `entityId` a new one belongs to that entity (its seat village by default), without it
 * a new one is the village's own (科技人员 page: the village is required). An edit sends the version the dialog was
 * opened with; a masked phone left as shown is not sent back.
 */
export function BackboneModal({
  backbone,
  entityId,
  defaultVillage,
  onClose,
  reload,
}: {
  backbone: BackboneView | 'new' | null;
  entityId?: number;
  defaultVillage?: string | undefined;
  onClose: () => void;
  reload: () => Promise<BackboneView | undefined>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  const [form] = Form.useForm<Values>();
  const existing = backbone && backbone !== 'new' ? backbone : null;
  const villageRequired = entityId === undefined || !defaultVillage;
  useEffect(() => {
    if (!backbone) return;
    form.resetFields();
    if (existing) form.setFieldsValue(formValues(existing));
    else form.setFieldsValue({ kind: 'backbone', active: true, regionCode: defaultVillage });
  }, [backbone, existing, defaultVillage, form]);

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
      else if (entityId !== undefined) await m.addBackbone.mutateAsync({ entityId, ...body });
      else await m.addVillageBackbone.mutateAsync({ ...body, regionCode: v.regionCode ?? '' });
      message.success(t('entities.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload();
        if (fresh) form.setFieldsValue(formValues(fresh));
      });
    }
  };

  return (
    <Modal
      open={!!backbone}
      title={existing ? t('entities.backbone.edit') : t('entities.backbone.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.addBackbone.isPending || m.updateBackbone.isPending || m.addVillageBackbone.isPending}
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
        <Form.Item
          name="regionCode"
          label={t('entities.backbone.village')}
          rules={[
            { required: villageRequired, message: t('entities.backbone.villageRequired') },
            { validator: async (_r, v?: string) => (v && !seatIsVillage(v) ? Promise.reject(new Error(t('entities.backbone.villageRequired'))) : undefined) },
          ]}
        >
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
