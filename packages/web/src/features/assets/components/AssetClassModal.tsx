import type { AssetDetail } from '@chanbang/domain';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useAssetMutations } from '../api.ts';

/** 调整分类 (四个一批, 004 §五): the new class and the required reason, on the version the page shows. */
export function AssetClassModal({ asset, open, onClose, reload }: { asset: AssetDetail; open: boolean; onClose: () => void; reload: () => unknown }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useAssetMutations();
  const [form] = Form.useForm<{ assetClass: string; reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await m.changeClass.mutateAsync({ id: asset.id, ...withVersion({ assetClass: v.assetClass, reason: v.reason.trim() }, asset) });
      message.success(t('assets.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, reload);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assets.class.title')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.changeClass.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name="asset-class" data-testid="asset-class-form">
        <Form.Item name="assetClass" label={t('assets.class.to')} rules={[{ required: true }]}>
          <DictSelect dictCode="asset_class" aria-label={t('assets.class.to')} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('assets.class.reason')} rules={[{ required: true, whitespace: true, message: t('assets.class.reasonRequired') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 处置: reason and date; the record stays, read-only. */
export function AssetDisposeModal({ asset, open, onClose, reload }: { asset: AssetDetail; open: boolean; onClose: () => void; reload: () => unknown }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useAssetMutations();
  const [form] = Form.useForm<{ reason: string; disposedOn: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await m.dispose.mutateAsync({ id: asset.id, ...withVersion({ reason: v.reason.trim(), disposedOn: v.disposedOn }, asset) });
      message.success(t('assets.dispose.done'));
      onClose();
    } catch (err) {
      stale.fail(err, reload);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assets.dispose.title')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.dispose.isPending}
      okText={t('common.save')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <p>{t('assets.dispose.hint')}</p>
      <Form form={form} layout="vertical" name="asset-dispose">
        <Form.Item name="reason" label={t('assets.dispose.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="disposedOn" label={t('assets.dispose.date')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
