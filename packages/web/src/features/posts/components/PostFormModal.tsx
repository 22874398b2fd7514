import type { PostCreate, PostDetail } from '@chanbang/domain';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { usePostMutations } from '../api.ts';

type Values = { name: string; postType: PostCreate['postType']; regionCode: string; needReason: string; monthlySubsidyYuan: number; note?: string };

/** 设岗 (按需设岗: the need is required; a village officer's village by default) / 修改岗位 (sends the version the dialog was opened with). */
export function PostFormModal({
  open,
  post,
  onClose,
  onSaved,
  reload,
  defaultRegion,
}: {
  open: boolean;
  /** the place a new post starts with (a village officer's village) */
  defaultRegion?: string | undefined;
  post?: PostDetail;
  onClose: () => void;
  onSaved?: (p: PostDetail) => void;
  reload?: () => unknown;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = usePostMutations();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (!post && defaultRegion) form.setFieldsValue({ regionCode: defaultRegion });
    if (post)
      form.setFieldsValue({
        name: post.name,
        postType: post.postType as PostCreate['postType'],
        regionCode: post.regionCode,
        needReason: post.needReason,
        monthlySubsidyYuan: post.monthlySubsidyYuan,
        note: post.note ?? undefined,
      });
  }, [open, post, form, defaultRegion]);

  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, name: v.name.trim(), needReason: v.needReason.trim(), note: v.note?.trim() || null };
    try {
      const saved = post ? await m.update.mutateAsync({ id: post.id, ...withVersion(body, post) }) : await m.create.mutateAsync(body);
      message.success(t('posts.saved'));
      onClose();
      onSaved?.(saved);
    } catch (err) {
      stale.fail(err, reload ?? (() => undefined));
    }
  };

  return (
    <Modal
      open={open}
      title={t(post ? 'posts.form.edit' : 'posts.form.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name="post-form" data-testid="post-form">
        <Form.Item name="name" label={t('posts.field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="postType" label={t('posts.field.type')} rules={[{ required: true }]}>
          <DictSelect dictCode="public_post_type" aria-label={t('posts.field.type')} allowClear={false} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('posts.field.region')} rules={[{ required: true }]}>
          <RegionSelect aria-label={t('posts.field.region')} />
        </Form.Item>
        <Form.Item name="needReason" label={t('posts.field.need')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="monthlySubsidyYuan" label={t('posts.field.subsidy')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('posts.field.subsidy')} />
        </Form.Item>
        <Form.Item name="note" label={t('posts.field.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
