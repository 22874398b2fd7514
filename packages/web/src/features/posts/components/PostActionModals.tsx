import type { PostAppointmentView, PostDetail } from '@chanbang/domain';
import { App, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { usePostCandidates, usePostMutations } from '../api.ts';

/** Today in China (the server judges dates on it too). */
export const todayText = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** `2026-03` → `2026年3月`. */
export const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

type ModalProps = { post: PostDetail; open: boolean; onClose: () => void; reload: () => unknown };

/** Asks before a write (确认对话框), then runs it; the dialog closes on success. */
function useConfirmed() {
  const { modal } = App.useApp();
  return (content: string, run: () => Promise<void>) => modal.confirm({ content, okText: '确定', cancelText: '取消', onOk: run });
}

/** 聘任: a person of the post's region picked by name (ID masked), the start date, on the post's version. */
export function HireModal({ post, open, onClose, reload }: ModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const dict = useDict();
  const confirm = useConfirmed();
  const m = usePostMutations();
  const [q, setQ] = useState('');
  const [form] = Form.useForm<{ personId: number; startedOn: string }>();
  const candidates = usePostCandidates(post.regionCode, q, open);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ startedOn: todayText() });
      setQ('');
    }
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    const person = candidates.data?.items.find((c) => c.personId === v.personId);
    confirm(t('posts.hire.confirm', { name: person?.name ?? '', post: post.name }), async () => {
      try {
        await m.hire.mutateAsync({ id: post.id, ...withVersion({ personId: v.personId, startedOn: v.startedOn }, post) });
        message.success(t('posts.hire.done'));
        onClose();
      } catch (err) {
        stale.fail(err, reload);
      }
    });
  };

  return (
    <Modal open={open} title={t('posts.hire.title')} onCancel={onClose} onOk={() => void save()} okText={t('posts.hire')} cancelText={t('common.cancel')} forceRender>
      <Form form={form} layout="vertical" name="post-hire" data-testid="post-hire-form">
        <Form.Item name="personId" label={t('posts.hire.person')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t('posts.hire.search')}
            aria-label={t('posts.hire.person')}
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.personId,
              disabled: c.onPost,
              label: (
                <Space size={4} wrap>
                  <span>{c.name}</span>
                  <Typography.Text type="secondary">{c.idNumber}</Typography.Text>
                  <Typography.Text type="secondary">{`${c.regionName ?? ''} ${dict.label('household_type', c.householdType)}`}</Typography.Text>
                  {c.priority ? <Tag color="green">{pick('优先', 'priority')}</Tag> : null}
                  {c.onPost ? <Tag>{t('posts.hire.onPost')}</Tag> : null}
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="startedOn" label={t('posts.hire.startedOn')} rules={[{ required: true }]}>
          <Input type="date" max={todayText()} aria-label={t('posts.hire.startedOn')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发放补贴: months (YYYY-MM) of the holding, at the post's subsidy (shown, not editable: the server refuses another amount). */
export function PayModal({ post, holding, open, onClose }: Omit<ModalProps, 'reload'> & { holding: PostAppointmentView | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const confirm = useConfirmed();
  const m = usePostMutations();
  const [form] = Form.useForm<{ months: string[]; amountYuan?: number; paidOn: string }>();
  const paid = new Set(holding?.payments.map((p) => p.month) ?? []);
  const thisMonth = todayText().slice(0, 7);
  const options: string[] = [];
  if (holding) {
    const last = holding.endedOn && holding.endedOn.slice(0, 7) < thisMonth ? holding.endedOn.slice(0, 7) : thisMonth;
    for (let d = new Date(`${holding.startedOn.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= last; d.setUTCMonth(d.getUTCMonth() + 1)) {
      const mo = d.toISOString().slice(0, 7);
      if (!paid.has(mo)) options.push(mo);
    }
  }
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ paidOn: todayText(), amountYuan: post.monthlySubsidyYuan });
    }
  }, [open, form, post.monthlySubsidyYuan]);

  const save = async () => {
    const v = await form.validateFields();
    if (!holding) return;
    confirm(t('posts.pay.confirm', { name: holding.personName, months: v.months.map(monthText).join('、') }), async () => {
      try {
        await m.pay.mutateAsync({ id: post.id, appointmentId: holding.id, months: v.months, paidOn: v.paidOn });
        message.success(t('posts.pay.done'));
        onClose();
      } catch (err) {
        stale.fail(err, () => undefined);
      }
    });
  };

  return (
    <Modal open={open} title={t('posts.pay.title')} onCancel={onClose} onOk={() => void save()} okText={t('posts.pay')} cancelText={t('common.cancel')} forceRender>
      <Form form={form} layout="vertical" name="post-pay" data-testid="post-pay-form">
        <Form.Item name="months" label={t('posts.pay.months')} rules={[{ required: true }]}>
          <Select mode="multiple" aria-label={t('posts.pay.months')} options={options.map((mo) => ({ value: mo, label: monthText(mo) }))} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('posts.pay.amount')}>
          <InputNumber disabled min={0} precision={2} style={{ width: '100%' }} aria-label={t('posts.pay.amount')} />
        </Form.Item>
        <Form.Item name="paidOn" label={t('posts.pay.paidOn')} rules={[{ required: true }]}>
          <Input type="date" aria-label={t('posts.pay.paidOn')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退岗: the date and the reason (dict post_exit_reason), on the holding's version. */
export function ExitModal({ post, holding, open, onClose, reload }: ModalProps & { holding: PostAppointmentView | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const confirm = useConfirmed();
  const m = usePostMutations();
  const [form] = Form.useForm<{ endedOn: string; exitReason: string; exitNote?: string }>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ endedOn: todayText() });
    }
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    if (!holding) return;
    confirm(t('posts.exit.confirm', { name: holding.personName, date: v.endedOn }), async () => {
      try {
        await m.exit.mutateAsync({
          id: post.id,
          appointmentId: holding.id,
          ...withVersion({ endedOn: v.endedOn, exitReason: v.exitReason as never, exitNote: v.exitNote?.trim() || null }, holding),
        });
        message.success(t('posts.exit.done'));
        onClose();
      } catch (err) {
        stale.fail(err, reload);
      }
    });
  };

  return (
    <Modal
      open={open}
      title={t('posts.exit.title')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('posts.exit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name="post-exit" data-testid="post-exit-form">
        <Form.Item name="endedOn" label={t('posts.exit.endedOn')} rules={[{ required: true }]}>
          <Input type="date" min={holding?.startedOn} max={todayText()} aria-label={t('posts.exit.endedOn')} />
        </Form.Item>
        <Form.Item name="exitReason" label={t('posts.exit.reason')} rules={[{ required: true }]}>
          <DictSelect dictCode="post_exit_reason" aria-label={t('posts.exit.reason')} allowClear={false} />
        </Form.Item>
        <Form.Item name="exitNote" label={t('posts.exit.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 撤岗: an open post with its reason and date (the record stays). */
export function ClosePostModal({ post, open, onClose, reload }: ModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = usePostMutations();
  const [form] = Form.useForm<{ reason: string; closedOn: string }>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ closedOn: todayText() });
    }
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await m.close.mutateAsync({ id: post.id, ...withVersion({ reason: v.reason.trim(), closedOn: v.closedOn }, post) });
      message.success(t('posts.close.done'));
      onClose();
    } catch (err) {
      stale.fail(err, reload);
    }
  };

  return (
    <Modal
      open={open}
      title={t('posts.close.title')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('posts.close')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <p>{t('posts.close.hint')}</p>
      <Form form={form} layout="vertical" name="post-close">
        <Form.Item name="reason" label={t('posts.close.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="closedOn" label={t('posts.close.date')} rules={[{ required: true }]}>
          <Input type="date" max={todayText()} aria-label={t('posts.close.date')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
