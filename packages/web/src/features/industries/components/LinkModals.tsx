import type { ChainLinkView } from '@chanbang/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useEntityOptions, useIndustryMutations } from '../api.ts';

type LinkValues = { linkKind: string; name?: string | null; shortfall?: string | null };

/** Adds a link to the chain or edits one (kind, name, 短板) on the version it was opened with. */
export function LinkModal({
  open,
  chainId,
  link,
  onClose,
  reload,
}: {
  open: boolean;
  chainId: number;
  link: ChainLinkView | null;
  onClose: () => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useIndustryMutations();
  const [form] = Form.useForm<LinkValues>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (link) form.setFieldsValue(link);
  }, [open, link, form]);
  const save = async () => {
    const v = await form.validateFields();
    const body = { linkKind: v.linkKind, name: v.name || null, shortfall: v.shortfall || null };
    try {
      if (link) await m.updateLink.mutateAsync({ id: link.id, ...withVersion(body, link) });
      else await m.addLink.mutateAsync({ chainId, ...body });
      message.success(t('industries.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, reload);
    }
  };
  return (
    <Modal
      open={open}
      title={link ? t('industries.link.edit') : t('industries.link.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.addLink.isPending || m.updateLink.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="link-form">
        <Form.Item name="linkKind" label={t('industries.link.kind')} rules={[{ required: true }]}>
          <DictSelect dictCode="chain_link_kind" aria-label={t('industries.link.kind')} allowClear={false} />
        </Form.Item>
        <Form.Item name="name" label={t('industries.link.name')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="shortfall" label={t('industries.link.shortfall')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sets the entities working at a link (the whole list), on the link's version. */
export function LinkEntitiesModal({ link, onClose, reload }: { link: ChainLinkView | null; onClose: () => void; reload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useIndustryMutations();
  const options = useEntityOptions(link !== null);
  const [form] = Form.useForm<{ entityIds: number[] }>();
  useEffect(() => {
    if (link) form.setFieldsValue({ entityIds: link.entityIds });
  }, [link, form]);
  const save = async () => {
    if (!link) return;
    const v = await form.validateFields();
    try {
      await m.setEntities.mutateAsync({ id: link.id, ...withVersion({ entityIds: v.entityIds ?? [] }, link) });
      message.success(t('industries.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, reload);
    }
  };
  const known = new Set((options.data ?? []).map((o) => o.value));
  const extra = (link?.entityIds ?? []).filter((id) => !known.has(id)).map((id) => ({ value: id, label: `#${id}` }));
  return (
    <Modal
      open={link !== null}
      title={t('industries.link.assign')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.setEntities.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {options.isSuccess && options.data.length === 0 ? <Alert type="info" showIcon title={t('industries.link.noEntityList')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" data-testid="link-entities-form">
        <Form.Item name="entityIds" label={t('industries.link.entities')} extra={t('industries.link.entitiesHint')}>
          <Select mode="multiple" loading={options.isLoading} options={[...(options.data ?? []), ...extra]} optionFilterProp="label" aria-label={t('industries.link.entities')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
